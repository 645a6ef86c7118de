package org.amqpexplorer.ui.flowlab;

/**
 * The colours the lab's drawings use, by role. Their values come from the theme's style sheet (see
 * {@link Palette}), so canvases and exported pictures follow light and dark like the controls do.
 */
enum Ink {
    BACKGROUND, TEXT, MUTED, GRID, SELECTION, ALERT, ALERT_BAND,
    SERIES_0, SERIES_1, SERIES_2, SERIES_3, SERIES_4, SERIES_5,
    LANE_0, LANE_1, LANE_2, LANE_3, LANE_4, LANE_5, LANE_6, LANE_7;

    static final int SERIES = 6;
    static final int LANES = 8;

    static Ink series(int i) {
        return values()[SERIES_0.ordinal() + Math.floorMod(i, SERIES)];
    }

    static Ink lane(int i) {
        return values()[LANE_0.ordinal() + Math.floorMod(i, LANES)];
    }

    /** The style class of the hidden label that carries this ink's colour, e.g. {@code ink-lane-3}. */
    String styleClass() {
        return "ink-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
