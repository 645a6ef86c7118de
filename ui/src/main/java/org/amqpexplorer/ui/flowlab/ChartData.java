package org.amqpexplorer.ui.flowlab;

import java.util.List;

/**
 * One chart as it is to be drawn: its series brought down to the pixel width, over the span from {@code from} to
 * {@code to} (engine clock, ms).
 */
record ChartData(String title, Figures.Unit unit, List<SeriesData> series, long from, long to) {

    /** @param latest the series' value at the end of the span, NaN if unknown */
    record SeriesData(String name, int colour, Columns columns, float latest) {
    }

    /**
     * The value the chart's axis must reach: the largest any series reaches in the span, except that a series far
     * above the smallest (over ten times its peak) does not set the scale and is drawn clipped, off scale. So a
     * window of 6 frames shows beside the peer's 2048 instead of lying flat at the bottom. Values of
     * {@code offScale} and above ("unlimited" windows) never set it. NaN if nothing is known.
     */
    double axisMax(double offScale) {
        double smallest = Double.NaN;
        double[] peaks = new double[series.size()];
        for (int i = 0; i < series.size(); i++) {
            double m = Double.NaN;
            for (float v : series.get(i).columns().max()) {
                if (Float.isNaN(v) || v >= offScale) continue;
                m = Double.isNaN(m) ? v : Math.max(m, v);
            }
            peaks[i] = m;
            if (m > 0 && (Double.isNaN(smallest) || m < smallest)) smallest = m;
        }
        double axis = Double.NaN;
        for (double m : peaks) {
            if (Double.isNaN(m)) continue;
            if (!Double.isNaN(smallest) && m > 10 * smallest) continue;
            axis = Double.isNaN(axis) ? m : Math.max(axis, m);
        }
        return axis;
    }
}
