package org.amqpexplorer.ui.composer;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * A stand-in window for trying the composer and viewer alone: a composer tab and a viewer tab, and a sender
 * that loops each message back as if received (encoded, decoded, accepted) and shows it in the viewer.
 * Run {@link Main} under a display to look at it ({@code --sample} fills in a message, {@code --dark} darkens
 * it); tests build the same scene.
 */
public final class ComposerHarness extends Application {
    final ComposerViewModel composer;
    final MessageViewerViewModel viewer = new MessageViewerViewModel();
    final TabPane tabs = new TabPane();
    final Tab composerTab;
    final Tab viewerTab;

    ComposerHarness(Path templates) {
        composer = new ComposerViewModel(new TemplateStore(templates));
        composer.setSender(new LoopbackSender());
        viewer.setOnEditAsNew(m -> {
            composer.loadMessage(m);
            tabs.getSelectionModel().select(0);
        });
        composerTab = new Tab("Composer", new ComposerView(composer));
        viewerTab = new Tab("Viewer", new MessageViewerView(viewer));
        tabs.getTabs().addAll(composerTab, viewerTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    public ComposerHarness() throws Exception {
        this(Files.createTempDirectory("templates"));
    }

    /** Sends "through" nothing: each message is encoded and decoded as a receiver would, then accepted. */
    final class LoopbackSender implements MessageSender {
        @Override
        public void send(SendJob job) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < job.count() && !job.isCancelled(); i++) {
                    byte[] payload = job.message(i).toBytes();
                    boolean settled = job.settleMode() == SenderSettleMode.SETTLED;
                    job.sent(i, settled);
                    Message received = Message.decode(payload);
                    if (!settled) job.outcome(i, Accepted.INSTANCE);
                    int n = i;
                    Platform.runLater(() -> {
                        viewer.show(received, payload, "received message " + (n + 1) + " of " + job.count());
                        tabs.getSelectionModel().select(viewerTab);
                    });
                }
            }, "loopback-sender");
            t.setDaemon(true);
            t.start();
        }
    }

    /** A message with something in most sections and two mistakes. */
    void fillSample() {
        MessageForm f = composer.form;
        f.header.get("durable").textProperty().set("true");
        f.header.get("priority").textProperty().set("300");
        ValueNode id = f.properties.get("messageId");
        id.typeProperty().set(AmqpType.UUID);
        id.textProperty().set("${uuid}");
        f.properties.get("to").textProperty().set("orders");
        f.properties.get("subject").textProperty().set("order ${seq}");
        f.properties.get("creationTime").textProperty().set("${now}");
        ValueNode e = f.messageAnnotations.addItem(0, AmqpType.INT);
        e.key().textProperty().set("x-opt-partition");
        e.value().textProperty().set("3");
        ValueNode ap = f.applicationProperties.addItem(0, AmqpType.STRING);
        ap.key().textProperty().set("region");
        ap.value().textProperty().set("eu-west");
        f.bodyKind.set(MessageForm.BodyKind.VALUE);
        ValueNode root = f.amqpValue;
        root.typeProperty().set(AmqpType.MAP);
        ValueNode item = root.addItem(0, AmqpType.MAP);
        item.key().textProperty().set("item");
        ValueNode sku = item.value().addItem(0, AmqpType.STRING);
        sku.key().typeProperty().set(AmqpType.SYMBOL);
        sku.key().textProperty().set("sku");
        sku.value().textProperty().set("A-17");
        ValueNode qty = item.value().addItem(1, AmqpType.UBYTE);
        qty.key().typeProperty().set(AmqpType.SYMBOL);
        qty.key().textProperty().set("qty");
        qty.value().textProperty().set("2");
        ValueNode tags = root.addItem(1, AmqpType.ARRAY);
        tags.key().textProperty().set("tags");
        tags.value().elementTypeProperty().set(AmqpType.SYMBOL);
        tags.value().addItem(0, AmqpType.SYMBOL).textProperty().set("new");
        tags.value().addItem(1, AmqpType.SYMBOL).textProperty().set("naïve");
        f.footer.addItem(0, AmqpType.UINT).key().textProperty().set("x-opt-crc");
    }

    @Override
    public void start(Stage stage) {
        if (getParameters().getRaw().contains("--sample")) fillSample();
        Scene scene = new Scene(tabs, 1280, 860);
        if (getParameters().getRaw().contains("--dark")) scene.getStylesheets().add(ComposerHarness.class.getResource("dark-test.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Composer harness");
        stage.show();
    }

    /** Run this (not the Application itself, which the java launcher would refuse on a class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(ComposerHarness.class, args);
        }
    }
}
