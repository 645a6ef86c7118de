package org.amqpexplorer.ui.flowlab;

import java.util.Arrays;

/**
 * One series of a {@link SampleRing} brought down to the width of a chart: per pixel column the lowest, highest
 * and last value of the samples that fall in it. A chart draws {@code width} columns however many samples the
 * span holds. A column without a sample of its own holds the value before it (the figures are states, which stay
 * until they change); columns before the first sample and after the last are NaN: nothing is known there.
 */
record Columns(float[] min, float[] max, float[] last) {

    static Columns of(SampleRing ring, int series, long from, long to, int width) {
        float[] lo = new float[width];
        float[] hi = new float[width];
        float[] la = new float[width];
        Arrays.fill(lo, Float.NaN);
        Arrays.fill(hi, Float.NaN);
        Arrays.fill(la, Float.NaN);
        if (width <= 0 || to <= from || ring.size() == 0) return new Columns(lo, hi, la);
        double perColumn = (double) (to - from) / width;
        int first = ring.indexAtOrAfter(from);
        // the sample just before the span gives the value the span starts with
        float carry = first > 0 ? ring.last(first - 1, series) : Float.NaN;
        int lastColumn = -1;
        for (int i = first; i < ring.size(); i++) {
            long t = ring.time(i);
            if (t > to) break;
            int c = (int) Math.min(width - 1, (t - from) / perColumn);
            float mn = ring.min(i, series);
            float mx = ring.max(i, series);
            if (Float.isNaN(lo[c])) {
                lo[c] = mn;
                hi[c] = mx;
            } else {
                lo[c] = Math.min(lo[c], mn);
                hi[c] = Math.max(hi[c], mx);
            }
            la[c] = ring.last(i, series);
            lastColumn = c;
        }
        if (lastColumn < 0 && first > 0 && first < ring.size()) {
            // no sample inside the span, but some before and after it: the value before it held throughout
            lastColumn = width - 1;
        }
        for (int c = 0; c <= lastColumn; c++) {
            if (Float.isNaN(la[c])) {
                lo[c] = carry;
                hi[c] = carry;
                la[c] = carry;
            } else {
                // the step from the value before to this column's first sample shows as part of its range
                if (!Float.isNaN(carry)) {
                    lo[c] = Math.min(lo[c], carry);
                    hi[c] = Math.max(hi[c], carry);
                }
                carry = la[c];
            }
        }
        return new Columns(lo, hi, la);
    }
}
