package org.amqpexplorer.ui.flowlab;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for canvas drawings. Canvases do not take CSS, so each {@link Ink} is the text fill of a
 * hidden label styled by the lab's sheet ({@code .ink-…} classes, which use the theme's looked-up colours); when
 * the theme changes, CSS restyles the labels and the palette follows.
 */
final class Inks {
    private final Group node = new Group();
    private final Map<Ink, Label> labels = new EnumMap<>(Ink.class);
    private final ReadOnlyObjectWrapper<Palette> palette = new ReadOnlyObjectWrapper<>(Palette.LIGHT);

    Inks() {
        for (Ink i : Ink.values()) {
            Label l = new Label();
            l.getStyleClass().addAll("ink", i.styleClass());
            l.textFillProperty().addListener((o, was, now) -> refresh());
            labels.put(i, l);
            node.getChildren().add(l);
        }
        node.setManaged(false);
        node.setVisible(false);
    }

    /** Put this in the scene, anywhere under the lab's style sheet. */
    Group node() {
        return node;
    }

    ReadOnlyObjectProperty<Palette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }

    Palette palette() {
        return palette.get();
    }

    private void refresh() {
        Map<Ink, String> m = new EnumMap<>(Ink.class);
        for (Ink i : Ink.values()) {
            Paint p = labels.get(i).getTextFill();
            m.put(i, p instanceof Color c ? hex(c) : Palette.LIGHT.hex(i));
        }
        Palette now = new Palette(m);
        if (!now.equals(palette.get())) palette.set(now);
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
