package org.amqpexplorer.ui.composer;

import java.io.File;
import java.nio.charset.Charset;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** One data section of the body: text in a charset, hex, or a file's bytes. */
final class DataSectionEditor extends VBox {
    final TextArea content = new TextArea();
    // Held here, registered weakly: the section outlives its editor when the body's sections change.
    private final ChangeListener<DataSection.Mode> modeShown;
    private final ChangeListener<String> errorShown = (o, was, now) -> FieldDecorations.show(content, now);

    DataSectionEditor(ComposerViewModel vm, DataSection section, int index, Runnable onRemove) {
        getStyleClass().add("data-section");
        Label title = new Label("data [" + index + "]");
        title.getStyleClass().add("part-title");

        ChoiceBox<DataSection.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(DataSection.Mode.values()));
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(DataSection.Mode m) {
                return m == null ? "" : switch (m) {
                    case TEXT -> "text";
                    case HEX -> "hex";
                    case FILE -> "file";
                };
            }

            @Override
            public DataSection.Mode fromString(String s) {
                return null;
            }
        });
        mode.setValue(section.mode());
        mode.setTooltip(new Tooltip("How the bytes are given: text in a charset, hex digits, or a file's bytes"));
        mode.setOnAction(e -> {
            if (mode.getValue() != section.mode() && !vm.switchDataMode(section, mode.getValue())) mode.setValue(section.mode());
        });
        modeShown = (o, was, now) -> mode.setValue(now);
        section.modeProperty().addListener(new WeakChangeListener<>(modeShown));

        ComboBox<Charset> charset = new ComboBox<>(FXCollections.observableArrayList(DataSection.CHARSETS));
        charset.valueProperty().bindBidirectional(section.charsetProperty());
        charset.setTooltip(new Tooltip("The charset the text is encoded in; a character it lacks is an error"));
        charset.visibleProperty().bind(section.modeProperty().isEqualTo(DataSection.Mode.TEXT));
        charset.managedProperty().bind(charset.visibleProperty());

        Button load = new Button("Load file…");
        load.setTooltip(new Tooltip("Take the bytes from a file (read now, once)"));
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Body from a file");
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.loadFile(section, f.toPath());
        });
        Label size = new Label();
        size.textProperty().bind(section.sizeProperty());
        size.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.setTooltip(new Tooltip("Remove this data section"));
        remove.setOnAction(e -> onRemove.run());
        HBox bar = new HBox(6, title, mode, charset, load, size, spacer, remove);
        bar.setAlignment(Pos.CENTER_LEFT);

        content.getStyleClass().add("data-editor");
        content.setPrefRowCount(4);
        content.setWrapText(true);
        content.textProperty().bindBidirectional(section.textProperty());
        content.promptTextProperty().bind(Bindings.when(section.modeProperty().isEqualTo(DataSection.Mode.HEX))
                .then("hex bytes, e.g. 48 65 6c 6c 6f").otherwise("the body text"));
        content.visibleProperty().bind(section.modeProperty().isNotEqualTo(DataSection.Mode.FILE));
        content.managedProperty().bind(content.visibleProperty());
        Label file = new Label();
        file.textProperty().bind(Bindings.concat("bytes of ", section.fileNameProperty()));
        file.visibleProperty().bind(content.visibleProperty().not());
        file.managedProperty().bind(file.visibleProperty());
        section.errorProperty().addListener(new WeakChangeListener<>(errorShown));
        FieldDecorations.show(content, section.error());
        setSpacing(4);
        getChildren().addAll(bar, content, file);
    }
}
