package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The encoder picks the smallest encoding (1.6), byte for byte, on each side of every boundary; and each of
 * these encodings decodes back to the value.
 */
class EncodingChoiceTest {

    @Test
    void nullAndBoolean() {
        assertEncodes(NullValue.NULL, "40");
        assertEncodes(BooleanValue.TRUE, "41");
        assertEncodes(BooleanValue.FALSE, "42");
    }

    @Test
    void fixedWidthIntegers() {
        assertEncodes(new UByteValue(0), "50 00");
        assertEncodes(new UByteValue(255), "50 ff");
        assertEncodes(new UShortValue(0), "60 00 00");
        assertEncodes(new UShortValue(65535), "60 ff ff");
        assertEncodes(new ByteValue((byte) -128), "51 80");
        assertEncodes(new ByteValue((byte) 127), "51 7f");
        assertEncodes(new ShortValue((short) -1), "61 ff ff");
        assertEncodes(new ShortValue(Short.MIN_VALUE), "61 80 00");
    }

    @Test
    void uintUsesUint0ThenSmalluintThenUint() {
        assertEncodes(new UIntValue(0), "43");
        assertEncodes(new UIntValue(1), "52 01");
        assertEncodes(new UIntValue(255), "52 ff");
        assertEncodes(new UIntValue(256), "70 00 00 01 00");
        assertEncodes(new UIntValue(0x8000_0000L), "70 80 00 00 00");
        assertEncodes(new UIntValue(0xFFFF_FFFFL), "70 ff ff ff ff");
    }

    @Test
    void ulongUsesUlong0ThenSmallulongThenUlong() {
        assertEncodes(new ULongValue(0), "44");
        assertEncodes(new ULongValue(1), "53 01");
        assertEncodes(new ULongValue(255), "53 ff");
        assertEncodes(new ULongValue(256), "80 00 00 00 00 00 00 01 00");
        assertEncodes(new ULongValue(Long.MAX_VALUE), "80 7f ff ff ff ff ff ff ff");
        // 2^63 and 2^64 - 1: the sign bit of the long is the top bit of the ulong
        assertEncodes(new ULongValue(Long.MIN_VALUE), "80 80 00 00 00 00 00 00 00");
        assertEncodes(new ULongValue(-1), "80 ff ff ff ff ff ff ff ff");
    }

    @Test
    void intUsesSmallintFromMinus128To127() {
        assertEncodes(new IntValue(0), "54 00");
        assertEncodes(new IntValue(-128), "54 80");
        assertEncodes(new IntValue(127), "54 7f");
        assertEncodes(new IntValue(128), "71 00 00 00 80");
        assertEncodes(new IntValue(-129), "71 ff ff ff 7f");
        assertEncodes(new IntValue(Integer.MIN_VALUE), "71 80 00 00 00");
        assertEncodes(new IntValue(Integer.MAX_VALUE), "71 7f ff ff ff");
    }

    @Test
    void longUsesSmalllongFromMinus128To127() {
        assertEncodes(new LongValue(0), "55 00");
        assertEncodes(new LongValue(-128), "55 80");
        assertEncodes(new LongValue(127), "55 7f");
        assertEncodes(new LongValue(128), "81 00 00 00 00 00 00 00 80");
        assertEncodes(new LongValue(-129), "81 ff ff ff ff ff ff ff 7f");
        assertEncodes(new LongValue(Long.MIN_VALUE), "81 80 00 00 00 00 00 00 00");
    }

    @Test
    void floatingPointKeepsItsBits() {
        assertEncodes(new FloatValue(0.125f), "72 3e 00 00 00");
        assertEncodes(new FloatValue(-0f), "72 80 00 00 00");
        assertEncodes(new FloatValue(Float.NaN), "72 7f c0 00 00");
        assertEncodes(new FloatValue(Float.NEGATIVE_INFINITY), "72 ff 80 00 00");
        assertEncodes(new DoubleValue(0.125), "82 3f c0 00 00 00 00 00 00");
        assertEncodes(new DoubleValue(-0d), "82 80 00 00 00 00 00 00 00");
        assertEncodes(new DoubleValue(Double.NaN), "82 7f f8 00 00 00 00 00 00");
        // A NaN with a payload is written with that payload, not as the canonical NaN.
        assertEncodes(new DoubleValue(Double.longBitsToDouble(0x7ff8_0000_0000_0001L)), "82 7f f8 00 00 00 00 00 01");
    }

    @Test
    void decimalsCharTimestampAndUuid() {
        assertEncodes(new Decimal32Value(0x3040_0001), "74 30 40 00 01");
        assertEncodes(new Decimal64Value(0x3180_0000_0000_0001L), "84 31 80 00 00 00 00 00 01");
        assertEncodes(new Decimal128Value(0x3040_0000_0000_0000L, 1), "94 30 40 00 00 00 00 00 00 00 00 00 00 00 00 00 01");
        assertEncodes(new CharValue('A'), "73 00 00 00 41");
        assertEncodes(new CharValue(0x1F600), "73 00 01 f6 00");
        assertEncodes(new CharValue(0x10FFFF), "73 00 10 ff ff");
        assertEncodes(new TimestampValue(1_311_704_463_521L), "83 00 00 01 31 67 ad b8 a1");
        assertEncodes(new TimestampValue(-1), "83 ff ff ff ff ff ff ff ff");
        assertEncodes(new UuidValue(new UUID(0x0123_4567_89ab_cdefL, 0xfedc_ba98_7654_3210L)),
                "98 01 23 45 67 89 ab cd ef fe dc ba 98 76 54 32 10");
    }

    @Test
    void binaryUsesVbin8UpTo255Bytes() {
        assertEncodes(BinaryValue.EMPTY, "a0 00");
        assertEncodes(BinaryValue.of(new byte[] {0, 1, (byte) 0xff}), "a0 03 00 01 ff");
        assertEncodes(BinaryValue.of(fill(255, 7)), cat(h("a0 ff"), fill(255, 7)));
        assertEncodes(BinaryValue.of(fill(256, 7)), cat(h("b0 00 00 01 00"), fill(256, 7)));
    }

    @Test
    void stringUsesStr8UpTo255Utf8Bytes() {
        assertEncodes(new StringValue(""), "a1 00");
        assertEncodes(new StringValue("é"), "a1 02 c3 a9");
        assertEncodes(new StringValue("\uD83D\uDE00"), "a1 04 f0 9f 98 80");
        assertEncodes(new StringValue("a".repeat(255)), cat(h("a1 ff"), ascii("a".repeat(255))));
        assertEncodes(new StringValue("a".repeat(256)), cat(h("b1 00 00 01 00"), ascii("a".repeat(256))));
        // The boundary is in UTF-8 bytes, not chars or code points.
        assertEncodes(new StringValue("€".repeat(85)), cat(h("a1 ff"), utf8("€".repeat(85))));
        assertEncodes(new StringValue("é".repeat(128)), cat(h("b1 00 00 01 00"), utf8("é".repeat(128))));
        String emoji = "\uD83D\uDE00".repeat(64);
        assertEquals(128, emoji.length());
        assertEncodes(new StringValue(emoji), cat(h("b1 00 00 01 00"), utf8(emoji)));
        assertEncodes(new StringValue("\uD83D\uDE00".repeat(63) + "abc"), cat(h("a1 ff"), utf8("\uD83D\uDE00".repeat(63) + "abc")));
    }

    @Test
    void symbolUsesSym8UpTo255Bytes() {
        assertEncodes(new SymbolValue(""), "a3 00");
        assertEncodes(new SymbolValue("amqp:accepted:list"), cat(h("a3 12"), ascii("amqp:accepted:list")));
        assertEncodes(new SymbolValue("s".repeat(255)), cat(h("a3 ff"), ascii("s".repeat(255))));
        assertEncodes(new SymbolValue("s".repeat(256)), cat(h("b3 00 00 01 00"), ascii("s".repeat(256))));
    }

    @Test
    void listUsesList0ThenList8UpTo255BytesAfterItsSize() {
        assertEncodes(ListValue.EMPTY, "45");
        assertEncodes(ListValue.of(NullValue.NULL), "c0 02 01 40");
        assertEncodes(ListValue.of(new IntValue(32), new StringValue("foo"), BooleanValue.TRUE),
                "c0 09 03 54 20 a1 03 66 6f 6f 41");
        // size counts the count byte and the elements: a str8 of 252 chars is 254 bytes, size 255
        assertEncodes(ListValue.of(new StringValue("a".repeat(252))),
                cat(h("c0 ff 01 a1 fc"), ascii("a".repeat(252))));
        assertEncodes(ListValue.of(new StringValue("a".repeat(253))),
                cat(h("d0 00 00 01 03 00 00 00 01 a1 fd"), ascii("a".repeat(253))));
        // Elements take at least a byte each, so the size reaches its limit no later than the count does.
        assertEncodes(new ListValue(Collections.nCopies(254, NullValue.NULL)), cat(h("c0 ff fe"), fill(254, 0x40)));
        assertEncodes(new ListValue(Collections.nCopies(255, NullValue.NULL)),
                cat(h("d0 00 00 01 03 00 00 00 ff"), fill(255, 0x40)));
        // A list holding an empty list holds list0, not list8.
        assertEncodes(ListValue.of(ListValue.EMPTY), "c0 02 01 45");
    }

    @Test
    void mapUsesMap8UpTo255BytesAfterItsSize() {
        assertEncodes(MapValue.EMPTY, "c1 01 00");
        assertEncodes(map(NullValue.NULL, NullValue.NULL), "c1 03 02 40 40");
        assertEncodes(map(new StringValue("one"), new IntValue(1), new StringValue("two"), new IntValue(2)),
                "c1 0f 04 a1 03 6f 6e 65 54 01 a1 03 74 77 6f 54 02");
        // null key (1 byte) + str8 of 251 chars (253 bytes) = 254 bytes, size 255
        assertEncodes(map(NullValue.NULL, new StringValue("a".repeat(251))),
                cat(h("c1 ff 02 40 a1 fb"), ascii("a".repeat(251))));
        assertEncodes(map(NullValue.NULL, new StringValue("a".repeat(252))),
                cat(h("d1 00 00 01 03 00 00 00 02 40 a1 fc"), ascii("a".repeat(252))));
    }

    @Test
    void arrayUsesArray8UpTo255BytesAndElements() {
        // size counts the count byte, the element constructor and the payloads
        assertEncodes(ubytes(253), cat(h("e0 ff fd 50"), fill(253, 9)));
        assertEncodes(ubytes(254), cat(h("f0 00 00 01 03 00 00 00 fe 50"), fill(254, 9)));
        // zero-width elements: the count alone decides
        assertEncodes(new ArrayValue(AmqpType.NULL, Collections.nCopies(255, NullValue.NULL)), "e0 02 ff 40");
        assertEncodes(new ArrayValue(AmqpType.NULL, Collections.nCopies(256, NullValue.NULL)),
                "f0 00 00 00 05 00 00 01 00 40");
        assertEncodes(new ArrayValue(AmqpType.INT, List.of()), "e0 02 00 54");
    }

    @Test
    void arrayElementConstructorIsTheSmallestThatFitsEveryElement() {
        assertEncodes(array(AmqpType.BOOLEAN, BooleanValue.TRUE, BooleanValue.FALSE), "e0 04 02 56 01 00");
        assertEncodes(array(AmqpType.UINT, new UIntValue(0), new UIntValue(255)), "e0 04 02 52 00 ff");
        assertEncodes(array(AmqpType.UINT, new UIntValue(0), new UIntValue(256)), "e0 0a 02 70 00 00 00 00 00 00 01 00");
        assertEncodes(array(AmqpType.ULONG, new ULongValue(255)), "e0 03 01 53 ff");
        assertEncodes(array(AmqpType.ULONG, new ULongValue(-1)), "e0 0a 01 80 ff ff ff ff ff ff ff ff");
        assertEncodes(array(AmqpType.INT, new IntValue(-128), new IntValue(127)), "e0 04 02 54 80 7f");
        assertEncodes(array(AmqpType.INT, new IntValue(-128), new IntValue(128)), "e0 0a 02 71 ff ff ff 80 00 00 00 80");
        assertEncodes(array(AmqpType.LONG, new LongValue(-1)), "e0 03 01 55 ff");
        assertEncodes(array(AmqpType.LONG, new LongValue(-129)), "e0 0a 01 81 ff ff ff ff ff ff ff 7f");
        assertEncodes(array(AmqpType.BINARY, BinaryValue.of(new byte[] {1}), BinaryValue.EMPTY), "e0 05 02 a0 01 01 00");
        assertEncodes(array(AmqpType.BINARY, BinaryValue.of(fill(256, 1))),
                cat(h("f0 00 00 01 09 00 00 00 01 b0 00 00 01 00"), fill(256, 1)));
        assertEncodes(array(AmqpType.STRING, new StringValue("a"), new StringValue("bc")), "e0 07 02 a1 01 61 02 62 63");
        assertEncodes(array(AmqpType.STRING, new StringValue("é".repeat(128))),
                cat(h("f0 00 00 01 09 00 00 00 01 b1 00 00 01 00"), utf8("é".repeat(128))));
        assertEncodes(array(AmqpType.SYMBOL, new SymbolValue("a")), "e0 04 01 a3 01 61");
        assertEncodes(array(AmqpType.SYMBOL, new SymbolValue("s".repeat(256))),
                cat(h("f0 00 00 01 09 00 00 00 01 b3 00 00 01 00"), ascii("s".repeat(256))));
        assertEncodes(array(AmqpType.CHAR, new CharValue('a')), "e0 06 01 73 00 00 00 61");
        assertEncodes(array(AmqpType.UUID), "e0 02 00 98");
    }

    /** Compound elements take their 32-bit form: the array writes one constructor before any element. */
    @Test
    void arrayOfCompoundsUsesTheirThirtyTwoBitForms() {
        assertEncodes(array(AmqpType.LIST, ListValue.EMPTY), "e0 0a 01 d0 00 00 00 04 00 00 00 00");
        assertEncodes(array(AmqpType.LIST, ListValue.of(new IntValue(1))), "e0 0c 01 d0 00 00 00 06 00 00 00 01 54 01");
        assertEncodes(array(AmqpType.MAP, map(new IntValue(1), NullValue.NULL)),
                "e0 0d 01 d1 00 00 00 07 00 00 00 02 54 01 40");
        assertEncodes(array(AmqpType.ARRAY, array(AmqpType.INT, new IntValue(1))),
                "e0 0c 01 f0 00 00 00 06 00 00 00 01 54 01");
    }

    @Test
    void describedValuesAndDescribedArrays() {
        assertEncodes(new DescribedValue(new ULongValue(0x10), ListValue.EMPTY), "00 53 10 45");
        assertEncodes(new DescribedValue(new ULongValue(0), NullValue.NULL), "00 44 40");
        assertEncodes(new DescribedValue(new ULongValue(0x0000_0137_0000_0001L), NullValue.NULL),
                "00 80 00 00 01 37 00 00 00 01 40");
        assertEncodes(new DescribedValue(new SymbolValue("x"), new IntValue(13)), "00 a3 01 78 54 0d");
        assertEncodes(new DescribedValue(new DescribedValue(new ULongValue(1), NullValue.NULL), NullValue.NULL),
                "00 00 53 01 40 40");
        assertEncodes(new ArrayValue(AmqpType.INT, new SymbolValue("x"), List.of(new IntValue(1))),
                "e0 07 01 00 a3 01 78 54 01");
        assertEncodes(new ArrayValue(AmqpType.NULL, new ULongValue(0x70), List.of()), "e0 05 00 00 53 70 40");
    }

    // ---- helpers

    private static void assertEncodes(AmqpValue value, String hex) {
        assertEncodes(value, h(hex));
    }

    private static void assertEncodes(AmqpValue value, byte[] expected) {
        HexFormat hex = HexFormat.ofDelimiter(" ");
        assertEquals(hex.formatHex(expected), hex.formatHex(Encoder.encode(value)), "encoding of " + value);
        assertEquals(value, Decoder.decode(expected), "decoding of " + hex.formatHex(expected));
    }

    private static byte[] h(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static byte[] fill(int n, int b) {
        byte[] bytes = new byte[n];
        java.util.Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static ArrayValue ubytes(int n) {
        return new ArrayValue(AmqpType.UBYTE, Collections.nCopies(n, new UByteValue(9)));
    }

    private static ArrayValue array(AmqpType type, AmqpValue... elements) {
        return new ArrayValue(type, List.of(elements));
    }

    private static MapValue map(AmqpValue... keysAndValues) {
        Map<AmqpValue, AmqpValue> m = new LinkedHashMap<>();
        List<AmqpValue> kv = new ArrayList<>(List.of(keysAndValues));
        for (int i = 0; i < kv.size(); i += 2) m.put(kv.get(i), kv.get(i + 1));
        return new MapValue(m);
    }
}
