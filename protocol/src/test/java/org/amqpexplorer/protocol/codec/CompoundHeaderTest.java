package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The encoder reserves the 8-bit header for a compound and moves the content when it turns out too large
 * (or the 32-bit header when the count rules the 8-bit one out): each compound still takes its smallest form,
 * at the size boundaries too, with nested compounds intact.
 */
class CompoundHeaderTest {

    /** A list of {@code count} elements whose content is exactly {@code contentLength} bytes (at most 256). */
    private static ListValue listOf(int count, int contentLength) {
        List<AmqpValue> elements = new ArrayList<>(Collections.nCopies(count - 1, NullValue.NULL));
        elements.add(BinaryValue.of(new byte[contentLength - (count - 1) - 2])); // vbin8: code, length, bytes
        return new ListValue(elements);
    }

    private static void check(AmqpValue v, int code, int headerLength) {
        byte[] bytes = Encoder.encode(v);
        assertEquals(code, bytes[0] & 0xFF, v.type() + " of " + bytes.length + " bytes");
        assertEquals(v, Decoder.decode(bytes));
        int contentLength = bytes.length - headerLength;
        if (headerLength == 3) assertEquals(contentLength + 1, bytes[1] & 0xFF);
        else if (headerLength == 9) assertEquals(contentLength + 4, ((bytes[1] & 0xFF) << 24) | ((bytes[2] & 0xFF) << 16) | ((bytes[3] & 0xFF) << 8) | (bytes[4] & 0xFF));
    }

    @Test
    void listsTakeTheSmallestHeaderAtTheBoundaries() {
        check(listOf(3, 254), FormatCode.LIST8, 3);   // size byte 255
        check(listOf(3, 255), FormatCode.LIST32, 9);
        check(new ListValue(Collections.nCopies(254, NullValue.NULL)), FormatCode.LIST8, 3);
        check(new ListValue(Collections.nCopies(255, NullValue.NULL)), FormatCode.LIST32, 9);
        check(new ListValue(Collections.nCopies(300, NullValue.NULL)), FormatCode.LIST32, 9); // count above 255
        check(ListValue.EMPTY, FormatCode.LIST0, 1);
    }

    @Test
    void mapsAndArraysToo() {
        Map<AmqpValue, AmqpValue> small = new LinkedHashMap<>();
        small.put(new StringValue("k"), BinaryValue.of(new byte[240]));
        check(new MapValue(small), FormatCode.MAP8, 3);
        small.put(new StringValue("l"), BinaryValue.of(new byte[20]));
        check(new MapValue(small), FormatCode.MAP32, 9);
        Map<AmqpValue, AmqpValue> many = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) many.put(new IntValue(i), NullValue.NULL);
        check(new MapValue(many), FormatCode.MAP32, 9);
        check(new ArrayValue(AmqpType.INT, Collections.nCopies(60, new IntValue(1))), FormatCode.ARRAY8, 3);
        check(new ArrayValue(AmqpType.INT, Collections.nCopies(70, new IntValue(1000))), FormatCode.ARRAY32, 9);
        check(new ArrayValue(AmqpType.BOOLEAN, Collections.nCopies(300, BooleanValue.TRUE)), FormatCode.ARRAY32, 9);
    }

    @Test
    void nestedCompoundsSurviveTheirParentMoving() {
        ListValue inner = ListValue.of(new StringValue("inner"), listOf(2, 20));
        ListValue outer = new ListValue(List.of(inner, BinaryValue.of(new byte[300]), inner));
        check(outer, FormatCode.LIST32, 9);
        Encoder e = new Encoder();
        e.writeDescriptor(0x70);
        int mark = e.beginList();
        e.writeList(outer.elements());
        e.writeNull();
        e.endList(mark, 2);
        assertEquals(new DescribedValue(new ULongValue(0x70), ListValue.of(outer, NullValue.NULL)),
                Decoder.decode(e.toByteArray()));
    }

    @Test
    void descriptorsAreSmallulongsExceptZero() {
        Encoder e = new Encoder();
        e.writeDescriptor(0x13);
        e.writeDescriptor(0);
        e.writeDescriptor(0x100);
        assertEquals("005313" + "0044" + "00800000000000000100", java.util.HexFormat.of().formatHex(e.toByteArray()));
    }
}
