package org.amqpexplorer.ui.composer;

import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Shows a field's error at the field: ControlsFX's error decoration (a mark whose tooltip gives the reason)
 * and the {@code invalid} style class. The reason comes from the view-model, which checks every field the
 * same way typed JSON is read; this only displays it.
 */
final class FieldDecorations {
    static final String INVALID = "invalid";
    private static final ValidationDecoration DECORATION = new GraphicValidationDecoration();

    private FieldDecorations() {
    }

    /** Shows {@code error} at {@code c}, or clears it when null. */
    static void show(Control c, String error) {
        DECORATION.removeDecorations(c);
        c.getStyleClass().remove(INVALID);
        if (error == null) return;
        DECORATION.applyValidationDecoration(ValidationMessage.error(c, error));
        c.getStyleClass().add(INVALID);
    }
}
