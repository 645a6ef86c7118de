package org.amqpexplorer.app;

import java.time.Duration;

/** An optional point in time by which a command must be done. */
record Deadline(long nanos, Duration total) {
    static final Deadline NONE = new Deadline(Long.MAX_VALUE, null);

    static Deadline in(Duration d) {
        return d == null ? NONE : new Deadline(System.nanoTime() + d.toNanos(), d);
    }

    boolean isSet() {
        return total != null;
    }

    boolean hasPassed() {
        return isSet() && System.nanoTime() - nanos >= 0;
    }

    /** The time left, but no more than {@code cap}. */
    Duration atMost(Duration cap) {
        if (!isSet()) return cap;
        Duration left = Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
        return left.compareTo(cap) < 0 ? left : cap;
    }

    /** {@code 10 s}, {@code 0.5 s}. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
