package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The decoder's position bookkeeping, the DescribedTypes hook, and the low-level encoder API. */
class DecoderTest {

    /** A typed composite as the types package would make one. */
    record Header(boolean durable) implements Described {
        @Override
        public AmqpValue descriptor() {
            return new ULongValue(0x70);
        }

        @Override
        public AmqpValue described() {
            return ListValue.of(BooleanValue.of(durable));
        }
    }

    private static final DescribedTypes HEADERS = (descriptor, described) -> {
        if (!descriptor.equals(new ULongValue(0x70))) return null;
        if (!(described instanceof ListValue l) || l.size() != 1 || !(l.get(0) instanceof BooleanValue b)) {
            throw new DecodeException("header is not a list of one boolean");
        }
        return new Header(b.value());
    };

    @Test
    void knownDescriptorsBecomeTypedValuesAndOthersStayGeneric() {
        byte[] bytes = h("c0 0c 02 00 53 70 c0 02 01 41 00 53 71 45");
        Decoder d = new Decoder(bytes, HEADERS);
        EncodedValue list = d.readEncoded();
        d.expectEnd();
        ListValue v = (ListValue) list.value();
        assertEquals(new Header(true), v.get(0));
        assertEquals(new DescribedValue(new ULongValue(0x71), ListValue.EMPTY), v.get(1));
        assertEquals(new Header(true), list.children().get(0).value());
        assertEquals(3, list.children().get(0).offset());
    }

    @Test
    void aHookErrorWithoutOffsetGetsTheDescribedValuesOffset() {
        byte[] bytes = h("c0 08 02 40 00 53 70 c0 01 00");
        DecodeException e = assertThrows(DecodeException.class, () -> new Decoder(bytes, HEADERS).readValue());
        assertEquals(4, e.offset());
        assertEquals("header is not a list of one boolean", e.reason());
    }

    @Test
    void aTypedValueEncodesAsItsDescriptorAndFields() {
        assertEquals("005370c00201 41".replace(" ", ""), HexFormat.of().formatHex(Encoder.encode(new Header(true))));
    }

    @Test
    void positionAndRemainingCountFromTheStartOfTheRange() {
        byte[] buf = h("ff ff 54 01 a1 01 61 ff");
        Decoder d = new Decoder(buf, 2, 5, DecodeLimits.DEFAULT, DescribedTypes.NONE);
        assertEquals(0, d.position());
        assertEquals(5, d.remaining());
        assertEquals(new IntValue(1), d.readValue());
        assertEquals(2, d.position());
        assertThrows(DecodeException.class, d::expectEnd);
        EncodedValue s = d.readEncoded();
        assertEquals(2, s.offset());
        assertEquals(3, s.length());
        assertFalse(d.hasRemaining());
        d.expectEnd();
        DecodeException past = assertThrows(DecodeException.class, d::readValue);
        assertEquals(5, past.offset());
    }

    @Test
    void rangesOutsideTheArrayAreRefused() {
        byte[] buf = new byte[4];
        assertThrows(IllegalArgumentException.class, () -> new Decoder(buf, 3, 2, DecodeLimits.DEFAULT, DescribedTypes.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Decoder(buf, -1, 1, DecodeLimits.DEFAULT, DescribedTypes.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Decoder(buf, 0, -1, DecodeLimits.DEFAULT, DescribedTypes.NONE));
    }

    @Test
    void decodeExceptionSeparatesReasonAndOffset() {
        DecodeException e = new DecodeException("bad thing", 7);
        assertEquals("bad thing at byte offset 7", e.getMessage());
        assertEquals("bad thing", e.reason());
        assertEquals(-1, new DecodeException("no offset").offset());
        assertEquals("no offset", new DecodeException("no offset").reason());
    }

    @Test
    void lowLevelWritesMatchWriteValue() {
        Encoder e = new Encoder();
        e.writeDescriptor(0x13);
        int list = e.beginList();
        e.writeUInt(1);
        e.writeString("x".repeat(300));
        int map = e.beginMap();
        e.writeSymbol("k");
        e.writeBinary(new byte[] {9, 8, 7}, 1, 2);
        e.endMap(map, 2);
        e.endList(list, 3);
        AmqpValue expected = new DescribedValue(new ULongValue(0x13), ListValue.of(
                new UIntValue(1), new StringValue("x".repeat(300)),
                new MapValue(java.util.Map.of(new SymbolValue("k"), BinaryValue.of(new byte[] {8, 7})))));
        assertEquals(HexFormat.of().formatHex(Encoder.encode(expected)), HexFormat.of().formatHex(e.toByteArray()));
        assertSame(e.array(), e.array());
        e.reset();
        assertEquals(0, e.size());
    }

    @Test
    void typeNamesAreTheSpecs() {
        for (AmqpType t : AmqpType.values()) assertSame(t, AmqpType.ofSpecName(t.specName()));
        assertEquals(null, AmqpType.ofSpecName("int32"));
        assertTrue(AmqpType.ARRAY.isCompound());
        assertFalse(AmqpType.DESCRIBED.isCompound());
        assertEquals(List.of("smalluint", "str32-utf8", "ms64"),
                List.of(FormatCode.encodingName(0x52), FormatCode.encodingName(0xb1), FormatCode.encodingName(0x83)));
    }

    private static byte[] h(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
