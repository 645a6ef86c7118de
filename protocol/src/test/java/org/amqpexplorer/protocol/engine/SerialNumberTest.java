package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SerialNumberTest {

    private static final int MAX = SerialNumber.of(0xFFFF_FFFFL);

    @Test
    void wrapsFromTwoToTheThirtyTwoMinusOneToZero() {
        assertEquals(0, SerialNumber.add(MAX, 1));
        assertEquals(4294967295L, SerialNumber.toUnsigned(MAX));
        assertTrue(SerialNumber.lessThan(MAX, 0), "2^32-1 precedes 0");
        assertTrue(SerialNumber.greaterThan(5, MAX));
        assertEquals(6, SerialNumber.difference(5, MAX));
        assertEquals(-6, SerialNumber.difference(MAX, 5));
    }

    @Test
    void rangesWalkForwardsAcrossTheWrap() {
        int first = SerialNumber.of(0xFFFF_FFFEL);
        assertTrue(SerialNumber.inRange(MAX, first, 1));
        assertTrue(SerialNumber.inRange(0, first, 1));
        assertTrue(SerialNumber.inRange(1, first, 1));
        assertFalse(SerialNumber.inRange(2, first, 1));
        assertEquals(4, SerialNumber.rangeSize(first, 1));
        assertEquals(1L << 32, SerialNumber.rangeSize(0, MAX));
    }

    @Property
    void aNumberPrecedesEveryNumberLessThanTwoToTheThirtyOneAhead(@ForAll int a,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int n) {
        int b = SerialNumber.add(a, n);
        assertTrue(SerialNumber.lessThan(a, b));
        assertFalse(SerialNumber.lessThan(b, a));
        assertEquals(n, SerialNumber.difference(b, a));
        assertEquals(-1, SerialNumber.compare(a, b));
    }

    @Property
    void comparisonIsAntisymmetric(@ForAll int a, @ForAll int b) {
        // RFC 1982 leaves numbers exactly 2^31 apart unordered.
        if (b - a != Integer.MIN_VALUE) {
            assertEquals(SerialNumber.compare(a, b), -SerialNumber.compare(b, a));
            assertEquals(a != b, SerialNumber.lessThan(a, b) ^ SerialNumber.lessThan(b, a));
        }
    }
}
