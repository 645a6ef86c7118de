package org.amqpexplorer.ui.flowlab;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws on a JavaFX canvas. */
final class CanvasPen implements Pen {
    private static final double[] DASHES = {4, 3};
    private final GraphicsContext g;
    private final Map<Ink, Color> colours = new EnumMap<>(Ink.class);
    private final Font regular;
    private final Font bold;

    CanvasPen(GraphicsContext g, Palette palette, Font font) {
        this.g = g;
        for (Ink i : Ink.values()) colours.put(i, Color.web(palette.hex(i)));
        this.regular = font;
        this.bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        g.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public void rect(double x, double y, double w, double h, Ink ink) {
        g.setFill(colours.get(ink));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Ink ink, double width, boolean dashed) {
        g.setStroke(colours.get(ink));
        g.setLineWidth(width);
        g.setLineDashes(dashed ? DASHES : null);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes((double[]) null);
    }

    @Override
    public void polygon(double[] xs, double[] ys, Ink ink) {
        g.setFill(colours.get(ink));
        g.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void text(String text, double x, double y, Ink ink, Align align, boolean isBold) {
        g.setFill(colours.get(ink));
        g.setFont(isBold ? bold : regular);
        g.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        g.fillText(text, x, y);
    }
}
