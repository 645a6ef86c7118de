package org.amqpexplorer.ui.trace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The frame trace: a filter bar, the table of frames (virtualized: only the visible rows are cells), and under it
 * the selected frame's field tree beside its hex dump, where the selected field's bytes are highlighted.
 * Builds the controls and binds them to a {@link TraceViewModel}; holds no state of its own.
 */
public final class TraceView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final PseudoClass SENT = PseudoClass.getPseudoClass("sent");
    private static final PseudoClass RECEIVED = PseudoClass.getPseudoClass("received");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final TraceViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField text = new TextField();
    private final TableView<TraceRow> table = new TableView<>();
    private final TreeTableView<FieldNode> tree = new TreeTableView<>();
    private final HexDumpView hex = new HexDumpView();

    public TraceView(TraceViewModel model) {
        this.model = model;
        root.getStyleClass().add("trace");
        root.setTop(filterBar());
        buildTable();
        buildTree();
        bindHex();
        SplitPane detail = new SplitPane(tree, hex);
        detail.getStyleClass().add("frame-detail");
        detail.setDividerPositions(0.64);
        // side by side needs room for the tree's columns and a hex line; narrower, the hex goes under the tree
        detail.widthProperty().addListener((o, was, now) -> {
            Orientation fit = now.doubleValue() < 820 ? Orientation.VERTICAL : Orientation.HORIZONTAL;
            if (detail.getOrientation() != fit) {
                detail.setOrientation(fit);
                detail.setDividerPositions(fit == Orientation.VERTICAL ? 0.6 : 0.64);
            }
        });
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    /** Puts the cursor in the text filter (Ctrl+F). */
    public void focusFilter() {
        text.requestFocus();
        text.selectAll();
    }

    // ---- filters

    private Node filterBar() {
        ComboBox<String> connection = new ComboBox<>();
        connection.getStyleClass().add("trace-filter-connection");
        connection.setPromptText("All connections");
        connection.setItems(withAll(model.connections()));
        allAsNull(connection, "All connections");
        connection.valueProperty().bindBidirectional(model.connectionFilterProperty());
        connection.setTooltip(new Tooltip("Show only this connection's frames"));

        TextField channel = numberField("trace-filter-channel", 5, "any",
                "Show only frames on this channel: one session of the connection (headers and SASL frames have none)");
        bindNumber(channel, model.channelFilterProperty(), Integer::valueOf);
        TextField handle = numberField("trace-filter-handle", 10, "any",
                "Show only frames with this link handle: attach, flow, transfer and detach carry one");
        bindNumber(handle, model.handleFilterProperty(), Long::valueOf);

        ComboBox<String> performative = new ComboBox<>(withAll(FXCollections.observableList(TraceViewModel.PERFORMATIVES)));
        performative.getStyleClass().add("trace-filter-performative");
        performative.setPromptText("All performatives");
        allAsNull(performative, "All performatives");
        performative.valueProperty().bindBidirectional(model.performativeFilterProperty());
        performative.setTooltip(new Tooltip("Show only frames of this kind"));

        text.getStyleClass().add("trace-filter-text");
        text.setPromptText("Search summaries (Ctrl+F)");
        text.setPrefColumnCount(18);
        text.textProperty().bindBidirectional(model.textFilterProperty());
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) text.clear();
            else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) table.requestFocus();
        });

        Button clear = new Button("Clear filters");
        clear.setOnAction(e -> model.clearFilters());

        Label count = new Label();
        count.getStyleClass().add("trace-count");
        count.textProperty().bind(model.countTextProperty());

        FlowPane bar = new FlowPane(10, 6,
                connection, labelled("Channel", channel), labelled("Handle", handle), performative, text, clear, count);
        if (model.isLive()) {
            CheckBox follow = new CheckBox("Follow newest");
            follow.getStyleClass().add("trace-follow");
            follow.setTooltip(new Tooltip("Keep the newest frame in view (End turns it back on)"));
            follow.selectedProperty().bindBidirectional(model.followProperty());
            bar.getChildren().add(follow);
        }
        bar.getStyleClass().add("trace-filter-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Node labelled(String name, Control control) {
        Label l = new Label(name);
        l.setLabelFor(control);
        HBox box = new HBox(4, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * A list that starts with null (meaning "all") and follows {@code items} change by change, so an item that
     * stays is never removed and put back (which would clear a combo box's choice).
     */
    private static ObservableList<String> withAll(ObservableList<String> items) {
        ObservableList<String> all = FXCollections.observableArrayList();
        all.add(null);
        all.addAll(items);
        items.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) all.remove(c.getFrom() + 1, c.getFrom() + 1 + c.getRemovedSize());
                if (c.wasAdded()) all.addAll(c.getFrom() + 1, c.getAddedSubList());
            }
        });
        return all;
    }

    private static void allAsNull(ComboBox<String> box, String allText) {
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? allText : item);
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }

    private static TextField numberField(String styleClass, int digits, String prompt, String tip) {
        TextField f = new TextField();
        f.getStyleClass().addAll(styleClass, "number-filter");
        f.setPrefColumnCount(Math.min(digits, 6));
        f.setPromptText(prompt);
        f.setTooltip(new Tooltip(tip));
        // digits only, and no more than the type holds, so every text is a number or empty
        f.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0," + digits + "}") ? c : null));
        f.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) f.clear();
        });
        return f;
    }

    /** Keeps a number field and a filter property in step; empty text is no filter. */
    private static <N extends Number> void bindNumber(TextField f, ObjectProperty<N> filter, Function<String, N> parse) {
        f.textProperty().addListener((o, was, now) -> {
            N value = now.isEmpty() ? null : parse.apply(now);
            if (!Objects.equals(value, filter.get())) filter.set(value);
        });
        filter.addListener((o, was, now) -> {
            String t = now == null ? "" : now.toString();
            if (!t.equals(f.getText())) f.setText(t);
        });
    }

    // ---- the table

    private void buildTable() {
        table.getStyleClass().add("frame-table");
        table.setItems(model.shownRows());
        table.getColumns().setAll(List.of(
                column("#", 64, r -> r.number(), "number-cell"),
                column("Time", 96, r -> TIME.format(Instant.ofEpochMilli(r.frame().time())), null),
                column("Connection", 130, r -> r.frame().connection(), null),
                directionColumn(),
                column("Ch", 48, r -> r.channel() == null ? "" : r.channel().toString(), "number-cell"),
                column("Performative", 110, r -> r.frame().performative(), "performative-cell"),
                column("Size", 70, r -> r.frame().frameSize(), "number-cell"),
                summaryColumn()));
        fill(table.widthProperty(), table.getColumns(), table.getColumns().get(table.getColumns().size() - 1), 320);
        table.setTableMenuButtonVisible(true);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TraceRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(ERROR, !empty && row != null && row.hasError());
            }
        });
        Label placeholder = new Label();
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> !model.rows().isEmpty()
                ? "No frame matches the filters. \"Clear filters\" shows every frame again."
                : model.isLive()
                ? "No frames yet. Frames appear here as connections send and receive them.\nFile → Import trace… opens a saved trace."
                : "This trace holds no frames.", model.rows()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        // a selection made elsewhere (another view pointing at a frame) shows in the table
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.followProperty().set(false));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.END) model.followProperty().set(true);
        });
        model.shownRows().addListener((ListChangeListener<TraceRow>) c -> {
            if (model.followProperty().get() && !model.shownRows().isEmpty()) table.scrollTo(model.shownRows().size() - 1);
        });
        model.followProperty().addListener((o, was, now) -> {
            if (now && !model.shownRows().isEmpty()) table.scrollTo(model.shownRows().size() - 1);
        });
    }

    /**
     * Lets one column take the width the others leave, but never less than {@code min}: a narrow window scrolls
     * sideways instead of squeezing every column to "…". The user may still resize any column.
     */
    private static void fill(ReadOnlyDoubleProperty width, List<? extends TableColumnBase<?, ?>> columns,
                             TableColumnBase<?, ?> filler, double min) {
        filler.setMinWidth(min);
        InvalidationListener refit = o -> {
            double others = 0;
            for (TableColumnBase<?, ?> c : columns) if (c != filler && c.isVisible()) others += c.getWidth();
            // leave room for the vertical scroll bar, so the fill never makes a horizontal one appear
            filler.setPrefWidth(Math.max(min, width.get() - others - 18));
        };
        width.addListener(refit);
        for (TableColumnBase<?, ?> c : columns) {
            if (c != filler) {
                c.widthProperty().addListener(refit);
                c.visibleProperty().addListener(refit);
            }
        }
    }

    private static <V> TableColumn<TraceRow, V> column(String name, double width, Function<TraceRow, V> value, String cellClass) {
        TableColumn<TraceRow, V> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.round(width * 0.6));
        c.setSortable(false);
        c.setReorderable(false);
        if (cellClass != null) c.getStyleClass().add(cellClass);
        return c;
    }

    private TableColumn<TraceRow, Direction> directionColumn() {
        TableColumn<TraceRow, Direction> c = column("Direction", 90, r -> r.frame().direction(), null);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Direction d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.toString());
                pseudoClassStateChanged(SENT, !empty && d == Direction.SENT);
                pseudoClassStateChanged(RECEIVED, !empty && d == Direction.RECEIVED);
            }
        });
        c.getStyleClass().add("direction-cell");
        return c;
    }

    private TableColumn<TraceRow, String> summaryColumn() {
        TableColumn<TraceRow, String> c = column("Summary", 500, TraceRow::summary, "summary-cell");
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(700);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                if (!empty && s != null) tip.setText(s);
                setTooltip(empty ? null : tip);
            }
        });
        return c;
    }

    // ---- the detail

    private void buildTree() {
        tree.getStyleClass().add("field-tree");
        tree.setShowRoot(false);
        TreeTableColumn<FieldNode, String> bytes = treeColumn("Bytes", 64, n -> n.range() == null ? ""
                : n.range().length() == 1 ? Integer.toString(n.range().offset())
                : n.range().offset() + "–" + (n.range().end() - 1));
        TreeTableColumn<FieldNode, String> value = treeColumn("Value", 220, FieldNode::value);
        value.getStyleClass().add("value-cell");
        // the value second, so a narrow pane shows name and value and scrolls to the rest
        tree.getColumns().setAll(List.of(treeColumn("Field", 170, FieldNode::name), value,
                treeColumn("Type", 170, FieldNode::type), treeColumn("Encoding", 84, FieldNode::encoding), bytes));
        fill(tree.widthProperty(), tree.getColumns(), value, 160);
        Label placeholder = new Label("Select a frame to see its fields.");
        placeholder.getStyleClass().add("empty-state");
        tree.setPlaceholder(placeholder);
        model.detailProperty().addListener((o, was, now) -> {
            TreeItem<FieldNode> top = new TreeItem<>();
            if (now != null) for (FieldNode n : now.fields()) top.getChildren().add(item(n, 0));
            tree.setRoot(top);
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.selectedFieldProperty().set(now == null ? null : now.getValue()));
    }

    /** Opens the body and what it holds two levels down; the frame header and long lists start closed. */
    private static TreeItem<FieldNode> item(FieldNode n, int depth) {
        TreeItem<FieldNode> item = new TreeItem<>(n);
        for (FieldNode child : n.children()) item.getChildren().add(item(child, depth + 1));
        item.setExpanded(depth < 2 && !n.name().equals("frame header") && n.children().size() <= 50);
        return item;
    }

    private static TreeTableColumn<FieldNode, String> treeColumn(String name, double width, Function<FieldNode, String> value) {
        TreeTableColumn<FieldNode, String> c = new TreeTableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue() == null ? "" : value.apply(f.getValue().getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.round(width * 0.6));
        c.setSortable(false);
        return c;
    }

    private void bindHex() {
        hex.getStyleClass().add("frame-hex");
        hex.bytesProperty().bind(Bindings.createObjectBinding(() ->
                model.detailProperty().get() == null ? null : model.detailProperty().get().bytes(), model.detailProperty()));
        hex.highlightProperty().bind(model.highlightProperty());
        hex.placeholderTextProperty().bind(Bindings.createStringBinding(() -> model.detailProperty().get() == null
                ? "Select a frame to see its bytes."
                : "The raw bytes of this frame were not recorded, so there is no hex to show.", model.detailProperty()));
        hex.setMinWidth(120);
    }
}
