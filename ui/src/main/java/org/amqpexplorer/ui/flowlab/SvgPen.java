package org.amqpexplorer.ui.flowlab;

import java.util.Locale;

/** Writes what is drawn as SVG text: a picture that scales, for slides and documents. */
final class SvgPen implements Pen {
    private final StringBuilder svg = new StringBuilder();
    private final Palette palette;

    SvgPen(double width, double height, Palette palette, double fontSize) {
        this.palette = palette;
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"monospace\" font-size=\"").append(n(fontSize)).append("\">\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Ink ink) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(palette.hex(ink)).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Ink ink, double width, boolean dashed) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(palette.hex(ink))
                .append("\" stroke-width=\"").append(n(width)).append('"')
                .append(dashed ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, Ink ink) {
        svg.append("<polygon points=\"");
        for (int i = 0; i < xs.length; i++) svg.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        svg.append("\" fill=\"").append(palette.hex(ink)).append("\"/>\n");
    }

    @Override
    public void text(String text, double x, double y, Ink ink, Align align, boolean bold) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"").append(palette.hex(ink))
                .append('"');
        if (align == Align.CENTER) svg.append(" text-anchor=\"middle\"");
        if (align == Align.RIGHT) svg.append(" text-anchor=\"end\"");
        if (bold) svg.append(" font-weight=\"bold\"");
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    /** The finished document. */
    String finish() {
        return svg + "</svg>\n";
    }

    private static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 has no place for most control characters
                    if (c >= 0x20 || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
