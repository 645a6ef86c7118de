package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The value records hold only what their AMQP type can: anything else is refused when made, not when sent. */
class ValueRecordsTest {

    @Test
    void unsignedRanges() {
        assertThrows(IllegalArgumentException.class, () -> new UByteValue(-1));
        assertThrows(IllegalArgumentException.class, () -> new UByteValue(256));
        assertThrows(IllegalArgumentException.class, () -> new UShortValue(65536));
        assertThrows(IllegalArgumentException.class, () -> new UIntValue(-1));
        assertThrows(IllegalArgumentException.class, () -> new UIntValue(1L << 32));
        assertDoesNotThrow(() -> new UIntValue(0xFFFF_FFFFL));
        assertEquals("18446744073709551615", new ULongValue(-1).bigValue().toString());
    }

    @Test
    void charIsAUnicodeScalarValue() {
        assertThrows(IllegalArgumentException.class, () -> new CharValue(0xD800));
        assertThrows(IllegalArgumentException.class, () -> new CharValue(0xDFFF));
        assertThrows(IllegalArgumentException.class, () -> new CharValue(0x110000));
        assertThrows(IllegalArgumentException.class, () -> new CharValue(-1));
        assertDoesNotThrow(() -> new CharValue(0xD7FF));
        assertDoesNotThrow(() -> new CharValue(0xE000));
        assertDoesNotThrow(() -> new CharValue(0x10FFFF));
    }

    @Test
    void stringHasNoUnpairedSurrogate() {
        assertThrows(IllegalArgumentException.class, () -> new StringValue("\uD800"));
        assertThrows(IllegalArgumentException.class, () -> new StringValue("a\uDC00b"));
        assertThrows(IllegalArgumentException.class, () -> new StringValue("\uDE00\uD83D")); // pair in the wrong order
        assertThrows(IllegalArgumentException.class, () -> new StringValue("\uD83D\uDE00\uD83D"));
        assertDoesNotThrow(() -> new StringValue("\uD83D\uDE00"));
        // The encoder refuses it too, rather than sending '?' in its place.
        assertThrows(IllegalArgumentException.class, () -> new Encoder().writeString("x\uD800"));
        Encoder e = new Encoder();
        e.writeString("\uD83D\uDE00");
        assertArrayEquals(new byte[] {(byte) 0xa1, 4, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, e.toByteArray());
    }

    @Test
    void symbolIsAscii() {
        assertThrows(IllegalArgumentException.class, () -> new SymbolValue("é"));
        assertThrows(IllegalArgumentException.class, () -> new SymbolValue("\u0080"));
        assertDoesNotThrow(() -> new SymbolValue("\u0000\u007f"));
    }

    @Test
    void arrayElementsShareOneType() {
        assertThrows(IllegalArgumentException.class,
                () -> new ArrayValue(AmqpType.INT, List.of(new IntValue(1), new LongValue(1))));
        assertThrows(IllegalArgumentException.class,
                () -> new ArrayValue(AmqpType.DESCRIBED, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ArrayValue(AmqpType.INT,
                List.of(new DescribedValue(new ULongValue(1), new IntValue(1)))));
        // arrays of arrays may differ inside
        assertDoesNotThrow(() -> new ArrayValue(AmqpType.ARRAY, List.of(
                new ArrayValue(AmqpType.INT, List.of()), new ArrayValue(AmqpType.STRING, List.of()))));
    }

    @Test
    void compoundsCopyWhatTheyAreGiven() {
        List<AmqpValue> elements = new ArrayList<>(List.of(new IntValue(1)));
        ListValue list = new ListValue(elements);
        ArrayValue array = new ArrayValue(AmqpType.INT, elements);
        elements.add(new IntValue(2));
        assertEquals(1, list.size());
        assertEquals(1, array.size());
        assertThrows(UnsupportedOperationException.class, () -> list.elements().add(NullValue.NULL));

        byte[] bytes = {1, 2};
        BinaryValue binary = BinaryValue.of(bytes);
        bytes[0] = 9;
        assertEquals(1, binary.byteAt(0));
        binary.toByteArray()[1] = 9;
        assertEquals(2, binary.byteAt(1));
    }

    @Test
    void equalityKeepsTheType() {
        assertNotEquals(new IntValue(7), new LongValue(7));
        assertNotEquals(new UByteValue(7), new ByteValue((byte) 7));
        assertNotEquals(new StringValue("a"), new SymbolValue("a"));
        assertNotEquals(ListValue.of(new IntValue(1)), new ArrayValue(AmqpType.INT, List.of(new IntValue(1))));
        assertNotEquals(new ArrayValue(AmqpType.INT, List.of()), new ArrayValue(AmqpType.LONG, List.of()));
        assertNotEquals(new ArrayValue(AmqpType.INT, List.of()), new ArrayValue(AmqpType.INT, new SymbolValue("x"), List.of()));
        assertNotEquals(new FloatValue(0f), new FloatValue(-0f));
        assertEquals(new FloatValue(Float.NaN), new FloatValue(Float.intBitsToFloat(0x7fc0_0001)));
        assertEquals(BinaryValue.of(new byte[] {1}), BinaryValue.wrap(new byte[] {1}));
    }
}
