package org.amqpexplorer.ui.flowlab;

/**
 * The recent history of one session or link: a bounded ring of samples, each the time and, per series, the
 * lowest, highest and last value seen since the sample before (so a credit that dropped to 0 and came back
 * between two samples still shows the dip). Storage grows with the samples taken, up to the capacity; then the
 * oldest go. Not thread-safe: the FX thread owns it.
 */
final class SampleRing {
    private final int capacity;
    private final int series;
    private long[] times = new long[0];
    private float[] min = new float[0];
    private float[] max = new float[0];
    private float[] last = new float[0];
    private int start;
    private int size;

    SampleRing(int capacity, int series) {
        if (capacity < 1 || series < 1) throw new IllegalArgumentException("capacity and series must be positive");
        this.capacity = capacity;
        this.series = series;
    }

    int size() {
        return size;
    }

    /** Adds a sample; times must not go backwards. */
    void add(long time, float[] lows, float[] highs, float[] lasts) {
        if (size > 0 && time < time(size - 1)) time = time(size - 1);
        if (size == times.length && size < capacity) grow();
        int slot;
        if (size < capacity) {
            slot = (start + size) % times.length;
            size++;
        } else {
            slot = start;
            start = (start + 1) % times.length;
        }
        times[slot] = time;
        System.arraycopy(lows, 0, min, slot * series, series);
        System.arraycopy(highs, 0, max, slot * series, series);
        System.arraycopy(lasts, 0, last, slot * series, series);
    }

    /** Doubles the storage in logical order (oldest at 0). */
    private void grow() {
        int n = Math.min(capacity, Math.max(64, times.length * 2));
        long[] t = new long[n];
        float[] lo = new float[n * series];
        float[] hi = new float[n * series];
        float[] la = new float[n * series];
        for (int i = 0; i < size; i++) {
            int from = (start + i) % times.length;
            t[i] = times[from];
            System.arraycopy(min, from * series, lo, i * series, series);
            System.arraycopy(max, from * series, hi, i * series, series);
            System.arraycopy(last, from * series, la, i * series, series);
        }
        times = t;
        min = lo;
        max = hi;
        last = la;
        start = 0;
    }

    private int slot(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return (start + i) % times.length;
    }

    /** The time of sample {@code i}, 0 being the oldest kept. */
    long time(int i) {
        return times[slot(i)];
    }

    float min(int i, int s) {
        return min[slot(i) * series + s];
    }

    float max(int i, int s) {
        return max[slot(i) * series + s];
    }

    float last(int i, int s) {
        return last[slot(i) * series + s];
    }

    /** The first sample at or after {@code t}, or {@link #size()} if none. */
    int indexAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
