package org.amqpexplorer.ui.composer;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the composer and viewer, light and dark, wide and narrow, for a person to look at
 * (ui/target/screenshots). Not a check; tagged slow so the default build skips it.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ComposerScreenshots {
    @TempDir
    static Path dir;
    Stage stage;
    ComposerHarness harness;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        harness = new ComposerHarness(dir);
        stage.setScene(new Scene(harness.tabs, 1280, 860));
        stage.show();
    }

    @Test
    void shots(FxRobot robot) throws Exception {
        robot.interact(this::fill);
        WaitForAsyncUtils.waitForFxEvents();
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> {
                stage.getScene().getStylesheets().clear();
                if (dark) stage.getScene().getStylesheets().add(ComposerHarness.class.getResource("dark-test.css").toExternalForm());
            });
            String theme = dark ? "dark" : "light";
            size(robot, 1280, 860);
            shoot(robot, "composer-" + theme + "-wide");
            size(robot, 720, 860);
            shoot(robot, "composer-" + theme + "-narrow");
            size(robot, 1280, 860);
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".form-scroll").query()).setVvalue(1));
            shoot(robot, "composer-" + theme + "-body");
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".form-scroll").query()).setVvalue(0));
            if (!dark) {
                shoot(robot, "composer-" + theme + "-errors");
                robot.interact(this::fixAndSend);
                WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
                robot.interact(() -> harness.tabs.getSelectionModel().select(harness.composerTab));
                shoot(robot, "composer-" + theme + "-sent");
            }
            robot.interact(() -> harness.tabs.getSelectionModel().select(harness.viewerTab));
            shoot(robot, "viewer-" + theme);
            size(robot, 640, 700);
            shoot(robot, "viewer-" + theme + "-narrow");
            robot.interact(() -> harness.tabs.getSelectionModel().select(harness.composerTab));
        }
    }

    /** A message with something in most sections and two mistakes. */
    private void fill() {
        MessageForm f = harness.composer.form;
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

    /** The mistakes fixed, the message sent through the loopback sender: results in the composer, the copy in the viewer. */
    private void fixAndSend() {
        MessageForm f = harness.composer.form;
        f.header.get("priority").textProperty().set("9");
        f.amqpValue.items().get(1).value().items().get(1).textProperty().set("naive");
        harness.composer.countProperty().set(3);
        harness.composer.send();
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        PixelReader r = img[0].getPixelReader();
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, r.getArgb(x, y));
        Path dirOut = Path.of("target", "screenshots");
        Files.createDirectories(dirOut);
        ImageIO.write(out, "png", dirOut.resolve(name + ".png").toFile());
    }
}
