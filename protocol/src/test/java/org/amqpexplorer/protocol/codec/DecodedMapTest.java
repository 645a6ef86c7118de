package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A decoded map is taken over without a copy: it must still be an unmodifiable map in wire order. */
class DecodedMapTest {

    @Test
    void aDecodedMapKeepsItsOrderAndCannotBeChanged() {
        Map<AmqpValue, AmqpValue> entries = new LinkedHashMap<>();
        for (int i = 20; i > 0; i--) entries.put(new StringValue("k" + i), new IntValue(i));
        MapValue built = new MapValue(entries);
        MapValue decoded = (MapValue) Decoder.decode(Encoder.encode(built));
        assertEquals(built, decoded);
        assertEquals(List.copyOf(entries.keySet()), List.copyOf(decoded.entries().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> decoded.entries().put(NullValue.NULL, NullValue.NULL));
        assertThrows(UnsupportedOperationException.class, () -> decoded.entries().clear());
    }

    @Test
    void aDuplicateKeyIsStillAnError() {
        // map8 of 4 elements: "a" -> 1, "a" -> 2
        byte[] bytes = {(byte) 0xc1, 11, 4, (byte) 0xa1, 1, 'a', 0x54, 1, (byte) 0xa1, 1, 'a', 0x54, 2};
        DecodeException e = assertThrows(DecodeException.class, () -> Decoder.decode(bytes));
        assertEquals("map has a duplicate key at byte offset 8", e.getMessage());
    }
}
