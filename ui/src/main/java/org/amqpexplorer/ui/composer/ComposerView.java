package org.amqpexplorer.ui.composer;

import impl.org.controlsfx.skin.DecorationPane;
import java.io.File;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * The composer's view: templates at the top, the message form beside its typed JSON, problems, Send and the
 * results below. Builds controls and binds them to a {@link ComposerViewModel}; all logic is there. Loads its
 * own stylesheet ({@code composer.css}), which only uses the theme's looked-up colours.
 */
public final class ComposerView extends StackPane {
    /** Below this width the form and the JSON are stacked instead of side by side. */
    static final double NARROW = 900;

    private final ComposerViewModel vm;
    private final MessageForm form;
    private final BorderPane content = new BorderPane();
    private final SplitPane split = new SplitPane();
    private final ScrollPane formScroll = new ScrollPane();
    private final List<ValueTreeView> trees = new ArrayList<>();
    private final Map<ValueNode, Control> fieldEditors = new IdentityHashMap<>();
    private final Map<DataSection, DataSectionEditor> dataEditors = new IdentityHashMap<>();
    private final VBox dataBox = new VBox(8);
    private final VBox sequenceBox = new VBox(8);
    private final TextArea json = new TextArea();
    private final Button send = new Button("Send");

    public ComposerView(ComposerViewModel vm) {
        this.vm = vm;
        this.form = vm.form;
        getStyleClass().add("composer");
        getStylesheets().add(ComposerView.class.getResource("composer.css").toExternalForm());
        content.setTop(templateBar());
        content.setCenter(split);
        content.setBottom(bottom());
        split.getItems().addAll(formPane(), jsonPane());
        split.setDividerPositions(0.6);
        widthProperty().addListener((o, was, now) -> {
            Orientation wanted = now.doubleValue() < NARROW ? Orientation.VERTICAL : Orientation.HORIZONTAL;
            if (split.getOrientation() == wanted) return;
            split.setOrientation(wanted);
            // Stacked, the form gets most of the height; side by side, most of the width.
            split.setDividerPositions(wanted == Orientation.VERTICAL ? 0.7 : 0.6);
        });
        // Field errors are ControlsFX decorations; they need a DecorationPane above them. This one keeps them
        // inside the composer instead of wrapping the host window's scene root.
        DecorationPane decorations = new DecorationPane();
        decorations.setRoot(content);
        getChildren().add(decorations);
    }

    public ComposerViewModel viewModel() {
        return vm;
    }

    // ---- templates

    private ToolBar templateBar() {
        ComboBox<String> names = new ComboBox<>(vm.templateNames());
        names.setPromptText("Templates");
        names.setPrefWidth(200);
        names.setId("template-names");
        names.setTooltip(new Tooltip("Saved templates, in " + vm.templateStore().folder()));
        Button load = button("Load", "Replace the message with the chosen template", () -> {
            if (names.getValue() != null) vm.loadTemplate(names.getValue());
        });
        load.disableProperty().bind(names.valueProperty().isNull());
        Button save = button("Save…", "Save the message (with its placeholders) as a template", () -> {
            String name = ask("Save template", "Template name:", names.getValue() == null ? "" : names.getValue());
            if (name == null) return;
            if (vm.templateStore().exists(name) && !confirm("Replace the template \"" + name + "\"?")) return;
            if (vm.saveTemplate(name)) names.setValue(name);
        });
        Button rename = button("Rename…", "Rename the chosen template", () -> {
            String from = names.getValue();
            String to = ask("Rename template", "New name for \"" + from + "\":", from);
            if (to != null && !to.equals(from) && vm.renameTemplate(from, to)) names.setValue(to);
        });
        rename.disableProperty().bind(names.valueProperty().isNull());
        Button delete = button("Delete", "Delete the chosen template", () -> {
            if (confirm("Delete the template \"" + names.getValue() + "\"?") && vm.deleteTemplate(names.getValue())) names.setValue(null);
        });
        delete.disableProperty().bind(names.valueProperty().isNull());
        Button importFile = button("Import…", "Copy a typed-JSON message file into the templates", () -> {
            File f = jsonChooser("Import a template").showOpenDialog(getScene().getWindow());
            if (f == null) return;
            String name = vm.importTemplate(f.toPath());
            if (name != null) names.setValue(name);
        });
        Button export = button("Export…", "Write the chosen template to a file", () -> {
            FileChooser chooser = jsonChooser("Export a template");
            chooser.setInitialFileName(names.getValue() + ".json");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) vm.exportTemplate(names.getValue(), f.toPath());
        });
        export.disableProperty().bind(names.valueProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label help = new Label("Placeholders (?)");
        help.getStyleClass().add("help-link");
        Tooltip tip = new Tooltip(Placeholders.HELP);
        tip.setShowDuration(javafx.util.Duration.minutes(2));
        tip.setShowDelay(javafx.util.Duration.millis(150));
        tip.getStyleClass().add("help-tooltip");
        help.setTooltip(tip);
        help.setOnMouseClicked(e -> {
            TextArea text = new TextArea(Placeholders.HELP);
            text.setEditable(false);
            text.setPrefRowCount(9);
            text.setPrefColumnCount(76);
            text.getStyleClass().add("json-area");
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(getScene().getWindow());
            a.setTitle("Placeholders");
            a.setHeaderText(null);
            a.getDialogPane().setContent(text);
            a.getDialogPane().getStylesheets().add(ComposerView.class.getResource("composer.css").toExternalForm());
            a.getDialogPane().getStyleClass().add("composer");
            a.show();
        });
        ToolBar bar = new ToolBar(names, load, save, rename, delete, new Separator(), importFile, export, spacer, help);
        bar.getStyleClass().add("composer-toolbar");
        return bar;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private String ask(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(getScene().getWindow());
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        Optional<String> r = d.showAndWait();
        return r.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private boolean confirm(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(getScene().getWindow());
        a.setHeaderText(null);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Typed JSON", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    // ---- the form

    private Node formPane() {
        VBox sections = new VBox(6,
                section("Header", form.headerIncluded, fieldGrid(form.header)),
                section("Delivery annotations", form.deliveryAnnotationsIncluded, tree(form.deliveryAnnotations, false, "delivery-annotations")),
                section("Message annotations", form.messageAnnotationsIncluded, tree(form.messageAnnotations, false, "message-annotations")),
                section("Properties", form.propertiesIncluded, fieldGrid(form.properties)),
                section("Application properties", form.applicationPropertiesIncluded, tree(form.applicationProperties, false, "application-properties")),
                bodySection(),
                section("Footer", form.footerIncluded, tree(form.footer, false, "footer")));
        sections.setPadding(new Insets(6));
        sections.getStyleClass().add("form");
        formScroll.setContent(sections);
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("form-scroll");
        return formScroll;
    }

    /**
     * A section in a titled pane whose title is the checkbox that includes it in the message. Open while
     * included, so a new message shows its body first; ticking it opens it.
     */
    private TitledPane section(String title, BooleanProperty included, Node body) {
        CheckBox include = new CheckBox(title);
        include.selectedProperty().bindBidirectional(included);
        include.setTooltip(new Tooltip("Include the " + title.toLowerCase() + " section in the message (editing it includes it)"));
        include.getStyleClass().add("section-include");
        TitledPane pane = new TitledPane(null, body);
        pane.setGraphic(include);
        pane.setExpanded(included.get());
        pane.setAnimated(false);
        pane.getStyleClass().add("form-section");
        included.addListener((o, was, now) -> {
            if (now) pane.setExpanded(true);
        });
        return pane;
    }

    private ValueTreeView tree(ValueNode root, boolean showRoot, String label) {
        ValueTreeView t = new ValueTreeView(root, showRoot, label, vm::sayError);
        trees.add(t);
        return t;
    }

    private GridPane fieldGrid(Map<String, ValueNode> fields) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.getStyleClass().add("field-grid");
        ColumnConstraints set = new ColumnConstraints();
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints kind = new ColumnConstraints();
        ColumnConstraints editor = new ColumnConstraints();
        editor.setHgrow(Priority.ALWAYS);
        editor.setFillWidth(true);
        grid.getColumnConstraints().setAll(set, name, kind, editor);
        int row = 0;
        for (ValueNode f : fields.values()) {
            CheckBox present = new CheckBox();
            present.selectedProperty().bindBidirectional(f.presentProperty());
            present.setTooltip(new Tooltip("Set: " + f.label() + " is in the message (untick to leave it out)"));
            Label label = new Label(f.label());
            label.setLabelFor(null);
            grid.add(present, 0, row);
            grid.add(label, 1, row);
            Node kind0 = fieldKind(f);
            if (kind0 != null) grid.add(kind0, 2, row);
            Control editor0 = fieldEditor(f);
            fieldEditors.put(f, editor0);
            grid.add(editor0, 3, row);
            row++;
        }
        return grid;
    }

    /** The type choice of a message-id, or the hex/text choice of user-id; null for fields of one fixed type. */
    private Node fieldKind(ValueNode f) {
        if (f.allowedTypes().size() > 1) {
            ChoiceBox<AmqpType> type = new ChoiceBox<>(FXCollections.observableArrayList(f.allowedTypes()));
            type.valueProperty().bindBidirectional(f.typeProperty());
            type.setTooltip(new Tooltip("The id's type (3.2.11-3.2.14)"));
            type.getStyleClass().add("field-type");
            return type;
        }
        if (f.type() == AmqpType.BINARY) {
            ChoiceBox<String> as = new ChoiceBox<>(FXCollections.observableArrayList("text", "hex"));
            as.setValue(f.binaryAsTextProperty().get() ? "text" : "hex");
            as.setTooltip(new Tooltip("Give the bytes as UTF-8 text or as hex"));
            as.setOnAction(e -> {
                boolean asText = "text".equals(as.getValue());
                if (asText != f.binaryAsTextProperty().get() && !f.showBinaryAsText(asText)) {
                    vm.sayError(asText ? "these bytes are not UTF-8 text" : "the text cannot be encoded");
                    as.setValue(f.binaryAsTextProperty().get() ? "text" : "hex");
                }
            });
            f.binaryAsTextProperty().addListener((o, was, now) -> as.setValue(now ? "text" : "hex"));
            return as;
        }
        Label type = new Label(f.type().specName());
        type.getStyleClass().add("muted");
        return type;
    }

    private Control fieldEditor(ValueNode f) {
        Control c;
        if (f.type() == AmqpType.BOOLEAN) {
            ChoiceBox<String> b = new ChoiceBox<>(FXCollections.observableArrayList("true", "false"));
            b.valueProperty().bindBidirectional(f.textProperty());
            b.setPrefWidth(110);
            c = b;
        } else {
            TextField t = new TextField();
            t.textProperty().bindBidirectional(f.textProperty());
            t.setPromptText(f.label().equals("message-id") || f.label().equals("correlation-id") ? "an id, or ${uuid}, ${seq}" : ValueTreeView.prompt(f));
            Tooltip tip = new Tooltip(ValueTreeView.hint(f));
            t.setTooltip(tip);
            f.typeProperty().addListener((o, was, now) -> {
                t.setPromptText(ValueTreeView.prompt(f));
                tip.setText(ValueTreeView.hint(f));
            });
            c = t;
        }
        c.setUserData(f);
        c.getStyleClass().add("field-editor");
        if (!(c instanceof ChoiceBox)) c.setMaxWidth(Double.MAX_VALUE);
        f.errorProperty().addListener((o, was, now) -> FieldDecorations.show(c, now));
        return c;
    }

    private TitledPane bodySection() {
        ToggleGroup kinds = new ToggleGroup();
        HBox choice = new HBox(12);
        choice.setAlignment(Pos.CENTER_LEFT);
        StackPane parts = new StackPane();
        Map<MessageForm.BodyKind, Node> panes = Map.of(
                MessageForm.BodyKind.NONE, new Label("The message has no body."),
                MessageForm.BodyKind.DATA, dataPane(),
                MessageForm.BodyKind.VALUE, tree(form.amqpValue, true, "amqp-value"),
                MessageForm.BodyKind.SEQUENCE, sequencePane());
        for (MessageForm.BodyKind k : MessageForm.BodyKind.values()) {
            RadioButton r = new RadioButton(switch (k) {
                case NONE -> "none";
                case DATA -> "data";
                case VALUE -> "amqp-value";
                case SEQUENCE -> "amqp-sequence";
            });
            r.setId("body-" + k.name().toLowerCase());
            r.setToggleGroup(kinds);
            r.setUserData(k);
            r.setSelected(form.bodyKind.get() == k);
            choice.getChildren().add(r);
        }
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) form.bodyKind.set((MessageForm.BodyKind) now.getUserData());
        });
        Runnable show = () -> {
            parts.getChildren().setAll(panes.get(form.bodyKind.get()));
            kinds.getToggles().stream().filter(t -> t.getUserData() == form.bodyKind.get()).findFirst().ifPresent(t -> t.setSelected(true));
        };
        form.bodyKind.addListener((o, was, now) -> show.run());
        show.run();
        VBox body = new VBox(8, choice, parts);
        TitledPane pane = new TitledPane("Body", body);
        pane.setId("body-section");
        pane.setAnimated(false);
        pane.getStyleClass().add("form-section");
        return pane;
    }

    private Node dataPane() {
        Button add = button("Add data section", "Another data section: the body is all of them in order", () -> form.addDataSection());
        form.data.addListener((ListChangeListener<DataSection>) c -> rebuildData());
        rebuildData();
        return new VBox(8, dataBox, add);
    }

    private void rebuildData() {
        dataEditors.clear();
        List<Node> editors = new ArrayList<>();
        for (int i = 0; i < form.data.size(); i++) {
            DataSection d = form.data.get(i);
            DataSectionEditor e = new DataSectionEditor(vm, d, i, () -> form.data.remove(d));
            dataEditors.put(d, e);
            editors.add(e);
        }
        dataBox.getChildren().setAll(editors);
    }

    private Node sequencePane() {
        Button add = button("Add amqp-sequence section", "Another amqp-sequence section: a list of values", () -> form.addSequence());
        form.sequences.addListener((ListChangeListener<ValueNode>) c -> rebuildSequences());
        rebuildSequences();
        return new VBox(8, sequenceBox, add);
    }

    private void rebuildSequences() {
        trees.removeIf(t -> sequenceBox.getChildren().stream().anyMatch(n -> n instanceof VBox v && v.getChildren().contains(t)));
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < form.sequences.size(); i++) {
            ValueNode s = form.sequences.get(i);
            Label title = new Label("amqp-sequence [" + i + "]");
            title.getStyleClass().add("part-title");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button remove = button("Remove", "Remove this amqp-sequence section", () -> form.sequences.remove(s));
            HBox bar = new HBox(6, title, spacer, remove);
            bar.setAlignment(Pos.CENTER_LEFT);
            parts.add(new VBox(4, bar, tree(s, false, "amqp-sequence")));
        }
        sequenceBox.getChildren().setAll(parts);
    }

    // ---- typed JSON

    private Node jsonPane() {
        Label title = new Label("Typed JSON");
        title.getStyleClass().add("part-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = button("Copy", "Copy the message as typed JSON", () -> {
            String text = vm.jsonToCopy();
            if (text == null) {
                vm.sayError("nothing copied: fix the problems first");
                return;
            }
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button paste = button("Paste", "Replace the message with typed JSON from the clipboard", () -> {
            String text = Clipboard.getSystemClipboard().getString();
            if (text != null) vm.jsonTextProperty().set(text);
        });
        Button tidy = button("Tidy", "Lay the JSON out again, in the canonical form", vm::tidyJson);
        HBox bar = new HBox(6, title, spacer, copy, paste, tidy);
        bar.setAlignment(Pos.CENTER_LEFT);
        json.setId("json-text");
        json.getStyleClass().add("json-area");
        json.textProperty().bindBidirectional(vm.jsonTextProperty());
        json.focusedProperty().addListener((o, was, now) -> {
            if (!now) vm.tidyJson();
        });
        json.setTooltip(new Tooltip("Edit the message here or in the form; each follows the other.\n\n" + Placeholders.HELP));
        VBox.setVgrow(json, Priority.ALWAYS);
        Label error = new Label();
        error.setId("json-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.jsonErrorProperty());
        error.visibleProperty().bind(vm.jsonErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Label behind = new Label("The form has problems: this is the last message without any.");
        behind.getStyleClass().add("muted");
        behind.setWrapText(true);
        behind.visibleProperty().bind(vm.jsonBehindProperty().and(vm.jsonErrorProperty().isNull()));
        behind.managedProperty().bind(behind.visibleProperty());
        vm.jsonErrorProperty().addListener((o, was, now) -> FieldDecorations.show(json, now));
        VBox pane = new VBox(4, bar, json, error, behind);
        pane.setPadding(new Insets(6));
        pane.getStyleClass().add("json-pane");
        return pane;
    }

    // ---- problems, sending, results

    private Node bottom() {
        ListView<Problem> problems = new ListView<>(vm.problems());
        problems.setId("problems");
        problems.getStyleClass().add("problems");
        problems.setPrefHeight(3 * 26 + 4);
        problems.setFixedCellSize(26);
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setTooltip(new Tooltip("Click a problem to go to its field"));
        problems.setOnMouseClicked(e -> {
            Problem p = problems.getSelectionModel().getSelectedItem();
            if (p != null && p.source() != null) reveal(p.source());
        });

        Spinner<Integer> count = new Spinner<>(1, ComposerViewModel.MAX_COUNT, vm.countProperty().get());
        count.setEditable(true);
        count.setPrefWidth(110);
        count.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) vm.countProperty().set(now);
        });
        vm.countProperty().addListener((o, was, now) -> count.getValueFactory().setValue(now.intValue()));
        count.setTooltip(new Tooltip("How many messages to send; placeholders are evaluated for each"));
        Spinner<Double> rate = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1_000_000, vm.ratePerSecondProperty().get(), 10));
        rate.setEditable(true);
        rate.setPrefWidth(110);
        rate.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) vm.ratePerSecondProperty().set(now);
        });
        vm.ratePerSecondProperty().addListener((o, was, now) -> rate.getValueFactory().setValue(now.doubleValue()));
        rate.setTooltip(new Tooltip("At most this many messages per second; 0 = as fast as link credit allows"));
        ChoiceBox<SenderSettleMode> settle = new ChoiceBox<>(FXCollections.observableArrayList(SenderSettleMode.UNSETTLED, SenderSettleMode.SETTLED));
        settle.valueProperty().bindBidirectional(vm.settleModeProperty());
        settle.setConverter(new StringConverter<>() {
            @Override
            public String toString(SenderSettleMode m) {
                return m == SenderSettleMode.SETTLED ? "pre-settled" : m == null ? "" : "unsettled (wait for outcome)";
            }

            @Override
            public SenderSettleMode fromString(String s) {
                return null;
            }
        });
        settle.setTooltip(new Tooltip("Pre-settled: fire and forget, no outcome. Unsettled: the receiver accepts, rejects, releases or modifies each"));
        Label seq = new Label();
        seq.textProperty().bind(vm.nextSequenceProperty().asString("next ${seq}: %d"));
        seq.getStyleClass().add("muted");
        Hyperlink reset = new Hyperlink("reset");
        reset.setOnAction(e -> vm.resetSequence());
        reset.setTooltip(new Tooltip("Start ${seq} at 1 again"));
        send.setId("send");
        send.getStyleClass().add("send-button");
        send.setDefaultButton(false);
        send.disableProperty().bind(vm.senderProperty().isNull().or(vm.messageProperty().isNull()).or(vm.sendingProperty()));
        send.setOnAction(e -> vm.send());
        Tooltip sendTip = new Tooltip();
        sendTip.textProperty().bind(Bindings.when(vm.senderProperty().isNull())
                .then("No sender link: open one to send").otherwise("Send the message"));
        send.setTooltip(sendTip);
        Button stop = button("Stop", "Send no more messages", vm::stopSending);
        stop.visibleProperty().bind(vm.sendingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.currentJobProperty().isNotNull());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(120);
        Label counts = new Label();
        counts.setId("send-counts");
        counts.textProperty().bind(Bindings.createStringBinding(this::countsText, countObservables()));
        counts.visibleProperty().bind(vm.currentJobProperty().isNotNull());

        FlowPane sendBar = new FlowPane(8, 6, labelled("Count", count), labelled("Rate (msg/s)", rate), settle,
                new HBox(2, seq, reset), send, stop, progress, counts);
        sendBar.setAlignment(Pos.CENTER_LEFT);
        sendBar.getStyleClass().add("send-bar");
        ((HBox) sendBar.getChildren().get(3)).setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("composer-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        vm.statusIsErrorProperty().addListener((o, was, now) -> setErrorStyle(status, now));

        TitledPane results = new TitledPane("Results", resultsTable());
        results.setExpanded(false);
        results.setAnimated(false);
        results.getStyleClass().add("results");
        vm.currentJobProperty().addListener((o, was, now) -> {
            if (now != null) results.setExpanded(true);
        });

        VBox bottom = new VBox(4, problems, sendBar, status, results);
        bottom.setPadding(new Insets(6));
        bottom.getStyleClass().add("composer-bottom");
        return bottom;
    }

    private static Node labelled(String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void setErrorStyle(Node n, boolean error) {
        n.getStyleClass().remove("error-text");
        if (error) n.getStyleClass().add("error-text");
    }

    private javafx.beans.Observable[] countObservables() {
        List<javafx.beans.Observable> o = new ArrayList<>();
        for (SentMessage.Status s : SentMessage.Status.values()) o.add(vm.countProperty(s));
        o.add(vm.currentJobProperty());
        o.add(vm.doneCountProperty());
        return o.toArray(javafx.beans.Observable[]::new);
    }

    private String countsText() {
        SendJob job = vm.currentJobProperty().get();
        if (job == null) return "";
        StringBuilder sb = new StringBuilder();
        sb.append(vm.doneCountProperty().get()).append('/').append(job.count()).append(" done");
        for (SentMessage.Status s : SentMessage.Status.values()) {
            int n = vm.countProperty(s).get();
            if (n > 0 && s != SentMessage.Status.COMPOSED) sb.append(" · ").append(n).append(' ').append(s);
        }
        return sb.toString();
    }

    private TableView<SentMessage> resultsTable() {
        TableView<SentMessage> t = new TableView<>(vm.results());
        t.setId("results");
        t.setPrefHeight(130);
        t.setPlaceholder(new Label("Nothing sent yet"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(col("#", 50, r -> Integer.toString(r.index() + 1)));
        t.getColumns().add(col("${seq}", 70, r -> Long.toString(r.seq())));
        t.getColumns().add(col("message-id", 220, SentMessage::messageId));
        t.getColumns().add(col("outcome", 90, r -> r.status().toString()));
        t.getColumns().add(col("detail", 300, SentMessage::detail));
        return t;
    }

    private static TableColumn<SentMessage, String> col(String title, double width, java.util.function.Function<SentMessage, String> f) {
        TableColumn<SentMessage, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    // ---- going to a problem

    /** Shows the field, tree row or data section a problem is about. */
    void reveal(Object source) {
        if (source instanceof DataSection d && dataEditors.containsKey(d)) {
            focus(dataEditors.get(d).content);
            return;
        }
        if (!(source instanceof ValueNode n)) return;
        Control field = fieldEditors.get(n);
        if (field != null) {
            focus(field);
            return;
        }
        for (ValueTreeView t : trees) {
            if (t.getScene() != null && t.select(n)) {
                expandAncestors(t);
                scrollTo(t);
                t.table().requestFocus();
                return;
            }
        }
    }

    private void focus(Control c) {
        expandAncestors(c);
        scrollTo(c);
        c.requestFocus();
    }

    private static void expandAncestors(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p instanceof TitledPane tp) tp.setExpanded(true);
    }

    /** Scrolls the form so that {@code n} is in view. */
    void scrollTo(Node n) {
        Node page = formScroll.getContent();
        layout();
        Bounds b = page.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double room = page.getBoundsInLocal().getHeight() - formScroll.getViewportBounds().getHeight();
        if (b == null || room <= 0) return;
        formScroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
    }
}
