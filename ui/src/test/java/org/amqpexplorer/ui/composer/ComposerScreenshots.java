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
        robot.interact(harness::fillSample);
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
                robot.interact(this::dataAndSequences);
                robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".form-scroll").query()).setVvalue(1));
                shoot(robot, "composer-" + theme + "-data");
                robot.interact(() -> harness.composer.form.bodyKind.set(MessageForm.BodyKind.SEQUENCE));
                shoot(robot, "composer-" + theme + "-sequences");
                robot.interact(() -> harness.composer.form.bodyKind.set(MessageForm.BodyKind.VALUE));
            }
            robot.interact(() -> harness.tabs.getSelectionModel().select(harness.viewerTab));
            shoot(robot, "viewer-" + theme);
            size(robot, 640, 700);
            shoot(robot, "viewer-" + theme + "-narrow");
            robot.interact(() -> harness.tabs.getSelectionModel().select(harness.composerTab));
        }
    }

    /** The mistakes fixed, the message sent through the loopback sender: results in the composer, the copy in the viewer. */
    private void fixAndSend() {
        MessageForm f = harness.composer.form;
        f.header.get("priority").textProperty().set("9");
        f.amqpValue.items().get(1).value().items().get(1).textProperty().set("naive");
        harness.composer.countProperty().set(3);
        harness.composer.send();
    }

    /** Two data sections (text, hex with a mistake) and two amqp-sequence sections. */
    private void dataAndSequences() {
        MessageForm f = harness.composer.form;
        f.bodyKind.set(MessageForm.BodyKind.DATA);
        f.data.getFirst().textProperty().set("{\"order\": 17, \"note\": \"größer\"}");
        DataSection hex = f.addDataSection();
        harness.composer.switchDataMode(hex, DataSection.Mode.HEX);
        hex.textProperty().set("00 01 02 0");
        f.addSequence().addItem(0, AmqpType.INT).textProperty().set("1");
        ValueNode second = f.addSequence();
        second.addItem(0, AmqpType.STRING).textProperty().set("two");
        second.addItem(1, AmqpType.LIST).addItem(0, AmqpType.BOOLEAN).textProperty().set("true");
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
