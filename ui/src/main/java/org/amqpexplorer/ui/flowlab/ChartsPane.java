package org.amqpexplorer.ui.flowlab;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The time charts of the session or link in focus, drawn on one canvas, stacked. Each pixel column shows the
 * lowest to highest value of its samples and the line joins the last values, so a dip between two samples is seen
 * and the cost of a frame is the width in pixels, not the number of samples. The wheel zooms; while paused,
 * dragging pans back through the history.
 */
final class ChartsPane extends Region {
    /** Values this large are "unlimited" windows (2^31-1 and the like): they do not set the scale. */
    static final double OFF_SCALE = 1e9;
    private static final double AXIS = 58;
    /** Below this a chart cannot be read: the pane asks for more height and scrolls. */
    private static final double MIN_CHART = 78;
    private static final double RIGHT = 10;
    private static final double TIME_AXIS = 18;

    private final FlowLab lab;
    private final Inks inks;
    private final Canvas canvas = new Canvas();
    private final Font font = Font.font(11);
    private final Font bold = Font.font(null, FontWeight.BOLD, 12);
    private double dragX = Double.NaN;

    ChartsPane(FlowLab lab, Inks inks) {
        this.lab = lab;
        this.inks = inks;
        getStyleClass().add("charts-pane");
        getChildren().add(canvas);
        lab.chartVersionProperty().addListener((o, was, now) -> draw());
        inks.paletteProperty().addListener((o, was, now) -> draw());
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) lab.zoom(e.getDeltaY() > 0 ? -1 : 1);
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragX = e.getX());
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(dragX) || !lab.chartsPausedProperty().get()) return;
            double plot = Math.max(1, canvas.getWidth() - AXIS - RIGHT);
            long millis = Math.round(-(e.getX() - dragX) / plot * lab.spanSecondsProperty().get() * 1000);
            dragX = e.getX();
            lab.pan(millis);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(0, Math.floor(getWidth())));
        canvas.setHeight(Math.max(0, Math.floor(getHeight())));
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(Figures.LINK.size(), Figures.SESSION.size()) * MIN_CHART + TIME_AXIS;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        Palette palette = inks.palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web(palette.hex(Ink.BACKGROUND)));
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.BASELINE);
        int plotWidth = (int) Math.max(0, w - AXIS - RIGHT);
        List<ChartData> charts = lab.charts(plotWidth);
        if (charts.isEmpty()) {
            g.setFill(Color.web(palette.hex(Ink.MUTED)));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(lab.focusProperty().get() == null ? "No connection yet: run a scenario."
                    : "No session or link to chart yet.", w / 2, h / 2);
            return;
        }
        double each = (h - TIME_AXIS) / charts.size();
        for (int i = 0; i < charts.size(); i++) chart(g, palette, charts.get(i), i * each, each, plotWidth);
        timeAxis(g, palette, charts.get(0), h - TIME_AXIS, plotWidth);
    }

    private void chart(GraphicsContext g, Palette palette, ChartData c, double top, double height, int plotWidth) {
        Color text = Color.web(palette.hex(Ink.TEXT));
        Color muted = Color.web(palette.hex(Ink.MUTED));
        Color grid = Color.web(palette.hex(Ink.GRID));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(bold);
        g.setFill(text);
        g.fillText(c.title(), 8, top + 15);
        // the legend: a swatch, the name and the value at the end of the span
        g.setFont(font);
        double x = 8;
        double legendY = top + 29;
        double max = c.axisMax(OFF_SCALE);
        double axisMax = niceMax(Double.isNaN(max) ? 1 : max);
        for (ChartData.SeriesData s : c.series()) {
            String value = Figures.format(s.latest(), c.unit());
            if (!Float.isNaN(s.latest()) && s.latest() > axisMax) value += " (off scale)";
            String label = s.name() + " " + value;
            double width = 14 + label.length() * 6.2 + 12;
            if (x + width > 8 + plotWidth + AXIS && x > 8) break;
            g.setFill(Color.web(palette.hex(Ink.series(s.colour()))));
            g.fillRect(x, legendY - 7, 10, 4);
            g.setFill(muted);
            g.fillText(label, x + 14, legendY);
            x += width;
        }
        double plotTop = top + 36;
        double plotBottom = top + height - 6;
        if (plotBottom - plotTop < 8) return;
        double left = AXIS;
        // axis: 0, half and the top, with grid lines
        g.setTextAlign(TextAlignment.RIGHT);
        g.setLineWidth(1);
        for (int t = 0; t <= 2; t++) {
            double v = axisMax * t / 2;
            double y = Math.round(yOf(v, axisMax, plotTop, plotBottom)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(left, y, left + plotWidth, y);
            g.setFill(muted);
            g.fillText(Figures.tick(v, c.unit()), left - 5, y + 4);
        }
        for (ChartData.SeriesData s : c.series()) {
            g.setStroke(Color.web(palette.hex(Ink.series(s.colour()))));
            series(g, s.columns(), axisMax, left, plotTop, plotBottom);
        }
    }

    private static void series(GraphicsContext g, Columns columns, double axisMax, double left, double top, double bottom) {
        float[] lo = columns.min();
        float[] hi = columns.max();
        float[] last = columns.last();
        g.setLineWidth(1.6);
        g.beginPath();
        boolean started = false;
        double previous = Double.NaN;
        for (int c = 0; c < last.length; c++) {
            if (Float.isNaN(last[c])) {
                started = false;
                continue;
            }
            double x = left + c + 0.5;
            double y = yOf(Math.min(last[c], axisMax), axisMax, top, bottom);
            if (!started) {
                g.moveTo(x, y);
                started = true;
            } else {
                g.lineTo(x, previous);
                g.lineTo(x, y);
            }
            previous = y;
        }
        g.stroke();
        // what happened between samples: each column's full range
        g.setLineWidth(1);
        for (int c = 0; c < lo.length; c++) {
            if (Float.isNaN(lo[c]) || lo[c] == hi[c]) continue;
            double x = left + c + 0.5;
            g.strokeLine(x, yOf(Math.min(lo[c], axisMax), axisMax, top, bottom), x, yOf(Math.min(hi[c], axisMax), axisMax, top, bottom));
        }
    }

    private void timeAxis(GraphicsContext g, Palette palette, ChartData c, double top, int plotWidth) {
        g.setFill(Color.web(palette.hex(Ink.MUTED)));
        g.setFont(font);
        long span = c.to() - c.from();
        boolean live = !lab.chartsPausedProperty().get();
        for (int t = 0; t <= 4; t++) {
            double x = AXIS + plotWidth * t / 4.0;
            long ago = span - span * t / 4;
            g.setTextAlign(t == 0 ? TextAlignment.LEFT : t == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            String label = t == 4 ? (live ? "now" : "paused") : "−" + seconds(ago);
            g.fillText(label, x, top + 13);
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static double yOf(double v, double max, double top, double bottom) {
        return bottom - (v / max) * (bottom - top);
    }

    /** A round number at or just above {@code v} (at least 1), so the top of the axis reads well. */
    static double niceMax(double v) {
        if (v <= 1) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) if (m * p >= v - 1e-9 * p) return m * p;
        return 10 * p;
    }
}
