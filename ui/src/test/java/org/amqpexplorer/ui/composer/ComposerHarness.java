package org.amqpexplorer.ui.composer;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * A stand-in window for trying the composer and viewer alone: a composer tab and a viewer tab, and a sender
 * that loops each message back as if received (encoded, decoded, accepted) and shows it in the viewer.
 * Run {@link #main} under a display to look at it; tests build the same scene.
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

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(tabs, 1280, 860);
        if (getParameters().getRaw().contains("--dark")) scene.getStylesheets().add(ComposerHarness.class.getResource("dark-test.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Composer harness");
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
