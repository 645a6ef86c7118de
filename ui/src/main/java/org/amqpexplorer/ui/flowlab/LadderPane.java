package org.amqpexplorer.ui.flowlab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The sequence diagram on screen: a canvas that draws only the rows in view, a scroll bar over all the rows the
 * filter lets through, and the newest row kept in view until the person scrolls away (End brings it back).
 * Clicking a row selects the frame and shows it in the trace; hovering shows its full summary.
 */
final class LadderPane extends Region {
    private final FlowLab lab;
    private final Inks inks;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Tooltip tip = new Tooltip();
    private final Font font = Font.font("Monospaced", LadderPainter.FONT);
    private final double charWidth;
    private boolean follow = true;
    private boolean adjusting;
    private long drawn;

    LadderPane(FlowLab lab, Inks inks) {
        this.lab = lab;
        this.inks = inks;
        getStyleClass().add("ladder-pane");
        Text probe = new Text("0123456789");
        probe.setFont(font);
        charWidth = probe.getLayoutBounds().getWidth() / 10;
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        getChildren().addAll(canvas, scroll);
        setFocusTraversable(true);
        tip.setShowDelay(Duration.millis(350));
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        Tooltip.install(canvas, tip);

        scroll.valueProperty().addListener((o, was, now) -> {
            if (adjusting) return;
            follow = now.doubleValue() >= scroll.getMax() - 0.5;
            draw();
        });
        lab.ladderVersionProperty().addListener((o, was, now) -> refresh());
        lab.selectedFrameProperty().addListener((o, was, now) -> {
            reveal(now);
            draw();
        });
        lab.focusProperty().addListener((o, was, now) -> {
            follow = true;
            refresh();
        });
        inks.paletteProperty().addListener((o, was, now) -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            requestFocus();
            LadderEntry row = rowAt(e.getY());
            if (row != null) lab.select(row);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            LadderEntry row = rowAt(e.getY());
            tip.setText(row == null ? null : describe(row));
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scroll.setValue(Math.max(0, Math.min(scroll.getMax(), scroll.getValue() - Math.signum(e.getDeltaY()) * 3)));
            e.consume();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.END) {
                follow = true;
                refresh();
            } else if (e.getCode() == KeyCode.HOME) {
                scroll.setValue(0);
            } else if (e.getCode() == KeyCode.PAGE_UP) {
                scroll.setValue(Math.max(0, scroll.getValue() - visibleRows()));
            } else if (e.getCode() == KeyCode.PAGE_DOWN) {
                scroll.setValue(Math.min(scroll.getMax(), scroll.getValue() + visibleRows()));
            }
        });
    }

    /** Scrolls a selected frame into view if it is not. */
    private void reveal(LadderEntry e) {
        Ladder l = lab.ladder();
        if (e == null || l == null) return;
        int i = l.indexOf(e.seq());
        if (i < 0 || i >= firstRow() && i < firstRow() + visibleRows()) return;
        follow = false;
        adjusting = true;
        try {
            scroll.setValue(Math.max(0, Math.min(scroll.getMax(), i - visibleRows() / 2)));
        } finally {
            adjusting = false;
        }
    }

    private String describe(LadderEntry e) {
        LabConnection c = lab.focusProperty().get();
        StringBuilder b = new StringBuilder("#" + e.seq() + (e.sent() ? " sent → " : " received ← ")
                + e.summary(c == null ? "" : c.name));
        if (!e.effect().isEmpty()) b.append("\n\nEffect here: ").append(e.effect());
        Ladder l = lab.ladder();
        SpecAlert a = l == null ? null : l.alertOf(e);
        if (a != null) b.append("\n\n⚠ ").append(a.headline()).append(": ").append(a.detail());
        b.append("\n\nClick to show it in the live trace.");
        return b.toString();
    }

    int visibleRows() {
        return (int) Math.max(0, Math.floor((canvas.getHeight() - LadderPainter.HEADER) / LadderPainter.ROW));
    }

    int firstRow() {
        return (int) Math.round(scroll.getValue());
    }

    LadderEntry rowAt(double y) {
        Ladder l = lab.ladder();
        if (l == null || y < LadderPainter.HEADER) return null;
        int i = firstRow() + (int) ((y - LadderPainter.HEADER) / LadderPainter.ROW);
        return i >= 0 && i < l.shownSize() && i < firstRow() + visibleRows() ? l.shown(i) : null;
    }

    /** New rows or a new filter: the scroll range follows, and the view follows the newest row if it did. */
    private void refresh() {
        Ladder l = lab.ladder();
        int rows = l == null ? 0 : l.shownSize();
        int visible = visibleRows();
        adjusting = true;
        try {
            scroll.setMax(Math.max(0, rows - visible));
            scroll.setVisibleAmount(Math.max(1, visible));
            scroll.setBlockIncrement(Math.max(1, visible - 1));
            if (follow || scroll.getValue() > scroll.getMax()) scroll.setValue(scroll.getMax());
        } finally {
            adjusting = false;
        }
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sw = scroll.prefWidth(-1);
        canvas.setWidth(Math.max(0, Math.floor(w - sw)));
        canvas.setHeight(Math.max(0, Math.floor(h)));
        scroll.resizeRelocate(w - sw, 0, sw, h);
        canvas.relocate(0, 0);
        refresh();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 560;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        Palette palette = inks.palette();
        CanvasPen pen = new CanvasPen(canvas.getGraphicsContext2D(), palette, font);
        LadderPainter.Layout layout = LadderPainter.layout(w, charWidth);
        Ladder l = lab.ladder();
        LabConnection c = lab.focusProperty().get();
        List<LadderEntry> rows = l == null ? List.of() : l.shown(firstRow(), firstRow() + visibleRows());
        LadderEntry selected = lab.selectedFrameProperty().get();
        LadderPainter.rows(pen, layout, rows, LadderPainter.HEADER, h, l == null ? 0 : l.firstTime(),
                selected == null ? -1 : selected.seq(), lanes());
        LadderPainter.header(pen, layout, c == null ? "this end" : "this end · " + c.name, "peer");
        if (rows.isEmpty()) {
            pen.text(l == null ? "No connection yet: run a scenario, or connect (File → Connect…)."
                    : l.size() == 0 ? "No frames yet." : "No frame matches the filter.",
                    w / 2, LadderPainter.HEADER + 40, Ink.MUTED, Pen.Align.CENTER, false);
        }
        drawn++;
    }

    /** Lanes: link frames take their link's colour, session frames the first lane. */
    LadderPainter.Lanes lanes() {
        List<LadderFilter.LinkChoice> links = List.copyOf(lab.linkChoices());
        Ladder l = lab.ladder();
        return new LadderPainter.Lanes(e -> {
            for (int i = 0; i < links.size(); i++) if (links.get(i).matches(e)) return i + 1;
            return 0;
        }, e -> {
            if (e.localChannel() < 0) return "conn";
            for (LadderFilter.LinkChoice link : links) if (link.matches(e)) return "s" + e.localChannel() + " h" + link.handle();
            return "s" + e.localChannel();
        }, e -> l == null ? null : l.alertOf(e));
    }

    /** The rows in view, as the diagram shows them. */
    List<LadderEntry> rowsInView() {
        Ladder l = lab.ladder();
        return l == null ? List.of() : l.shown(firstRow(), firstRow() + visibleRows());
    }

    /** Writes the rows in view as a PNG picture, drawn afresh at the diagram's width. Call on the FX thread. */
    void exportPng(Path file) throws IOException {
        List<LadderEntry> rows = rowsInView();
        double w = Math.max(480, canvas.getWidth());
        double h = LadderPainter.HEADER + Math.max(1, rows.size()) * LadderPainter.ROW + 6;
        Canvas picture = new Canvas(w, h);
        CanvasPen pen = new CanvasPen(picture.getGraphicsContext2D(), inks.palette(), font);
        LadderPainter.Layout layout = LadderPainter.layout(w, charWidth);
        Ladder l = lab.ladder();
        LabConnection c = lab.focusProperty().get();
        LadderPainter.rows(pen, layout, rows, LadderPainter.HEADER, h, l == null ? 0 : l.firstTime(), -1, lanes());
        LadderPainter.header(pen, layout, c == null ? "this end" : "this end · " + c.name, "peer");
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.web(inks.palette().hex(Ink.BACKGROUND)));
        WritableImage image = picture.snapshot(params, null);
        int iw = (int) image.getWidth();
        int ih = (int) image.getHeight();
        int[] pixels = new int[iw * ih];
        image.getPixelReader().getPixels(0, 0, iw, ih, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, iw);
        try (OutputStream out = Files.newOutputStream(file)) {
            PngEncoder.write(iw, ih, pixels, out);
        }
    }

    /** Writes the rows in view, or every row the filter lets through, as SVG. */
    void exportSvg(Path file, boolean all) throws IOException {
        Ladder l = lab.ladder();
        List<LadderEntry> rows = all ? (l == null ? List.of() : l.shown(0, l.shownSize())) : rowsInView();
        LabConnection c = lab.focusProperty().get();
        String svg = LadderPainter.svg(rows, Math.max(720, canvas.getWidth()), c == null ? "this end" : "this end · " + c.name,
                "peer", l == null ? 0 : l.firstTime(), lanes(), inks.palette());
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    /** How many times the canvas was drawn (for tests). */
    long drawCount() {
        return drawn;
    }
}
