package org.amqpexplorer.ui.explorer;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.amqpexplorer.protocol.engine.EndpointState;

/**
 * The live tree: connection → sessions → links → unsettled deliveries, each with its state and a compact live
 * figure. Mirrors an {@link ExplorerModel}; shows a plain explanation while there is nothing to show.
 */
public final class ExplorerView extends StackPane {
    private final TreeView<ExplorerNode> tree = new TreeView<>(new TreeItem<>());

    public ExplorerView(ExplorerModel model) {
        getStyleClass().add("explorer");
        getStylesheets().add(ExplorerView.class.getResource("explorer.css").toExternalForm());
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        tree.setCellFactory(t -> new NodeCell());
        mirror(tree.getRoot(), model.connections(), c -> c.sessions);
        Label empty = new Label("No connections yet.\nConnect to a peer (Ctrl+N), or start the built-in peer "
                + "and connect to it, to watch sessions, links, windows and credit here as they change.");
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-state");
        empty.setPadding(new Insets(16));
        emptyBox.getChildren().add(empty);
        emptyBox.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.connections()));
        emptyBox.setPickOnBounds(false);
        getChildren().addAll(tree, emptyBox);
    }

    private final javafx.scene.layout.VBox emptyBox = new javafx.scene.layout.VBox(8);

    /** A button under the empty-state text, e.g. the one click that starts the built-in peer and connects. */
    public void emptyAction(String text, Runnable action) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(text);
        b.setId("empty-action");
        b.setOnAction(e -> action.run());
        javafx.scene.layout.VBox.setMargin(b, new Insets(0, 16, 0, 16));
        emptyBox.getChildren().add(b);
    }

    public TreeView<ExplorerNode> tree() {
        return tree;
    }

    /** Keeps {@code parent}'s children equal to {@code nodes}, recursively. */
    private static <T extends ExplorerNode> void mirror(TreeItem<ExplorerNode> parent, ObservableList<T> nodes,
                                                         Function<T, ObservableList<? extends ExplorerNode>> children) {
        for (T n : nodes) parent.getChildren().add(item(n, children));
        nodes.addListener((ListChangeListener<T>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    parent.getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
                }
                if (change.wasAdded()) {
                    int at = change.getFrom();
                    for (T n : change.getAddedSubList()) parent.getChildren().add(at++, item(n, children));
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends ExplorerNode> TreeItem<ExplorerNode> item(T node, Function<T, ObservableList<? extends ExplorerNode>> children) {
        TreeItem<ExplorerNode> item = new TreeItem<>(node);
        item.setExpanded(true);
        ObservableList<? extends ExplorerNode> kids = children.apply(node);
        if (kids != null) {
            mirror(item, (ObservableList<ExplorerNode>) kids, n -> switch (n) {
                case SessionNode s -> s.links;
                case LinkNode l -> l.deliveries;
                default -> null;
            });
        }
        return item;
    }

    /** Title, state badge and the live figure. */
    private static final class NodeCell extends TreeCell<ExplorerNode> {
        private final Label title = new Label();
        private final Label state = new Label();
        private final Label figure = new Label();
        private final HBox box;
        private ExplorerNode shown;
        private final javafx.beans.InvalidationListener restyle = o -> restyle();

        NodeCell() {
            state.getStyleClass().add("state-badge");
            figure.getStyleClass().add("live-figure");
            box = new HBox(6, title, state, figure);
        }

        @Override
        protected void updateItem(ExplorerNode node, boolean empty) {
            super.updateItem(node, empty);
            title.textProperty().unbind();
            figure.textProperty().unbind();
            state.textProperty().unbind();
            if (shown != null) {
                shown.stateProperty().removeListener(restyle);
                shown.errorProperty().removeListener(restyle);
            }
            shown = empty ? null : node;
            if (empty || node == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            title.setText(node.title());
            if (node instanceof DeliveryNode) {
                state.setText("");
                state.setVisible(false);
            } else {
                state.setVisible(true);
                state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> label(node), node.stateProperty(), node.errorProperty()));
                node.stateProperty().addListener(restyle);
                node.errorProperty().addListener(restyle);
                restyle();
            }
            figure.textProperty().bind(node.summaryProperty());
            setGraphic(box);
            setText(null);
        }

        private void restyle() {
            if (shown != null) state.getStyleClass().setAll("state-badge", styleOf(shown));
        }

        private static String label(ExplorerNode n) {
            String s = switch (n.state()) {
                case UNOPENED -> "new";
                case OPEN_SENT, OPEN_RECEIVED -> "opening";
                case OPENED -> "open";
                case CLOSE_SENT, CLOSE_RECEIVED -> "closing";
                case CLOSED -> "closed";
            };
            if (n.errorProperty().get() != null) s += ": " + n.errorProperty().get().condition();
            if (n instanceof ConnectionNode c && c.failureProperty().get() != null) s = "failed";
            return s;
        }

        private static String styleOf(ExplorerNode n) {
            if (n.errorProperty().get() != null || n instanceof ConnectionNode c && c.failureProperty().get() != null) {
                return "state-error";
            }
            return n.state() == EndpointState.OPENED ? "state-open"
                    : n.state() == EndpointState.CLOSED ? "state-closed" : "state-changing";
        }
    }
}
