package org.amqpexplorer.ui.composer;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The message viewer's view: the typed tree of every section above the raw bytes; selecting a section selects
 * its bytes. Builds controls and binds them to a {@link MessageViewerViewModel}; loads {@code composer.css}.
 */
public final class MessageViewerView extends BorderPane {
    private final MessageViewerViewModel vm;
    private final ValueTreeView tree = ValueTreeView.readOnly();
    private final TextArea hex = new TextArea();

    public MessageViewerView(MessageViewerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("message-viewer");
        getStylesheets().add(MessageViewerView.class.getResource("composer.css").toExternalForm());

        Label caption = new Label();
        caption.textProperty().bind(vm.captionProperty());
        caption.getStyleClass().add("part-title");
        caption.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button edit = new Button("Edit as new");
        edit.setId("edit-as-new");
        edit.setTooltip(new Tooltip("Open this message in a composer, to change and send it"));
        edit.setOnAction(e -> vm.editAsNew());
        edit.disableProperty().bind(vm.messageProperty().isNull());
        Button copy = new Button("Copy as typed JSON");
        copy.setTooltip(new Tooltip("Copy the message as typed JSON"));
        copy.setOnAction(e -> {
            String json = vm.json();
            if (json == null) return;
            ClipboardContent c = new ClipboardContent();
            c.putString(json);
            Clipboard.getSystemClipboard().setContent(c);
        });
        copy.disableProperty().bind(vm.messageProperty().isNull());
        Button save = new Button("Save…");
        save.setTooltip(new Tooltip("Save as typed JSON (.json) or as the raw encoded sections (.bin)"));
        save.setOnAction(e -> save());
        ToolBar bar = new ToolBar(caption, spacer, edit, copy, save);
        bar.getStyleClass().add("viewer-toolbar");

        hex.setEditable(false);
        hex.setId("hex");
        hex.getStyleClass().add("hex-area");
        hex.textProperty().bind(vm.hexProperty());
        hex.setPrefRowCount(8);
        Label hexTitle = new Label("Raw bytes");
        hexTitle.getStyleClass().add("muted");
        VBox hexPane = new VBox(2, hexTitle, hex);
        VBox.setVgrow(hex, Priority.ALWAYS);
        hexPane.setPadding(new Insets(4, 0, 0, 0));

        tree.setRoot(vm.treeProperty().get());
        vm.treeProperty().addListener((o, was, now) -> tree.setRoot(now));
        tree.table().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selectBytes(now));

        SplitPane split = new SplitPane(tree, hexPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);

        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        vm.statusIsErrorProperty().addListener((o, was, now) -> {
            status.getStyleClass().remove("error-text");
            if (now) status.getStyleClass().add("error-text");
        });
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());

        setTop(bar);
        setCenter(split);
        setBottom(status);
        BorderPane.setMargin(split, new Insets(0, 6, 6, 6));
        BorderPane.setMargin(status, new Insets(0, 6, 6, 6));
    }

    public MessageViewerViewModel viewModel() {
        return vm;
    }

    ValueTreeView tree() {
        return tree;
    }

    /** Selects a section's bytes in the hex dump (the section a row belongs to). */
    private void selectBytes(TreeItem<ValueNode> row) {
        for (TreeItem<ValueNode> r = row; r != null; r = r.getParent()) {
            int[] range = vm.hexRange(r.getValue());
            if (range != null) {
                hex.selectRange(range[0], range[1]);
                return;
            }
        }
        hex.deselect();
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the message");
        FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter("Typed JSON", "*.json");
        FileChooser.ExtensionFilter raw = new FileChooser.ExtensionFilter("Raw AMQP sections", "*.bin");
        chooser.getExtensionFilters().addAll(json, raw);
        chooser.setInitialFileName("message.json");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        boolean asRaw = chooser.getSelectedExtensionFilter() == raw || f.getName().endsWith(".bin");
        if (asRaw) vm.saveRaw(f.toPath());
        else vm.saveJson(f.toPath());
    }
}
