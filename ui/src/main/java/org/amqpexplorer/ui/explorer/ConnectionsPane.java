package org.amqpexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * The left side of the window: the live tree above, the selected entity's details below, and a context menu on
 * every entity with what can be done to it by hand (begin, attach, grant credit, drain, settle, detach, end,
 * close with an error, pause reading).
 */
public final class ConnectionsPane extends SplitPane {
    private final LiveConnections live;
    private final ExplorerView tree;
    private final DetailsView details = new DetailsView();
    private final java.util.function.Supplier<Window> owner;
    private final Consumer<Dialog<?>> styler;

    /** @param styler applies the window's theme to a dialog before it shows */
    private final PeerPane peerPane;
    private ContextMenu openMenu;

    public ConnectionsPane(LiveConnections live, java.util.function.Supplier<Window> owner, Consumer<Dialog<?>> styler,
                           Consumer<String> problems) {
        this.live = live;
        this.owner = owner;
        this.styler = styler;
        this.tree = new ExplorerView(live.model());
        getStyleClass().add("connections-pane");
        setOrientation(Orientation.VERTICAL);
        Label title = new Label("Connections");
        title.getStyleClass().add("pane-title");
        // The same actions as the context menu, for the keyboard (and for a glance at what can be done).
        javafx.scene.control.MenuButton actionsButton = new javafx.scene.control.MenuButton("Actions");
        actionsButton.setId("tree-actions");
        actionsButton.setOnShowing(e -> {
            var item = tree.tree().getSelectionModel().getSelectedItem();
            actionsButton.getItems().setAll(item == null
                    ? List.of(item("Select a connection, session, link or delivery first", false, () -> { }))
                    : menu(item.getValue()).getItems());
        });
        actionsButton.getItems().add(new MenuItem("…"));
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(6, title, spring, actionsButton);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        this.peerPane = new PeerPane(live, problems);
        tree.emptyAction("Start the built-in peer and connect to it", this::firstStart);
        VBox top = new VBox(4, header, tree, peerPane);
        VBox.setVgrow(tree, javafx.scene.layout.Priority.ALWAYS);
        getItems().addAll(top, details);
        setDividerPositions(0.55);
        tree.tree().getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                details.show(item == null ? null : item.getValue()));
        // The menu is built when asked for, so it shows what can be done to the entity as it is now.
        tree.tree().setOnContextMenuRequested(e -> {
            var item = tree.tree().getSelectionModel().getSelectedItem();
            if (openMenu != null) openMenu.hide();
            if (item == null) return;
            openMenu = menu(item.getValue());
            openMenu.show(tree.tree(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /**
     * One click for a newcomer with no broker: the built-in peer on a free port, a connection to it, and a session
     * with a sender and a receiver exchanging a few messages, so there is live traffic to look at at once.
     */
    public void firstStart() {
        org.amqpexplorer.protocol.peer.Peer p = live.peerProperty().get();
        if (p == null) p = peerPane.startOnFreePort();
        if (p == null) return;
        var url = org.amqpexplorer.protocol.transport.AmqpUrl.parse("amqp://" + p.host() + ":" + p.port());
        live.connect("built-in peer " + p.host() + ":" + p.port(),
                org.amqpexplorer.protocol.transport.ClientOptions.of(url),
                new org.amqpexplorer.protocol.types.Open("amqp-explorer-" + java.util.UUID.randomUUID(), p.host(), 65_536L, null,
                        60_000L, null, null, null, null, null), live.demo());
    }

    public PeerPane peerPane() {
        return peerPane;
    }

    public ExplorerView tree() {
        return tree;
    }

    public DetailsView details() {
        return details;
    }

    private ContextMenu menu(ExplorerNode node) {
        List<MenuItem> items = new ArrayList<>();
        boolean open = node.state() != EndpointState.CLOSED;
        switch (node) {
            case ConnectionNode c -> {
                items.add(item("Begin a session…", open, () -> beginSession(c)));
                ConnectionControl control = live.actions().control(c);
                boolean paused = control != null && control.isReadingPaused();
                items.add(item(paused ? "Resume reading from the socket" : "Pause reading from the socket (back-pressure)",
                        control != null && control.canPauseReading(), () -> live.actions().pauseReading(c, !paused)));
                items.add(new SeparatorMenuItem());
                items.add(item("Close…", open, () -> withError("Close the connection", e -> live.actions().close(c, e))));
            }
            case SessionNode s -> {
                items.add(item("Set the incoming window…", open, () -> number("Set the incoming window",
                        "How many transfer frames may the peer send before this session widens the window again?", "2048")
                        .ifPresent(n -> live.actions().incomingWindow(s, n))));
                items.add(item("Attach a sender…", open, () -> attach(s, Role.SENDER)));
                items.add(item("Attach a receiver…", open, () -> attach(s, Role.RECEIVER)));
                items.add(new SeparatorMenuItem());
                items.add(item("End…", open, () -> withError("End the session", e -> live.actions().end(s, e))));
            }
            case LinkNode l -> {
                if (l.role() == Role.RECEIVER) {
                    items.add(item("Grant credit…", open, () -> number("Grant credit", "How many more messages may the sender send?", "10")
                            .ifPresent(n -> live.actions().grantCredit(l, n))));
                    items.add(item("Drain", open, () -> live.actions().drain(l)));
                    items.add(new SeparatorMenuItem());
                }
                items.add(item("Detach…", open, () -> withError("Detach the link", e -> live.actions().detach(l, false, e))));
                items.add(item("Close…", open, () -> withError("Close the link", e -> live.actions().detach(l, true, e))));
            }
            case DeliveryNode d -> {
                items.add(item("Accept", true, () -> live.actions().disposition(d, Accepted.INSTANCE, true)));
                items.add(item("Reject…", true, () -> withError("Reject the delivery",
                        e -> live.actions().disposition(d, new Rejected(e), true))));
                items.add(item("Release", true, () -> live.actions().disposition(d, Released.INSTANCE, true)));
                items.add(item("Modify (delivery failed)", true, () -> live.actions().disposition(d, new Modified(true, false, null), true)));
                items.add(item("Settle", true, () -> live.actions().settle(d)));
            }
        }
        return new ContextMenu(items.toArray(MenuItem[]::new));
    }

    private static MenuItem item(String text, boolean enabled, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setDisable(!enabled);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void beginSession(ConnectionNode c) {
        Dialog<long[]> d = new Dialog<>();
        d.setTitle("Begin a session");
        d.setHeaderText("Session windows (2.5.6), in frames");
        TextField in = new TextField("2048");
        TextField out = new TextField("2048");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("incoming-window"), in);
        g.addRow(1, new Label("outgoing-window"), out);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new long[] {parse(in.getText()), parse(out.getText())} : null);
        show(d).ifPresent(w -> {
            if (w[0] < 0 || w[1] < 0) error("Windows are whole numbers from 0 to 4294967295.");
            else live.actions().begin(c, w[0], w[1]);
        });
    }

    private void attach(SessionNode s, Role role) {
        Dialog<Runnable> d = new Dialog<>();
        d.setTitle(role == Role.SENDER ? "Attach a sender" : "Attach a receiver");
        d.setHeaderText(role == Role.SENDER ? "Send to a node (a queue or topic address)" : "Receive from a node");
        TextField address = new TextField("queue-a");
        address.setId("attach-address");
        TextField name = new TextField((role == Role.SENDER ? "sender-" : "receiver-") + Long.toHexString(System.nanoTime() & 0xFFFF));
        javafx.scene.control.ComboBox<String> guarantee = new javafx.scene.control.ComboBox<>();
        guarantee.getItems().addAll("at-least-once", "at-most-once", "exactly-once");
        guarantee.setValue("at-least-once");
        TextField credit = new TextField(role == Role.RECEIVER ? "10" : "");
        credit.setId("attach-credit");
        credit.setDisable(role == Role.SENDER);
        credit.setPromptText("0: grant credit by hand");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Address"), address);
        g.addRow(1, new Label("Link name"), name);
        g.addRow(2, new Label("Guarantee"), guarantee);
        g.addRow(3, new Label("Initial credit"), credit);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b != ButtonType.OK ? null : () -> {
            SenderSettleMode snd = switch (guarantee.getValue()) {
                case "at-most-once" -> SenderSettleMode.SETTLED;
                default -> SenderSettleMode.UNSETTLED;
            };
            ReceiverSettleMode rcv = "exactly-once".equals(guarantee.getValue()) ? ReceiverSettleMode.SECOND : ReceiverSettleMode.FIRST;
            long c = role == Role.RECEIVER ? parse(credit.getText().isBlank() ? "0" : credit.getText()) : 0;
            if (c < 0) {
                error("Initial credit is a whole number from 0 to 4294967295.");
                return;
            }
            live.actions().attach(s, name.getText().trim(), role, address.getText().trim(), snd, rcv, c);
        });
        show(d).ifPresent(Runnable::run);
    }

    private Optional<Long> number(String title, String question, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(question);
        Optional<String> s = show(d);
        if (s.isEmpty()) return Optional.empty();
        long n = parse(s.get());
        if (n < 0) {
            error("'" + s.get() + "' is not a whole number from 0 to 4294967295.");
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /** Asks for an error condition (none, or one the spec names, with a description) and passes it on. */
    private void withError(String title, Consumer<ErrorCondition> then) {
        List<String> conditions = new ArrayList<>(List.of("(no error)", ErrorCondition.INTERNAL_ERROR,
                ErrorCondition.NOT_FOUND, ErrorCondition.UNAUTHORIZED_ACCESS, ErrorCondition.DECODE_ERROR,
                ErrorCondition.RESOURCE_LIMIT_EXCEEDED, ErrorCondition.NOT_ALLOWED, ErrorCondition.INVALID_FIELD,
                ErrorCondition.NOT_IMPLEMENTED, ErrorCondition.RESOURCE_LOCKED, ErrorCondition.PRECONDITION_FAILED,
                ErrorCondition.RESOURCE_DELETED, ErrorCondition.ILLEGAL_STATE, ErrorCondition.FRAME_SIZE_TOO_SMALL));
        ChoiceDialog<String> d = new ChoiceDialog<>(conditions.get(0), conditions);
        d.setTitle(title);
        d.setHeaderText(title + ", optionally with an error condition");
        TextField description = new TextField();
        description.setId("error-description");
        description.setPromptText("description (optional)");
        d.getDialogPane().setExpandableContent(new VBox(4, new Label("Description"), description));
        d.getDialogPane().setExpanded(true);
        show(d).ifPresent(c -> then.accept(c.startsWith("(") ? null
                : new ErrorCondition(c, description.getText().isBlank() ? null : description.getText())));
    }

    private <T> Optional<T> show(Dialog<T> d) {
        d.initOwner(owner.get());
        styler.accept(d);
        return d.showAndWait();
    }

    private void error(String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText("That value cannot be used");
        show(a);
    }

    /** A uint from text, or -1. */
    private static long parse(String s) {
        try {
            long v = Long.parseLong(s.trim());
            return v < 0 || v > 0xFFFF_FFFFL ? -1 : v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The tree item showing {@code node}, for tests. */
    TreeItem<ExplorerNode> itemOf(ExplorerNode node) {
        return find(tree.tree().getRoot(), node);
    }

    private static TreeItem<ExplorerNode> find(TreeItem<ExplorerNode> item, ExplorerNode node) {
        if (item.getValue() == node) return item;
        for (TreeItem<ExplorerNode> c : item.getChildren()) {
            TreeItem<ExplorerNode> f = find(c, node);
            if (f != null) return f;
        }
        return null;
    }
}
