package org.amqpexplorer.ui.flowlab;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Draws the sequence diagram: two lifelines, this end on the left and the peer on the right, and one arrow per
 * frame, top to bottom in the order the frames went. An arrow's colour says its session and link (its lane); its
 * label says what the frame is; to the right, what the frame changed at this end. Frames the checker flagged are
 * banded in the alert colour with the rule's section. The same code draws on the screen and into exports, through
 * a {@link Pen}.
 */
final class LadderPainter {
    static final double ROW = 22;
    static final double HEADER = 30;
    static final double FONT = 11;

    /** Where things go for a given width. {@code effects} is false when the width leaves no room for them. */
    record Layout(double width, double charWidth, double xTime, double xLane, double xLeft, double xRight,
                  double xEffect, boolean effects) {
    }

    /** What a row needs besides its entry: its lane (colour), the short name of its lane, and its alert. */
    record Lanes(Function<LadderEntry, Integer> lane, Function<LadderEntry, String> chip,
                 Function<LadderEntry, SpecAlert> alert) {
    }

    private LadderPainter() {
    }

    static Layout layout(double width, double charWidth) {
        double xTime = 6;
        double xLane = xTime + 9 * charWidth;
        double xLeft = xLane + 7 * charWidth + 8;
        double arrow = Math.max(180, Math.min(400, width * 0.45));
        boolean effects = width - (xLeft + arrow) > 24 * charWidth;
        if (!effects) arrow = Math.max(120, width - xLeft - 14);
        double xRight = xLeft + arrow;
        return new Layout(width, charWidth, xTime, xLane, xLeft, xRight, xRight + 12, effects);
    }

    /** The heading: the two ends' names over their lifelines. */
    static void header(Pen pen, Layout l, String here, String peer) {
        pen.rect(0, 0, l.width(), HEADER, Ink.BACKGROUND);
        pen.text("time (s)", l.xTime(), 19, Ink.MUTED, Pen.Align.LEFT, false);
        pen.text("lane", l.xLane(), 19, Ink.MUTED, Pen.Align.LEFT, false);
        pen.text(fit(here, (l.xRight() - l.xLeft()) / 2 / l.charWidth()), l.xLeft(), 19, Ink.TEXT, Pen.Align.LEFT, true);
        pen.text(fit(peer, (l.xRight() - l.xLeft()) / 2 / l.charWidth()), l.xRight(), 19, Ink.TEXT, Pen.Align.RIGHT, true);
        if (l.effects()) pen.text("effect here", l.xEffect(), 19, Ink.MUTED, Pen.Align.LEFT, false);
        pen.line(0, HEADER - 0.5, l.width(), HEADER - 0.5, Ink.GRID, 1, false);
    }

    /**
     * Draws {@code rows} from {@code top} down, and the lifelines to {@code bottom}.
     *
     * @param firstTime times are shown relative to it
     * @param selected  the frame number to band as selected, or -1
     */
    static void rows(Pen pen, Layout l, List<LadderEntry> rows, double top, double bottom, long firstTime, long selected,
                     Lanes lanes) {
        pen.rect(0, top, l.width(), bottom - top, Ink.BACKGROUND);
        for (int i = 0; i < rows.size(); i++) {
            LadderEntry e = rows.get(i);
            double y = top + i * ROW;
            SpecAlert alert = lanes.alert().apply(e);
            if (alert != null) pen.rect(0, y, l.width(), ROW, Ink.ALERT_BAND);
            if (e.seq() == selected) pen.rect(0, y, l.width(), ROW, Ink.SELECTION);
        }
        pen.line(l.xLeft(), top, l.xLeft(), bottom, Ink.MUTED, 1, true);
        pen.line(l.xRight(), top, l.xRight(), bottom, Ink.MUTED, 1, true);
        for (int i = 0; i < rows.size(); i++) row(pen, l, rows.get(i), top + i * ROW, firstTime, lanes);
    }

    private static void row(Pen pen, Layout l, LadderEntry e, double y, long firstTime, Lanes lanes) {
        double base = y + 11;
        double arrowY = y + ROW - 5;
        pen.text(String.format(Locale.ROOT, "%.3f", (e.time() - firstTime) / 1000.0), l.xLane() - l.charWidth(), base + 4,
                Ink.MUTED, Pen.Align.RIGHT, false);
        Ink lane = Ink.lane(lanes.lane().apply(e));
        pen.text(lanes.chip().apply(e), l.xLane(), base + 4, lane, Pen.Align.LEFT, true);
        double from = e.sent() ? l.xLeft() : l.xRight();
        double to = e.sent() ? l.xRight() - 1 : l.xLeft() + 1;
        // a slight slope, as a frame takes time to cross
        pen.line(from, arrowY - 3, to, arrowY + 1, lane, 1.6, false);
        double dir = e.sent() ? -1 : 1;
        pen.polygon(new double[] {to, to + dir * 8, to + dir * 7}, new double[] {arrowY + 1, arrowY - 3.5, arrowY + 4}, lane);
        double room = (l.xRight() - l.xLeft() - 16) / l.charWidth();
        pen.text(fit(e.label(), room), (l.xLeft() + l.xRight()) / 2, base, Ink.TEXT, Pen.Align.CENTER, false);
        SpecAlert alert = lanes.alert().apply(e);
        if (!l.effects()) {
            if (alert != null) pen.text("⚠", l.xRight() + 3, base + 4, Ink.ALERT, Pen.Align.LEFT, true);
            return;
        }
        double x = l.xEffect();
        double roomRight = (l.width() - x - 6) / l.charWidth();
        if (alert != null) {
            String flag = "⚠ " + alert.section();
            pen.text(flag, x, base + 4, Ink.ALERT, Pen.Align.LEFT, true);
            x += (flag.length() + 1) * l.charWidth();
            roomRight -= flag.length() + 1;
        }
        if (!e.effect().isEmpty() && roomRight > 3) pen.text(fit(e.effect(), roomRight), x, base + 4, Ink.MUTED, Pen.Align.LEFT, false);
    }

    /** {@code text} cut to {@code chars} characters, with an ellipsis if cut. */
    static String fit(String text, double chars) {
        int n = (int) Math.floor(chars);
        if (n <= 0) return "";
        return text.length() <= n ? text : text.substring(0, Math.max(0, n - 1)) + "…";
    }

    /** The whole picture of {@code rows} as SVG. */
    static String svg(List<LadderEntry> rows, double width, String here, String peer, long firstTime, Lanes lanes,
                      Palette palette) {
        double charWidth = FONT * 0.6;
        Layout l = layout(width, charWidth);
        double height = HEADER + Math.max(1, rows.size()) * ROW + 6;
        SvgPen pen = new SvgPen(width, height, palette, FONT);
        rows(pen, l, rows, HEADER, height, firstTime, -1, lanes);
        header(pen, l, here, peer);
        return pen.finish();
    }
}
