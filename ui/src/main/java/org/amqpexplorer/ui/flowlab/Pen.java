package org.amqpexplorer.ui.flowlab;

/**
 * What a drawing is made of, so that one piece of layout code draws on a canvas and writes SVG alike. Coordinates
 * are pixels from the top left; text is placed by its baseline.
 */
interface Pen {
    enum Align { LEFT, CENTER, RIGHT }

    void rect(double x, double y, double w, double h, Ink ink);

    void line(double x1, double y1, double x2, double y2, Ink ink, double width, boolean dashed);

    /** A filled polygon (an arrowhead). */
    void polygon(double[] xs, double[] ys, Ink ink);

    void text(String text, double x, double y, Ink ink, Align align, boolean bold);
}
