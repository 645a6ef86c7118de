package org.amqpexplorer.ui.trace;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A hex dump of a frame's bytes: offset, bytes in hex, the same bytes as ASCII, with one run of bytes
 * highlighted (the selected field's). Virtualized, so a frame of a megabyte costs no more than a few lines;
 * 16 bytes a line when there is room, 8 in a narrow pane.
 */
final class HexDumpView extends StackPane {
    private static final HexFormat HEX = HexFormat.of();
    /** offset, two spaces, "xx " per byte plus one extra space in the middle, a space, one char per byte. */
    private static final int OFFSET_CHARS = 6;

    private final ObjectProperty<byte[]> bytes = new SimpleObjectProperty<>(this, "bytes");
    private final ObjectProperty<ByteRange> highlight = new SimpleObjectProperty<>(this, "highlight", ByteRange.NONE);
    private final StringProperty placeholderText = new SimpleStringProperty(this, "placeholderText", "");
    private final ObservableList<Integer> lines = FXCollections.observableArrayList();
    private final ListView<Integer> list = new ListView<>(lines);
    private final Font font = Font.font("monospace", Font.getDefault().getSize());
    private final double charWidth;
    private int bytesPerLine = 16;
    private int offsetDigits = 4;

    HexDumpView() {
        getStyleClass().add("hex-dump");
        Text probe = new Text("0");
        probe.setFont(font);
        charWidth = probe.getLayoutBounds().getWidth();
        list.setId("hex-lines");
        list.setCellFactory(l -> new LineCell());
        list.setFocusTraversable(true);
        Label placeholder = new Label();
        placeholder.textProperty().bind(placeholderText);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("empty-state");
        list.setPlaceholder(placeholder);
        getChildren().add(list);
        bytes.addListener((o, was, now) -> relayout());
        highlight.addListener((o, was, now) -> {
            list.refresh();
            if (now != null && !now.isEmpty()) list.scrollTo(Math.max(0, now.offset() / bytesPerLine - 1));
        });
        widthProperty().addListener((o, was, now) -> {
            int fit = now.doubleValue() >= widthFor(16) ? 16 : 8;
            if (fit != bytesPerLine) {
                bytesPerLine = fit;
                relayout();
            }
        });
    }

    /** Room a line of {@code n} bytes needs, with the list's padding and scroll bar. */
    private double widthFor(int n) {
        return (OFFSET_CHARS + n * 3 + 2 + n) * charWidth + 40;
    }

    private void relayout() {
        byte[] b = bytes.get();
        int n = b == null ? 0 : (b.length + bytesPerLine - 1) / bytesPerLine;
        offsetDigits = b == null || b.length <= 0x10000 ? 4 : (67 - Long.numberOfLeadingZeros(b.length - 1L)) / 4;
        List<Integer> indexes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) indexes.add(i);
        lines.setAll(indexes);
        list.refresh();
    }

    /** The bytes shown, or null for none. */
    ObjectProperty<byte[]> bytesProperty() {
        return bytes;
    }

    ObjectProperty<ByteRange> highlightProperty() {
        return highlight;
    }

    /** What the pane says when it has no bytes to show. */
    StringProperty placeholderTextProperty() {
        return placeholderText;
    }

    int bytesPerLine() {
        return bytesPerLine;
    }

    /** One line: offset, then hex and ASCII each split in three runs, the middle one highlighted. */
    private final class LineCell extends ListCell<Integer> {
        private final Label offset = label("hex-offset");
        private final Label hexBefore = label("hex-bytes");
        private final Label hexHit = label("hex-bytes", "hex-highlight");
        private final Label hexAfter = label("hex-bytes");
        private final Label asciiBefore = label("hex-ascii");
        private final Label asciiHit = label("hex-ascii", "hex-highlight");
        private final Label asciiAfter = label("hex-ascii");
        private final HBox box = new HBox(offset, hexBefore, hexHit, hexAfter, asciiBefore, asciiHit, asciiAfter);

        LineCell() {
            getStyleClass().add("hex-line");
            offset.setPadding(new Insets(0, charWidth * 2, 0, 0));
        }

        private Label label(String... styleClasses) {
            Label l = new Label();
            l.setFont(font);
            l.setMinWidth(Label.USE_PREF_SIZE);
            l.getStyleClass().addAll(styleClasses);
            return l;
        }

        @Override
        protected void updateItem(Integer line, boolean empty) {
            super.updateItem(line, empty);
            byte[] b = bytes.get();
            if (empty || line == null || b == null) {
                setGraphic(null);
                return;
            }
            int start = line * bytesPerLine;
            int end = Math.min(b.length, start + bytesPerLine);
            ByteRange hit = highlight.get() == null ? ByteRange.NONE : highlight.get();
            StringBuilder[] hex = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
            StringBuilder[] ascii = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
            int run = 0; // 0 before the highlight, 1 in it, 2 after it
            for (int i = start; i < end; i++) {
                if (run == 0 && hit.contains(i)) run = 1;
                else if (run == 1 && !hit.contains(i)) run = 2;
                hex[run].append(HEX.toHexDigits(b[i]));
                ascii[run].append(b[i] >= 0x20 && b[i] < 0x7f ? (char) b[i] : '.');
                if (i + 1 < start + bytesPerLine) {
                    String gap = (i - start) == bytesPerLine / 2 - 1 ? "  " : " ";
                    // the gap joins the highlight only between two highlighted bytes
                    hex[run == 1 && !hit.contains(i + 1) ? 2 : run].append(gap);
                }
            }
            for (int i = end; i < start + bytesPerLine; i++) { // pad the last line so the ASCII column stays put
                hex[2].append(i + 1 < start + bytesPerLine ? ((i - start) == bytesPerLine / 2 - 1 ? "    " : "   ") : "  ");
            }
            hex[2].append("  "); // between the hex and the ASCII columns
            offset.setText(String.format("%0" + offsetDigits + "x", start));
            set(hexBefore, hex[0]);
            set(hexHit, hex[1]);
            set(hexAfter, hex[2]);
            set(asciiBefore, ascii[0]);
            set(asciiHit, ascii[1]);
            set(asciiAfter, ascii[2]);
            setGraphic(box);
        }

        private static void set(Label l, StringBuilder text) {
            l.setText(text.toString());
            l.setVisible(!text.isEmpty());
            l.setManaged(!text.isEmpty());
        }
    }
}
