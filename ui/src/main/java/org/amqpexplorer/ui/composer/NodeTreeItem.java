package org.amqpexplorer.ui.composer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A row of a value tree, following its {@link ValueNode}: when the node's parts change, so do the rows under
 * it (existing rows are kept, with their expansion). A map entry is one row showing its key and value; the
 * parts of a compound value (and a compound key) appear under it. Rows are made when first shown.
 */
final class NodeTreeItem extends TreeItem<ValueNode> {
    private final InvalidationListener structure = o -> rebuild();
    private boolean built;

    NodeTreeItem(ValueNode node, boolean expand) {
        super(node);
        InvalidationListener weak = new WeakInvalidationListener(structure);
        for (Observable o : watched(node)) o.addListener(weak);
        setExpanded(expand);
    }

    private static List<Observable> watched(ValueNode n) {
        List<Observable> o = new ArrayList<>(List.of(n.children(), n.typeProperty()));
        if (n.role() == ValueNode.Role.ENTRY) {
            o.addAll(List.of(n.key().children(), n.key().typeProperty(), n.value().children(), n.value().typeProperty()));
        }
        return o;
    }

    /** The nodes shown as rows under {@code n}. */
    static List<ValueNode> shown(ValueNode n) {
        if (n.role() != ValueNode.Role.ENTRY) return n.children();
        List<ValueNode> rows = new ArrayList<>();
        if (n.key().isCompound()) rows.add(n.key());
        if (n.value().isCompound()) rows.addAll(n.value().children());
        return rows;
    }

    @Override
    public boolean isLeaf() {
        return shown(getValue()).isEmpty();
    }

    @Override
    public ObservableList<TreeItem<ValueNode>> getChildren() {
        if (!built) {
            built = true;
            super.getChildren().setAll(rows(Map.of()));
        }
        return super.getChildren();
    }

    private void rebuild() {
        if (!built) {
            getChildren();
            return;
        }
        Map<ValueNode, TreeItem<ValueNode>> existing = new IdentityHashMap<>();
        for (TreeItem<ValueNode> c : super.getChildren()) existing.put(c.getValue(), c);
        List<TreeItem<ValueNode>> next = rows(existing);
        if (!next.equals(super.getChildren())) super.getChildren().setAll(next);
    }

    private List<TreeItem<ValueNode>> rows(Map<ValueNode, TreeItem<ValueNode>> existing) {
        List<TreeItem<ValueNode>> rows = new ArrayList<>();
        for (ValueNode n : shown(getValue())) {
            TreeItem<ValueNode> row = existing.get(n);
            rows.add(row != null ? row : new NodeTreeItem(n, expandByDefault(n)));
        }
        return rows;
    }

    /** Edited trees open fully; in the viewer, large values start closed. */
    private static boolean expandByDefault(ValueNode n) {
        return n.isEditable() || n.role() == ValueNode.Role.SECTION || shown(n).size() <= 50;
    }

    /** The row for {@code node} under this one (making rows as needed), or null. */
    TreeItem<ValueNode> find(ValueNode node) {
        if (getValue() == node) return this;
        if (getValue().role() == ValueNode.Role.ENTRY && (getValue().key() == node || getValue().value() == node)) return this;
        for (TreeItem<ValueNode> c : getChildren()) {
            TreeItem<ValueNode> f = ((NodeTreeItem) c).find(node);
            if (f != null) return f;
        }
        return null;
    }
}
