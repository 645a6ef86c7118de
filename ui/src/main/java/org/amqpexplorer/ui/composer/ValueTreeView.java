package org.amqpexplorer.ui.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.amqpexplorer.protocol.codec.AmqpType;

/**
 * A typed value tree in a table: name, AMQP type and value per row. Editable, for the composer: each row's
 * type is picked from the types allowed there, primitives are edited as text (checked as typed, with the
 * reason shown at the field), and list, map and array items are added, moved and removed. Read-only, for the
 * viewer: the same rows as labels.
 */
final class ValueTreeView extends VBox {
    static final double ROW = 30;
    private static final int MAX_SHOWN_CHARS = 500;

    private final boolean editable;
    private final String rootLabel;
    private final Consumer<String> onRefused;
    private final TreeTableView<ValueNode> table = new TreeTableView<>();
    private final Label selectedError = new Label();
    private final Button add = new Button("Add");
    private final Button up = new Button("↑");
    private final Button down = new Button("↓");
    private final Button remove = new Button("Remove");

    /** An editable tree of {@code root}; {@code showRoot} false for sections that are a map or list by nature. */
    ValueTreeView(ValueNode root, boolean showRoot, String rootLabel, Consumer<String> onRefused) {
        this(true, rootLabel, onRefused);
        table.setShowRoot(showRoot);
        setRoot(root);
    }

    /** A read-only tree; give it a root with {@link #setRoot}. */
    static ValueTreeView readOnly() {
        ValueTreeView v = new ValueTreeView(false, "", s -> { });
        v.table.setShowRoot(false);
        return v;
    }

    private ValueTreeView(boolean editable, String rootLabel, Consumer<String> onRefused) {
        this.editable = editable;
        this.rootLabel = rootLabel;
        this.onRefused = onRefused;
        getStyleClass().add("value-tree");
        table.setFixedCellSize(ROW);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<ValueNode, ValueNode> name = column("Name", 250, NameCell::new);
        TreeTableColumn<ValueNode, ValueNode> type = column("Type", 125, TypeCell::new);
        TreeTableColumn<ValueNode, ValueNode> value = column("Value", 260, ValueCell::new);
        table.getColumns().setAll(List.of(name, type, value));
        table.setPlaceholder(new Label(editable ? "Empty — press Add" : "Nothing to show"));
        VBox.setVgrow(table, Priority.ALWAYS);
        if (editable) {
            // Grow with the rows, within limits, so a form of several trees scrolls as one page.
            table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(3, Math.min(14, table.getExpandedItemCount() + 1)) * ROW + 6, table.expandedItemCountProperty()));
            table.setMinHeight(3 * ROW + 6);
            getChildren().addAll(toolbar(), table, selectedError);
            selectedError.getStyleClass().add("error-text");
            selectedError.setWrapText(true);
            selectedError.managedProperty().bind(selectedError.visibleProperty());
            selectedError.setVisible(false);
            table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selectionChanged());
            table.expandedItemCountProperty().addListener(commandsFollow);
            table.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
            table.setContextMenu(contextMenu());
        } else {
            getChildren().add(table);
        }
    }

    TreeTableView<ValueNode> table() {
        return table;
    }

    void setRoot(ValueNode root) {
        if (table.getRoot() != null) table.getRoot().getValue().typeProperty().removeListener(commandsFollow);
        table.setRoot(root == null ? null : new NodeTreeItem(root, true));
        if (root != null) root.typeProperty().addListener(commandsFollow);
        selectionChanged();
    }

    // What Add, Up, Down and Remove can do depends on the selected row's type and place, and the root's type.
    private final javafx.beans.InvalidationListener commandsFollow = o -> updateCommands();
    private ValueNode watchedForCommands;

    private TreeTableColumn<ValueNode, ValueNode> column(String title, double width,
            java.util.function.Supplier<TreeTableCell<ValueNode, ValueNode>> cells) {
        TreeTableColumn<ValueNode, ValueNode> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(f -> f.getValue().valueProperty());
        c.setCellFactory(col -> cells.get());
        return c;
    }

    // ---- commands

    private ToolBar toolbar() {
        add.setTooltip(new Tooltip("Add an element or entry (Insert): into the selected list, map or array, or after the selected item"));
        up.setTooltip(new Tooltip("Move the selected item up (Alt+Up)"));
        down.setTooltip(new Tooltip("Move the selected item down (Alt+Down)"));
        remove.setTooltip(new Tooltip("Remove the selected item (Delete)"));
        add.setOnAction(e -> add());
        up.setOnAction(e -> move(-1));
        down.setOnAction(e -> move(1));
        remove.setOnAction(e -> remove());
        ToolBar bar = new ToolBar(add, up, down, remove);
        bar.getStyleClass().add("tree-toolbar");
        return bar;
    }

    private ContextMenu contextMenu() {
        MenuItem addItem = new MenuItem("Add");
        addItem.setOnAction(e -> add());
        MenuItem upItem = new MenuItem("Move up");
        upItem.setOnAction(e -> move(-1));
        MenuItem downItem = new MenuItem("Move down");
        downItem.setOnAction(e -> move(1));
        MenuItem removeItem = new MenuItem("Remove");
        removeItem.setOnAction(e -> remove());
        MenuItem binary = new MenuItem();
        binary.setOnAction(e -> {
            ValueNode n = valueOf(selected());
            if (n != null && !n.showBinaryAsText(!n.binaryAsTextProperty().get())) {
                onRefused.accept(n.binaryAsTextProperty().get() ? "fix the text first" : "these bytes are not UTF-8 text, or the hex is invalid");
            }
        });
        ContextMenu menu = new ContextMenu(addItem, upItem, downItem, removeItem, binary);
        menu.setOnShowing(e -> {
            addItem.setDisable(add.isDisabled());
            upItem.setDisable(up.isDisabled());
            downItem.setDisable(down.isDisabled());
            removeItem.setDisable(remove.isDisabled());
            ValueNode n = valueOf(selected());
            binary.setVisible(n != null && n.type() == AmqpType.BINARY);
            binary.setText(n != null && n.binaryAsTextProperty().get() ? "Edit bytes as hex" : "Edit bytes as UTF-8 text");
        });
        return menu;
    }

    private void keys(KeyEvent e) {
        // Only when the table itself has the focus: in a row's text field or combo box the keys are the control's.
        if (e.getTarget() != table) return;
        if (e.getCode() == KeyCode.INSERT) add();
        else if (e.getCode() == KeyCode.DELETE) remove();
        else if (e.isAltDown() && e.getCode() == KeyCode.UP) move(-1);
        else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) move(1);
        else return;
        e.consume();
    }

    private ValueNode selected() {
        TreeItem<ValueNode> item = table.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** The value a row stands for: an entry row's value, else the row's own node. */
    private static ValueNode valueOf(ValueNode row) {
        if (row == null) return null;
        return row.role() == ValueNode.Role.ENTRY ? row.value() : row;
    }

    private static boolean holdsItems(ValueNode n) {
        AmqpType t = n.type();
        return t == AmqpType.LIST || t == AmqpType.MAP || t == AmqpType.ARRAY;
    }

    private static boolean isItem(ValueNode n) {
        return n.role() == ValueNode.Role.ELEMENT || n.role() == ValueNode.Role.ENTRY;
    }

    /** Where Add puts a new item: {container, index}, or null. */
    private Object[] addTarget() {
        ValueNode sel = selected();
        ValueNode root = table.getRoot() == null ? null : table.getRoot().getValue();
        if (sel == null) return root != null && holdsItems(root) ? new Object[] {root, root.items().size()} : null;
        ValueNode v = valueOf(sel);
        if (holdsItems(v)) return new Object[] {v, v.items().size()};
        if (isItem(sel)) return new Object[] {sel.parent(), sel.itemIndex() + 1};
        return null;
    }

    void add() {
        Object[] target = addTarget();
        if (target == null) return;
        ValueNode container = (ValueNode) target[0];
        int index = (int) target[1];
        List<ValueNode> items = container.items();
        AmqpType type = AmqpType.STRING;
        if (!items.isEmpty()) {
            ValueNode before = items.get(Math.max(0, Math.min(index, items.size()) - 1));
            type = valueOf(before).type();
        }
        if (!container.itemTypes().contains(type)) type = AmqpType.STRING;
        select(container.addItem(index, type));
    }

    void move(int by) {
        ValueNode sel = selected();
        if (sel != null && sel.move(by)) select(sel);
    }

    void remove() {
        ValueNode sel = selected();
        if (sel == null || !isItem(sel)) return;
        ValueNode parent = sel.parent();
        int at = sel.itemIndex();
        sel.remove();
        List<ValueNode> items = parent.items();
        if (!items.isEmpty()) select(items.get(Math.min(at, items.size() - 1)));
        else table.getSelectionModel().clearSelection();
    }

    /** Selects and shows the row of {@code node}; false if it is not in this tree. */
    boolean select(ValueNode node) {
        if (table.getRoot() == null) return false;
        TreeItem<ValueNode> row = ((NodeTreeItem) table.getRoot()).find(node);
        if (row == null) return false;
        for (TreeItem<ValueNode> p = row.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
        table.getSelectionModel().select(row);
        int i = table.getRow(row);
        if (i >= 0) table.scrollTo(Math.max(0, i - 2));
        return true;
    }

    private void selectionChanged() {
        if (watchedForCommands != null) watchedForCommands.typeProperty().removeListener(commandsFollow);
        watchedForCommands = valueOf(selected());
        if (watchedForCommands != null) watchedForCommands.typeProperty().addListener(commandsFollow);
        updateCommands();
        showSelectedError();
    }

    private void updateCommands() {
        ValueNode sel = selected();
        add.setDisable(addTarget() == null);
        boolean item = sel != null && isItem(sel);
        remove.setDisable(!item);
        up.setDisable(!item || sel.itemIndex() == 0);
        down.setDisable(!item || sel.itemIndex() == sel.parent().items().size() - 1);
    }

    private final ChangeListener<String> errorShown = (o, was, now) -> showSelectedError();
    private final List<ObservableValue<String>> watchedErrors = new ArrayList<>();

    /** Under the table, the reason for the selected row's error in full (the mark at the field has it as a tooltip). */
    private void showSelectedError() {
        watchedErrors.forEach(e -> e.removeListener(errorShown));
        watchedErrors.clear();
        ValueNode sel = selected();
        if (sel == null || !editable) {
            selectedError.setVisible(false);
            return;
        }
        List<ValueNode> parts = sel.role() == ValueNode.Role.ENTRY ? List.of(sel, sel.key(), sel.value()) : List.of(sel);
        String text = null;
        for (ValueNode p : parts) {
            p.errorProperty().addListener(errorShown);
            watchedErrors.add(p.errorProperty());
            if (p.error() != null && text == null) text = p.path() + ": " + p.error();
        }
        selectedError.setText(text);
        selectedError.setVisible(text != null);
    }

    // ---- cells

    /** A cell whose graphic is a control bound to the row's node; bindings are undone when the row changes. */
    private abstract static class BoundCell extends TreeTableCell<ValueNode, ValueNode> {
        private final List<Runnable> unbind = new ArrayList<>();

        BoundCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ValueNode node, boolean empty) {
            super.updateItem(node, empty);
            unbind.forEach(Runnable::run);
            unbind.clear();
            setText(null);
            setGraphic(empty || node == null ? null : show(node));
        }

        abstract Node show(ValueNode node);

        /** Keeps {@code c} in step with {@code p} both ways while this row is shown. */
        void bindText(TextField c, javafx.beans.property.StringProperty p) {
            c.textProperty().bindBidirectional(p);
            unbind.add(() -> c.textProperty().unbindBidirectional(p));
        }

        <T> void whileShown(ObservableValue<T> v, ChangeListener<? super T> l) {
            v.addListener(l);
            unbind.add(() -> v.removeListener(l));
        }

        /** Runs {@code r} when the row changes. */
        void onUnbind(Runnable r) {
            unbind.add(r);
        }

        /** Shows the node's error at the control, following it while this row is shown. */
        void decorate(Control c, ValueNode... nodes) {
            Runnable update = () -> {
                String e = null;
                for (ValueNode n : nodes) if (e == null && n.error() != null) e = n.error();
                FieldDecorations.show(c, e);
            };
            for (ValueNode n : nodes) whileShown(n.errorProperty(), (o, was, now) -> update.run());
            update.run();
            unbind.add(() -> FieldDecorations.show(c, null));
        }

        /** Selecting a row's control selects the row, so the toolbar acts on it. */
        void selectsRow(Control c) {
            if (c.getProperties().containsKey("selects-row")) return;
            c.getProperties().put("selects-row", true);
            c.focusedProperty().addListener((o, was, now) -> {
                if (now && getTableRow() != null && getIndex() >= 0 && getTreeTableView().getSelectionModel().getSelectedIndex() != getIndex()) {
                    getTreeTableView().getSelectionModel().select(getIndex());
                }
            });
        }
    }

    private final class NameCell extends BoundCell {
        private final Label label = new Label();
        private final ComboBox<AmqpType> keyType = typeBox();
        private final TextField keyText = new TextField();
        private final HBox key = new HBox(4, keyType, keyText);
        private final Label keyTypeLabel = new Label();
        private final HBox keyLabel = new HBox(6, keyTypeLabel);

        NameCell() {
            keyType.getStyleClass().add("key-type-editor");
            keyType.setMinWidth(104);
            keyType.setPrefWidth(104);
            keyText.getStyleClass().add("key-editor");
            keyText.setPromptText("key");
            HBox.setHgrow(keyText, Priority.ALWAYS);
            key.setAlignment(Pos.CENTER_LEFT);
            keyTypeLabel.getStyleClass().add("muted");
            keyLabel.setAlignment(Pos.CENTER_LEFT);
            keyLabel.setMaxHeight(Region.USE_PREF_SIZE);
            selectsRow(keyText);
            selectsRow(keyType);
        }

        @Override
        Node show(ValueNode node) {
            if (node.role() == ValueNode.Role.ENTRY) {
                ValueNode k = node.key();
                if (!editable) {
                    keyTypeLabel.setText(k.type().specName());
                    if (!keyLabel.getChildren().contains(label)) keyLabel.getChildren().add(label);
                    label.setText(k.isCompound() ? "(below)" : shorten(k.text()));
                    label.setTooltip(new Tooltip(k.type() + " key"));
                    return keyLabel;
                }
                keyText.setUserData(k);
                keyType.setUserData(k);
                showType(keyType, k, this);
                keyText.setVisible(!k.isCompound());
                keyText.setManaged(!k.isCompound());
                bindText(keyText, k.textProperty());
                decorate(keyText, node, k);
                decorate(keyType, k.isCompound() ? new ValueNode[] {node} : new ValueNode[0]);
                whileShown(k.typeProperty(), (o, was, now) -> {
                    keyText.setVisible(!k.isCompound());
                    keyText.setManaged(!k.isCompound());
                });
                return key;
            }
            label.setTooltip(null);
            label.setText(name(node));
            if (keyLabel.getChildren().contains(label)) keyLabel.getChildren().remove(label);
            return label;
        }
    }

    private String name(ValueNode n) {
        if (n.label() != null) return n.label();
        return switch (n.role()) {
            case VALUE -> rootLabel;
            case ELEMENT -> "[" + n.itemIndex() + "]";
            case KEY -> "key";
            case ENTRY_VALUE, DESCRIBED -> "value";
            case DESCRIPTOR -> "descriptor";
            default -> "";
        };
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS) + "… (" + s.length() + " characters)";
    }

    private static ComboBox<AmqpType> typeBox() {
        ComboBox<AmqpType> box = new ComboBox<>();
        box.setVisibleRowCount(AmqpType.values().length);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(AmqpType t) {
                return t == null ? "" : t.specName();
            }

            @Override
            public AmqpType fromString(String s) {
                return AmqpType.ofSpecName(s);
            }
        });
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AmqpType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.specName());
            }
        });
        box.getStyleClass().add("type-box");
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** Shows and edits {@code node}'s type in {@code box}; picking a type retypes the node (its text kept). */
    private void showType(ComboBox<AmqpType> box, ValueNode node, BoundCell cell) {
        Set<AmqpType> allowed = node.allowedTypes();
        List<AmqpType> items = new ArrayList<>(allowed);
        if (!allowed.contains(node.type())) items.add(node.type());
        box.setOnAction(null);
        box.setItems(FXCollections.observableArrayList(items));
        box.setValue(node.type());
        box.setDisable(items.size() < 2 || (node.role() == ValueNode.Role.ELEMENT && node.parent().type() == AmqpType.ARRAY));
        box.setOnAction(e -> {
            AmqpType t = box.getValue();
            if (t == null || t == node.type()) return;
            node.typeProperty().set(t);
            // A new type starts from a valid value only if there was no text; a text is never converted.
            if (node.role() != ValueNode.Role.FIELD && node.text().isEmpty() && !node.isCompound()) {
                node.textProperty().set(ValueText.defaultText(t));
            }
        });
        cell.whileShown(node.typeProperty(), (o, was, now) -> box.setValue(now));
    }

    private final class TypeCell extends BoundCell {
        private final ComboBox<AmqpType> box = typeBox();
        private final Label label = new Label();

        TypeCell() {
            box.getStyleClass().add("type-editor");
            selectsRow(box);
        }

        @Override
        Node show(ValueNode row) {
            ValueNode node = valueOf(row);
            if (node.type() == null) return null;
            if (!editable) {
                label.setText(node.type() == AmqpType.ARRAY ? "array of " + node.elementTypeProperty().get() : node.type().specName());
                return label;
            }
            box.setUserData(node);
            showType(box, node, this);
            decorate(box, node.isCompound() && !node.allowedTypes().contains(node.type()) ? new ValueNode[] {node} : new ValueNode[0]);
            return box;
        }
    }

    private final class ValueCell extends BoundCell {
        private final TextField text = new TextField();
        private final ComboBox<String> bool = new ComboBox<>(FXCollections.observableArrayList("true", "false"));
        private final Label label = new Label();
        private final ComboBox<AmqpType> elementType = typeBox();
        private final CheckBox describedArray = new CheckBox("described");
        private final Label count = new Label();
        private final HBox array = new HBox(6, new Label("of"), elementType, describedArray);

        ValueCell() {
            text.getStyleClass().add("value-editor");
            bool.getStyleClass().add("value-editor");
            bool.setPrefWidth(100);
            elementType.getStyleClass().add("element-type-editor");
            elementType.setPrefWidth(104);
            elementType.setMinWidth(104);
            array.setAlignment(Pos.CENTER_LEFT);
            describedArray.setTooltip(new Tooltip("An array of described values: one descriptor (the first row) shared by every element"));
            elementType.setTooltip(new Tooltip("The type of every element"));
            selectsRow(text);
            selectsRow(bool);
            selectsRow(elementType);
        }

        @Override
        Node show(ValueNode row) {
            ValueNode node = valueOf(row);
            if (node.type() == null) {
                label.setText(shorten(node.text()));
                return label;
            }
            if (!editable) return readOnly(node);
            return switch (node.type()) {
                case NULL -> labelled("null", node);
                case BOOLEAN -> {
                    bool.setUserData(node);
                    bool.valueProperty().bindBidirectional(node.textProperty());
                    onUnbind(() -> bool.valueProperty().unbindBidirectional(node.textProperty()));
                    decorate(bool, node);
                    yield bool;
                }
                case LIST, MAP -> {
                    count.textProperty().bind(Bindings.createStringBinding(() -> count(node), node.children()));
                    onUnbind(() -> count.textProperty().unbind());
                    yield count;
                }
                case DESCRIBED -> labelled("descriptor and value below", node);
                case ARRAY -> {
                    elementType.setUserData(node);
                    elementType.setOnAction(null);
                    elementType.setItems(FXCollections.observableArrayList(ValueNode.ARRAY_ELEMENT_TYPES));
                    elementType.setValue(node.elementTypeProperty().get());
                    elementType.setOnAction(e -> {
                        if (elementType.getValue() != null) node.elementTypeProperty().set(elementType.getValue());
                    });
                    whileShown(node.elementTypeProperty(), (o, was, now) -> elementType.setValue(now));
                    describedArray.setOnAction(null);
                    describedArray.setSelected(node.descriptor() != null);
                    describedArray.setOnAction(e -> node.setArrayDescriptor(describedArray.isSelected()));
                    decorate(elementType, node);
                    yield array;
                }
                default -> {
                    text.setUserData(node);
                    bindText(text, node.textProperty());
                    text.setPromptText(prompt(node));
                    text.setTooltip(new Tooltip(hint(node)));
                    decorate(text, node);
                    yield text;
                }
            };
        }

        private Node labelled(String s, ValueNode node) {
            label.setText(s);
            decorate(label, node);
            return label;
        }

        private Node readOnly(ValueNode node) {
            String s = switch (node.type()) {
                case NULL -> "null";
                case LIST, MAP -> count(node);
                case ARRAY -> count(node) + (node.descriptor() != null ? ", described" : "");
                case DESCRIBED -> "descriptor and value below";
                default -> shorten(node.text());
            };
            label.setText(s);
            label.setTooltip(s.length() > 40 ? new Tooltip(s) : null);
            return label;
        }

    }

    /** "1 element", "3 entries" … */
    static String count(ValueNode n) {
        int k = n.items().size();
        String what = n.type() == AmqpType.MAP ? (k == 1 ? "entry" : "entries") : (k == 1 ? "element" : "elements");
        return k + " " + what;
    }

    static String prompt(ValueNode n) {
        return switch (n.type()) {
            case UBYTE -> "0 to 255";
            case USHORT -> "0 to 65535";
            case UINT -> "0 to 4294967295";
            case ULONG -> "0 to 2^64-1, or ${seq}";
            case BYTE -> "-128 to 127";
            case SHORT -> "-32768 to 32767";
            case INT -> "a 32-bit integer";
            case LONG -> "a 64-bit integer";
            case FLOAT, DOUBLE -> "1.5, -2e-3, NaN, Infinity";
            case DECIMAL32 -> "8 hex digits (IEEE 754 bits)";
            case DECIMAL64 -> "16 hex digits (IEEE 754 bits)";
            case DECIMAL128 -> "32 hex digits (IEEE 754 bits)";
            case CHAR -> "one character";
            case TIMESTAMP -> "ms, 2024-01-31T12:00:00Z or ${now}";
            case UUID -> "8-4-4-4-12 hex digits or ${uuid}";
            case BINARY -> n.binaryAsTextProperty().get() ? "UTF-8 text" : "hex bytes, e.g. 01 ff";
            case SYMBOL -> "ASCII text";
            default -> "";
        };
    }

    static String hint(ValueNode n) {
        String base = n.type() + ": " + prompt(n);
        return n.isLiteral() ? base : base + "\n\n" + Placeholders.HELP;
    }
}
