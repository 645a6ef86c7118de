package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and malicious input: whatever the bytes, the Decoder returns a value or throws a
 * {@link DecodeException} naming an offset inside the input and a reason; no other exception, no hang, and
 * no allocation out of proportion to the input.
 */
class HostileInputTest {
    /**
     * Generous bound for one decode: 16 MiB, or 64 bytes per input byte for larger inputs. A size or count
     * believed without checking would cost far more.
     */
    private static long maxAllocation(byte[] input) {
        return Math.max(16L << 20, 64L * input.length);
    }

    private static final Duration MAX_TIME = Duration.ofSeconds(5);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** How one decode ended: a value, or the exception. */
    private record Outcome(AmqpValue value, DecodeException error) {
    }

    /**
     * Decodes with {@link Decoder#decode} and again with {@link Decoder#readEncoded()}, checking allocation and
     * that any failure is a well-formed DecodeException; both paths must agree.
     */
    private static Outcome decode(byte[] input) {
        Outcome plain = bounded(input, () -> Decoder.decode(input));
        Outcome encoded = bounded(input, () -> {
            Decoder d = new Decoder(input, DescribedTypes.NONE);
            EncodedValue v = d.readEncoded();
            d.expectEnd();
            return v.value();
        });
        assertEquals(plain.value(), encoded.value(), "readValue and readEncoded disagree");
        assertEquals(plain.error() == null ? null : plain.error().getMessage(),
                encoded.error() == null ? null : encoded.error().getMessage(), "readValue and readEncoded fail differently");
        return plain;
    }

    private static Outcome bounded(byte[] input, java.util.function.Supplier<AmqpValue> decoding) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Outcome outcome;
        try {
            outcome = new Outcome(decoding.get(), null);
        } catch (DecodeException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length,
                    "offset " + e.offset() + " outside input of " + input.length + ": " + e.getMessage());
            assertFalse(e.reason().isBlank(), "no reason");
            outcome = new Outcome(null, e);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < maxAllocation(input), allocated + " bytes allocated decoding " + input.length + " bytes");
        return outcome;
    }

    /** Asserts the input is rejected with a reason containing {@code reason}; returns the exception. */
    private static DecodeException rejects(byte[] input, String reason) {
        Outcome o = assertTimeoutPreemptively(MAX_TIME, () -> decode(input));
        if (o.error() == null) fail("accepted " + HexFormat.of().formatHex(input) + " as " + o.value());
        assertTrue(o.error().reason().contains(reason), "reason '" + o.error().reason() + "' lacks '" + reason + "'");
        return o.error();
    }

    private static DecodeException rejects(String hex, String reason) {
        return rejects(h(hex), reason);
    }

    // ---- truncation

    @Property(tries = 300)
    void everyPrefixOfAValidEncodingIsRejected(@ForAll("smallValues") AmqpValue value) {
        byte[] bytes = Encoder.encode(value);
        assertTimeoutPreemptively(MAX_TIME, () -> {
            for (int n = 0; n < bytes.length; n++) rejectsPrefix(bytes, n);
        });
    }

    @Test
    void everyPrefixOfEveryFixtureValueIsRejected() throws IOException {
        Path dir = GoldenFixturesTest.dir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".amqp")).sorted().toList();
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Decoder d = new Decoder(bytes, DescribedTypes.NONE);
            while (d.hasRemaining()) {
                int start = d.position();
                d.readValue();
                byte[] one = java.util.Arrays.copyOfRange(bytes, start, d.position());
                for (int n = 0; n < one.length; n++) rejectsPrefix(one, n);
            }
        }
    }

    /** A strict prefix never holds a whole value: the encoding is self-delimiting. */
    private static void rejectsPrefix(byte[] bytes, int n) {
        byte[] prefix = java.util.Arrays.copyOf(bytes, n);
        Outcome o = decode(prefix);
        if (o.error() == null) fail("prefix of " + n + " bytes decoded: " + HexFormat.of().formatHex(prefix));
    }

    // ---- lying sizes and counts

    @Test
    void list32ClaimingTwoBillionElementsInTenBytes() {
        rejects("d0 00 00 00 05 7f ff ff ff 40", "list declares 2147483647 elements in 1 bytes");
        rejects("d0 00 00 00 05 80 00 00 00 40", "list declares 2147483648 elements");
        rejects("d0 00 00 00 05 ff ff ff ff 40", "list declares 4294967295 elements");
    }

    @Test
    void compoundSizesBeyondTheInput() {
        rejects("d0 7f ff ff ff 00 00 00 01 40", "list needs 2147483647 bytes but 5 remain");
        rejects("d0 ff ff ff ff 00 00 00 01 40", "list needs 4294967295 bytes");
        rejects("d1 7f ff ff ff 00 00 00 02 40 40", "map needs 2147483647 bytes");
        rejects("f0 ff ff ff f0 00 00 00 01 40", "array needs 4294967280 bytes");
        rejects("c0 05 01 40", "list needs 5 bytes but 2 remain");
        rejects("e0 ff 01 54 01", "array needs 255 bytes");
    }

    @Test
    void variableWidthLengthsBeyondTheInput() {
        rejects("b0 ff ff ff ff 00", "binary needs 4294967295 bytes but 1 remain");
        rejects("b0 7f ff ff ff 00", "binary needs 2147483647 bytes");
        rejects("b1 ff ff ff fe 61", "string needs 4294967294 bytes");
        rejects("b3 80 00 00 00 61", "symbol needs 2147483648 bytes");
        rejects("a0 05 01 02", "binary needs 5 bytes but 2 remain");
        rejects("a1 01", "string needs 1 bytes but 0 remain");
    }

    @Test
    void elementsOverrunningTheirCompound() {
        // the list's size ends inside its string: the string may not read past the list
        rejects("c0 03 01 a1 05 61 62 63 64 65", "string needs 5 bytes but 0 remain");
        rejects("c0 03 02 54 01", "value needs 1 bytes but 0 remain");
        rejects("c0 03 01 40 40", "list content is 1 bytes longer than its elements");
        rejects("c1 04 02 40 40 40", "map content is 1 bytes longer than its elements");
        rejects("e0 04 01 54 01 02", "array content is 1 bytes longer than its elements");
    }

    @Test
    void arrayCountsBeyondTheInput() {
        rejects("f0 00 00 00 09 10 00 00 00 71 00 00 00 01", "array declares 268435456 elements of 4 bytes in 4 bytes");
        // count × width overflows an int: 2^28 × 16 = 2^32
        rejects("f0 00 00 00 15 10 00 00 00 98 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
                "array declares 268435456 elements of 16 bytes");
        rejects("f0 00 00 00 07 7f ff ff ff a1 01 61", "array declares 2147483647 elements in 2 bytes");
        rejects("f0 00 00 00 07 80 00 00 01 a1 01 61", "array declares 2147483649 elements");
        rejects("e0 03 ff d0 00", "array declares 255 elements in 1 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"40", "41", "42", "43", "44", "45"})
    void zeroWidthArraysWithAHugeCount(String constructor) {
        rejects("f0 00 00 00 05 7f ff ff ff " + constructor, "limit maxZeroWidthArrayElements");
        rejects("f0 00 00 00 05 00 01 00 01 " + constructor, "limit maxZeroWidthArrayElements");
        Outcome atLimit = decode(h("f0 00 00 00 05 00 01 00 00 " + constructor));
        assertEquals(65_536, ((ArrayValue) atLimit.value()).size());
    }

    /**
     * Many small arrays of nulls, each within the per-array limit: the limit must hold for the whole input,
     * or ten bytes per array buy 65,536 elements each.
     */
    @Test
    void zeroWidthElementsAreLimitedAcrossTheWholeInput() {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        int arrays = 100;
        for (int i = 0; i < arrays; i++) list.writeBytes(h("f0 00 00 00 05 00 01 00 00 40"));
        byte[] content = list.toByteArray();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(h("d0"));
        input.writeBytes(int32(content.length + 4));
        input.writeBytes(int32(arrays));
        input.writeBytes(content);
        rejects(input.toByteArray(), "limit maxZeroWidthArrayElements");
    }

    // ---- map keys whose hashCode()s collide

    /** 50,000 longs whose halves are equal: Long.hashCode is 0 for all of them. */
    @Test
    void mapOfLongKeysWithEqualHashCodesDecodesQuickly() {
        Encoder e = new Encoder();
        int mark = e.beginMap();
        for (long k = 0; k < 50_000; k++) {
            e.writeLong((k << 32) | k);
            e.writeNull();
        }
        e.endMap(mark, 100_000);
        byte[] input = e.toByteArray();
        assertTimeoutPreemptively(MAX_TIME, () -> assertEquals(50_000, ((MapValue) decode(input).value()).size()));
    }

    /** 32,768 strings made of "Aa" and "BB" blocks, which have the same String.hashCode. */
    @Test
    void mapOfStringKeysWithEqualHashCodesDecodesQuickly() {
        Encoder e = new Encoder();
        int mark = e.beginMap();
        int n = 1 << 15;
        for (int k = 0; k < n; k++) {
            StringBuilder sb = new StringBuilder();
            for (int bit = 0; bit < 15; bit++) sb.append((k & (1 << bit)) == 0 ? "Aa" : "BB");
            e.writeString(sb.toString());
            e.writeNull();
        }
        e.endMap(mark, 2 * n);
        byte[] input = e.toByteArray();
        assertTimeoutPreemptively(MAX_TIME, () -> assertEquals(n, ((MapValue) decode(input).value()).size()));
    }

    // ---- nesting

    @Test
    void nestingDeeperThanTheLimit() {
        int limit = DecodeLimits.DEFAULT.maxNestingDepth();
        assertEquals(ListValue.class, decode(nestedLists(limit)).value().getClass());
        rejects(nestedLists(limit + 1), "limit maxNestingDepth");
        rejects(nestedLists(10_000), "limit maxNestingDepth");

        assertTrue(decode(nestedDescribed(limit)).value() instanceof Described);
        rejects(nestedDescribed(limit + 1), "limit maxNestingDepth");
        rejects(nestedDescribed(100_000), "limit maxNestingDepth");

        assertTrue(decode(nestedArrays(limit)).value() instanceof ArrayValue);
        rejects(nestedArrays(limit + 1), "limit maxNestingDepth");

        assertTrue(decode(nestedMaps(limit)).value() instanceof MapValue);
        rejects(nestedMaps(limit + 1), "limit maxNestingDepth");
    }

    @Test
    void aSmallerNestingLimitIsHonoured() {
        DecodeLimits three = new DecodeLimits(3, 10);
        byte[] ok = nestedLists(3);
        Decoder d = new Decoder(ok, 0, ok.length, three, DescribedTypes.NONE);
        d.readValue();
        d.expectEnd();
        byte[] deep = nestedLists(4);
        Decoder d4 = new Decoder(deep, 0, deep.length, three, DescribedTypes.NONE);
        try {
            d4.readValue();
            fail("depth 4 accepted with a limit of 3");
        } catch (DecodeException e) {
            assertTrue(e.reason().contains("nesting deeper than 3"), e.getMessage());
        }
    }

    /** {@code depth} lists, each holding the next (list32, so any depth fits); the innermost holds null. */
    private static byte[] nestedLists(int depth) {
        byte[] inner = h("40");
        for (int i = 0; i < depth; i++) inner = cat(h("d0"), int32(inner.length + 4), int32(1), inner);
        return inner;
    }

    /** A described value whose descriptor is described, {@code depth} times. */
    private static byte[] nestedDescribed(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) out.write(0x00);
        out.writeBytes(h("53 01"));
        for (int i = 0; i < depth; i++) out.write(0x40);
        return out.toByteArray();
    }

    /** {@code depth} arrays, each the single element of the one outside it; the innermost holds one null. */
    private static byte[] nestedArrays(int depth) {
        // payload of an array32 element: size, count, constructor, element payloads
        byte[] payload = cat(int32(5), int32(1), h("40"));
        for (int i = 1; i < depth; i++) payload = cat(int32(payload.length + 5), int32(1), h("f0"), payload);
        return cat(h("f0"), payload);
    }

    /** {@code depth} maps, each holding the next as the value of key null. */
    private static byte[] nestedMaps(int depth) {
        byte[] inner = h("40");
        for (int i = 0; i < depth; i++) inner = cat(h("d1"), int32(inner.length + 5), int32(2), h("40"), inner);
        return inner;
    }

    // ---- text

    @ParameterizedTest
    @ValueSource(strings = {
            "c3 28", "a0 a1", "e2 28 a1", "e2 82 28", "f0 28 8c bc", "f0 90 28 bc", "80", "bf",
            "c0 af", "c1 bf", "e0 80 af", "f0 80 80 af", // overlong
            "ed a0 80", "ed bf bf", "ed a0 bd ed b2 a9", // UTF-16 surrogates encoded as UTF-8 (CESU-8)
            "f4 90 80 80", "f5 80 80 80", "f8 88 80 80 80", "fc 84 80 80 80 80", "fe", "ff", // beyond U+10FFFF
            "e2 82", "f0 9f 98", "61 62 e2" // cut short
    })
    void stringsThatAreNotUtf8(String utf8) {
        byte[] bytes = h(utf8);
        rejects(cat(h("a1"), new byte[] {(byte) bytes.length}, bytes), "string is not valid UTF-8");
        rejects(cat(h("b1"), int32(bytes.length), bytes), "string is not valid UTF-8");
        rejects(cat(h("e0"), new byte[] {(byte) (bytes.length + 3), 1}, h("a1"), new byte[] {(byte) bytes.length}, bytes),
                "string is not valid UTF-8");
    }

    @Test
    void stringsAtTheEdgesOfUtf8AreAccepted() {
        assertEquals(new StringValue("\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff"),
                decode(cat(h("a1 19"), h("7f c2 80 df bf e0 a0 80 ed 9f bf ee 80 80 ef bf bf f0 90 80 80 f4 8f bf bf"))).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a3 01 80", "a3 02 61 ff", "b3 00 00 00 01 c3", "e0 05 01 a3 02 61 80"})
    void symbolsThatAreNotAscii(String hex) {
        rejects(hex, "symbol is not ASCII");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00 11 00 00", "ff ff ff ff", "80 00 00 00", "00 00 d8 00", "00 00 db ff", "00 00 dc 00", "00 00 df ff"})
    void charsThatAreNotUnicodeScalarValues(String utf32) {
        rejects("73 " + utf32, "char is not a Unicode scalar value");
        rejects("e0 06 01 73 " + utf32, "char is not a Unicode scalar value");
    }

    // ---- constructors

    @Test
    void unknownFormatCodes() {
        int unknown = 0;
        for (int code = 1; code < 256; code++) {
            if (FormatCode.encodingName(code) != null) continue;
            unknown++;
            byte[] input = cat(new byte[] {(byte) code}, new byte[16]);
            assertEquals(0, rejects(input, String.format("unknown format code 0x%02x", code)).offset());
            // as an array's element constructor, and inside a list
            assertEquals(3, rejects(cat(h("e0 12 01"), input), "unknown format code").offset());
            assertEquals(3, rejects(cat(h("c0 12 01"), input), "unknown format code").offset());
            // as a descriptor
            assertEquals(1, rejects(cat(h("00"), input), "unknown format code").offset());
        }
        assertEquals(256 - 40, unknown); // 40 format codes, 0x00 included
    }

    @Test
    void booleanByteOtherThanZeroOrOne() {
        rejects("56 02", "boolean byte must be 0 or 1, was 2");
        rejects("56 ff", "boolean byte must be 0 or 1, was 255");
        rejects("e0 04 02 56 01 02", "boolean byte must be 0 or 1, was 2");
    }

    @Test
    void mapsWithAnOddCountOrDuplicateKeys() {
        rejects("c1 02 01 40", "map has an odd number of elements: 1");
        rejects("d1 00 00 00 07 00 00 00 03 40 40 40", "map has an odd number of elements: 3");
        assertEquals(5, rejects("c1 05 04 40 40 40 41", "map has a duplicate key").offset());
        // smallint 1 and int 1 are the same key
        rejects("c1 0a 04 54 01 40 71 00 00 00 01 40", "map has a duplicate key");
        rejects("c1 09 04 a1 01 61 40 a1 01 61 41", "map has a duplicate key");
    }

    @Test
    void describedArraysWithAMissingOrRepeatedDescriptor() {
        rejects("e0 03 01 00 53", "needs 1 bytes but 0 remain");
        // a described type as the described value of an array's descriptor is more than ArrayValue can hold
        rejects("e0 07 01 00 53 01 00 53 02 54 01", "array element constructor is described twice");
    }

    @Test
    void bytesAfterTheValue() {
        rejects("40 40", "1 bytes left after the value");
        rejects("c0 01 00 00", "1 bytes left after the value");
    }

    // ---- random damage

    @Provide
    Arbitrary<AmqpValue> smallValues() {
        return AmqpValueArbitraries.values(2).filter(v -> Encoder.encode(v).length <= 2048);
    }

    /** One change to an encoding: flip bits, overwrite, insert, delete, or cut a byte. */
    private record Mutation(int kind, double where, byte value) {
        byte[] apply(byte[] in) {
            int at = (int) (where * in.length);
            return switch (kind) {
                case 0 -> { // flip bits of one byte
                    byte[] out = in.clone();
                    if (out.length > 0) out[Math.min(at, out.length - 1)] ^= value == 0 ? 1 : value;
                    yield out;
                }
                case 1 -> { // overwrite one byte, often with a size-like value
                    byte[] out = in.clone();
                    if (out.length > 0) out[Math.min(at, out.length - 1)] = value;
                    yield out;
                }
                case 2 -> cat(java.util.Arrays.copyOf(in, at), new byte[] {value}, java.util.Arrays.copyOfRange(in, at, in.length));
                case 3 -> in.length == 0 ? in
                        : cat(java.util.Arrays.copyOf(in, Math.min(at, in.length - 1)), java.util.Arrays.copyOfRange(in, Math.min(at, in.length - 1) + 1, in.length));
                default -> java.util.Arrays.copyOf(in, at);
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> values = Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.bytes()),
                Tuple.of(2, Arbitraries.of((byte) 0, (byte) 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff)),
                Tuple.of(2, formatCodes())));
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1), values)
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 1000)
    void mutatedEncodingsDecodeOrFailCleanly(@ForAll("smallValues") AmqpValue value, @ForAll("mutations") List<Mutation> mutations) {
        byte[] input = Encoder.encode(value);
        for (Mutation m : mutations) input = m.apply(input);
        byte[] damaged = input;
        assertTimeoutPreemptively(MAX_TIME, () -> decode(damaged));
    }

    @Property(tries = 1000)
    void randomBytesDecodeOrFailCleanly(@ForAll @Size(max = 64) byte[] input) {
        assertTimeoutPreemptively(MAX_TIME, () -> decode(input));
    }

    /** Bytes mostly made of format codes and small sizes, so decoding gets past the first byte. */
    @Property(tries = 1000)
    void plausibleNoiseDecodesOrFailsCleanly(@ForAll("plausibleNoise") byte[] input) {
        assertTimeoutPreemptively(MAX_TIME, () -> decode(input));
    }

    @Provide
    Arbitrary<byte[]> plausibleNoise() {
        Arbitrary<Byte> b = Arbitraries.frequencyOf(List.of(
                Tuple.of(4, formatCodes()),
                Tuple.of(3, Arbitraries.bytes().between((byte) 0, (byte) 8)),
                Tuple.of(1, Arbitraries.of((byte) 0x7f, (byte) 0x80, (byte) -1)),
                Tuple.of(2, Arbitraries.bytes())));
        return b.list().ofMaxSize(96).map(l -> {
            byte[] out = new byte[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = l.get(i);
            return out;
        });
    }

    private static Arbitrary<Byte> formatCodes() {
        List<Byte> codes = new ArrayList<>();
        for (int c = 0; c < 256; c++) if (FormatCode.encodingName(c) != null) codes.add((byte) c);
        return Arbitraries.of(codes);
    }

    // ---- helpers

    private static byte[] h(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
