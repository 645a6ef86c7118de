package org.amqpexplorer.protocol.engine;

/**
 * RFC 1982 serial-number arithmetic on the spec's 32-bit {@code sequence-no} (transfer-ids, delivery-ids,
 * delivery-counts). A sequence number is held in a Java {@code int} whose bits are the uint; it wraps from
 * 2^32-1 to 0, and "a precedes b" means b is less than 2^31 steps ahead of a. Every comparison or difference
 * of sequence numbers in the engine goes through here, so wrap-around is handled in one place.
 */
final class SerialNumber {

    private SerialNumber() {
    }

    /** The uint value of a sequence number. */
    static long toUnsigned(int serial) {
        return Integer.toUnsignedLong(serial);
    }

    /** The sequence number of a uint value taken from the wire (only its low 32 bits count). */
    static int of(long uint) {
        return (int) uint;
    }

    /** serial + n, wrapping at 2^32. */
    static int add(int serial, long n) {
        return (int) (serial + n);
    }

    /**
     * The signed distance from {@code from} to {@code to}: how many steps {@code to} is ahead (positive) or
     * behind (negative). Undefined by RFC 1982 at exactly 2^31 apart; this returns -2^31 there.
     */
    static int difference(int to, int from) {
        return to - from;
    }

    /** RFC 1982 3.2: a precedes b. */
    static boolean lessThan(int a, int b) {
        return a != b && b - a > 0;
    }

    static boolean lessThanOrEqual(int a, int b) {
        return a == b || b - a > 0;
    }

    static boolean greaterThan(int a, int b) {
        return lessThan(b, a);
    }

    /** Negative, zero or positive as a precedes, equals or follows b. */
    static int compare(int a, int b) {
        return Integer.signum(a - b);
    }

    /** Whether {@code serial} lies in the closed range [first, last], which is walked forwards from first. */
    static boolean inRange(int serial, int first, int last) {
        return Integer.toUnsignedLong(serial - first) <= Integer.toUnsignedLong(last - first);
    }

    /** How many numbers the closed range [first, last] holds (1 to 2^32). */
    static long rangeSize(int first, int last) {
        return Integer.toUnsignedLong(last - first) + 1;
    }

    static String toString(int serial) {
        return Integer.toUnsignedString(serial);
    }
}
