package org.amqpexplorer.ui.explorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.PeerOptions;
import org.amqpexplorer.protocol.peer.QueueSnapshot;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.amqpexplorer.protocol.transport.TlsOptions;
import org.amqpexplorer.protocol.transport.TransportException;

/**
 * The built-in peer: start and stop it (host, port, users, TLS), and its queues with depth and consumers,
 * refreshed every second while it runs. Its connections appear in the tree, marked as accepted.
 */
public final class PeerPane extends TitledPane {
    private final LiveConnections live;
    private final Consumer<String> problems;
    private final TextField host = new TextField("127.0.0.1");
    private final TextField port = new TextField("5672");
    private final TextField users = new TextField();
    private final TextField keyStore = new TextField();
    private final PasswordField keyStorePassword = new PasswordField();
    private final TableView<QueueSnapshot> queues = new TableView<>();
    private final Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshQueues()));

    public PeerPane(LiveConnections live, Consumer<String> problems) {
        this.live = live;
        this.problems = problems;
        getStyleClass().add("peer-pane");
        setExpanded(false);
        textProperty().bind(Bindings.createStringBinding(() -> {
            Peer p = live.peerProperty().get();
            return p == null ? "Built-in peer: stopped" : "Built-in peer: listening on " + p.host() + ":" + p.port();
        }, live.peerProperty()));

        users.setPromptText("none: anonymous; or name:password, …");
        users.setTooltip(new Tooltip("With users, clients must authenticate (PLAIN or SCRAM-SHA-256)."));
        keyStore.setPromptText("PKCS12 file: speak TLS (amqps)");
        port.setPrefColumnCount(6);
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("Host"), host, new Label("Port"), port);
        g.addRow(1, new Label("Users"), users);
        GridPane.setColumnSpan(users, 3);
        g.addRow(2, new Label("TLS key store"), keyStore);
        GridPane.setColumnSpan(keyStore, 3);
        g.addRow(3, new Label("Key store password"), keyStorePassword);
        GridPane.setColumnSpan(keyStorePassword, 3);

        Button start = new Button("Start");
        start.setId("peer-start");
        start.setOnAction(e -> start());
        Button stop = new Button("Stop");
        stop.setOnAction(e -> live.stopPeer());
        start.disableProperty().bind(live.peerProperty().isNotNull());
        stop.disableProperty().bind(live.peerProperty().isNull());
        for (var f : new javafx.scene.control.Control[] {host, port, users, keyStore, keyStorePassword}) {
            f.disableProperty().bind(live.peerProperty().isNotNull());
        }

        TableColumn<QueueSnapshot, String> address = new TableColumn<>("Queue");
        address.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().address()));
        address.setPrefWidth(150);
        TableColumn<QueueSnapshot, Integer> depth = new TableColumn<>("Depth");
        depth.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().depth()));
        TableColumn<QueueSnapshot, Integer> consumers = new TableColumn<>("Consumers");
        consumers.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().consumers()));
        TableColumn<QueueSnapshot, Long> unsettled = new TableColumn<>("Unsettled");
        unsettled.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().unsettled()));
        queues.getColumns().setAll(java.util.List.of(address, depth, consumers, unsettled));
        queues.setPlaceholder(new Label("Queues appear when a client attaches to an address."));
        queues.setPrefHeight(140);

        VBox box = new VBox(6, g, new HBox(6, start, stop), queues);
        box.setPadding(new Insets(6));
        setContent(box);
        live.peerProperty().addListener((o, was, now) -> {
            if (now != null) refresh.play(); else refresh.stop();
            refreshQueues();
        });
        refresh.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts the peer with what the fields say; problems are reported, nothing is started then. */
    public Peer start() {
        try {
            PeerOptions options = PeerOptions.DEFAULT.withAddress(host.getText().trim(), Integer.parseInt(port.getText().trim()));
            Map<String, String> u = parseUsers(users.getText());
            if (!u.isEmpty()) options = options.withUsers(SaslUsers.of(u));
            if (!keyStore.getText().isBlank()) {
                Path ks = Path.of(keyStore.getText().trim());
                if (!Files.isReadable(ks)) throw new IllegalArgumentException("cannot read the key store " + ks);
                options = options.withTls(TlsOptions.DEFAULT.withKeyStore(ks, keyStorePassword.getText().toCharArray()), true);
            }
            return live.startPeer(options);
        } catch (NumberFormatException e) {
            problems.accept("The port must be a whole number from 0 (any free port) to 65535.");
        } catch (IllegalArgumentException | TransportException e) {
            problems.accept("The built-in peer could not start: " + e.getMessage());
        }
        return null;
    }

    /** Starts the peer on any free port of 127.0.0.1, anonymous, without asking: the newcomer's one click. */
    public Peer startOnFreePort() {
        host.setText("127.0.0.1");
        port.setText("0");
        users.clear();
        keyStore.clear();
        return start();
    }

    static Map<String, String> parseUsers(String text) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int colon = p.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("users are name:password, separated by commas ('" + p.replaceAll(":.*", "") + "' has no password)");
            users.put(p.substring(0, colon), p.substring(colon + 1));
        }
        return users;
    }

    private void refreshQueues() {
        Peer p = live.peerProperty().get();
        if (p == null) {
            queues.getItems().clear();
        } else {
            queues.getItems().setAll(p.queues());
        }
    }
}
