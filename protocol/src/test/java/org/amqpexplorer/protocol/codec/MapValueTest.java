package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** MapValue's entries behave as an unmodifiable, ordered Map looked up by value equality. */
class MapValueTest {

    private static final IntValue ONE = new IntValue(1);
    private static final StringValue A = new StringValue("a");

    private static MapValue of(AmqpValue... keysAndValues) {
        Map<AmqpValue, AmqpValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return new MapValue(m);
    }

    @Test
    void keepsOrderAndFindsKeysByValue() {
        MapValue m = of(A, ONE, ONE, A, ListValue.of(NullValue.NULL), BooleanValue.TRUE);
        assertEquals(List.of(A, ONE, ListValue.of(NullValue.NULL)), new ArrayList<>(m.entries().keySet()));
        assertEquals(ONE, m.get(new StringValue("a")));
        assertEquals(A, m.get(new IntValue(1)));
        assertEquals(BooleanValue.TRUE, m.get(new ListValue(List.of(NullValue.NULL))));
        assertNull(m.get(new LongValue(1)));
        assertNull(m.entries().get("a"));
        assertTrue(m.entries().containsKey(ONE));
        assertFalse(m.entries().containsKey(new UIntValue(1)));
        assertTrue(m.entries().entrySet().contains(Map.entry(ONE, A)));
        assertFalse(m.entries().entrySet().contains(Map.entry(ONE, ONE)));
        assertTrue(m.entries().containsValue(BooleanValue.TRUE));
    }

    @Test
    void equalsAndHashCodeAgreeWithOtherMaps() {
        MapValue m = of(A, ONE, ONE, A);
        Map<AmqpValue, AmqpValue> plain = new LinkedHashMap<>();
        plain.put(ONE, A);
        plain.put(A, ONE);
        assertEquals(plain, m.entries());
        assertEquals(m.entries(), plain);
        assertEquals(plain.hashCode(), m.entries().hashCode());
        assertEquals(of(ONE, A, A, ONE), m); // order is not part of equality
        assertEquals(of(ONE, A, A, ONE).hashCode(), m.hashCode());
        assertNotEquals(of(A, ONE), m);
        assertEquals("{StringValue[value=a]=IntValue[value=1], IntValue[value=1]=StringValue[value=a]}", m.entries().toString());
    }

    @Test
    void floatKeysFollowTheRecordsEquality() {
        MapValue m = of(new FloatValue(0f), ONE, new FloatValue(-0f), A, new FloatValue(Float.NaN), NullValue.NULL);
        assertEquals(3, m.size());
        assertEquals(NullValue.NULL, m.get(new FloatValue(Float.intBitsToFloat(0x7fc0_0001))));
        assertEquals(A, m.get(new FloatValue(-0f)));
    }

    @Test
    void isUnmodifiable() {
        Map<AmqpValue, AmqpValue> e = of(A, ONE).entries();
        assertThrows(UnsupportedOperationException.class, () -> e.put(ONE, A));
        assertThrows(UnsupportedOperationException.class, () -> e.remove(A));
        assertThrows(UnsupportedOperationException.class, e::clear);
        assertThrows(UnsupportedOperationException.class, () -> e.entrySet().iterator().next().setValue(A));
        var it = e.keySet().iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
    }

    @Test
    void rejectsNullsAndKeysEqualTwice() {
        Map<AmqpValue, AmqpValue> withNull = new LinkedHashMap<>();
        withNull.put(A, null);
        assertThrows(NullPointerException.class, () -> new MapValue(withNull));
        Map<AmqpValue, AmqpValue> twice = new IdentityHashMap<>();
        twice.put(new StringValue("a"), ONE);
        twice.put(new StringValue("a"), A);
        assertThrows(IllegalArgumentException.class, () -> new MapValue(twice));
    }

    @Test
    void describedTypesWithTheirOwnEqualityAreKeysToo() {
        record Typed(int field) implements Described {
            @Override
            public AmqpValue descriptor() {
                return new ULongValue(1);
            }

            @Override
            public AmqpValue described() {
                return ListValue.of(new IntValue(field));
            }
        }
        MapValue m = of(new Typed(1), A, new DescribedValue(new ULongValue(1), ListValue.of(ONE)), ONE);
        assertEquals(2, m.size());
        assertEquals(A, m.get(new Typed(1)));
        assertEquals(ONE, m.get(new DescribedValue(new ULongValue(1), ListValue.of(ONE))));
    }

    @Provide
    Arbitrary<AmqpValue> values() {
        return AmqpValueArbitraries.values();
    }

    /** The seeded hash agrees with equals: equal values (a decoded copy, or maps in another order) hash alike. */
    @Property(tries = 300)
    void equalValuesHashAlike(@ForAll("values") AmqpValue value) {
        AmqpValue copy = Decoder.decode(Encoder.encode(value));
        assertEquals(ValueMap.hash(value), ValueMap.hash(copy));
        if (value instanceof MapValue m) {
            List<Map.Entry<AmqpValue, AmqpValue>> entries = new ArrayList<>(m.entries().entrySet());
            Collections.reverse(entries);
            Map<AmqpValue, AmqpValue> reversed = new LinkedHashMap<>();
            for (Map.Entry<AmqpValue, AmqpValue> e : entries) reversed.put(e.getKey(), e.getValue());
            MapValue r = new MapValue(reversed);
            assertEquals(m, r);
            assertEquals(ValueMap.hash(m), ValueMap.hash(r));
        }
        MapValue holder = of(value, ONE);
        assertEquals(ONE, holder.get(copy));
    }
}
