package org.amqpexplorer.ui.flowlab;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.amqpexplorer.ui.ExplorerApp;
import org.amqpexplorer.ui.MainViewModel;
import org.amqpexplorer.ui.Theme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the lab in the real window, one per scenario at a moment worth seeing, step mode, and one in the
 * dark theme, for docs/screenshots (written to ui/target/screenshots). Not a check; tagged slow so the default
 * build skips it. Run it alone with a headless screen as large as the window:
 * {@code mvn -pl ui test -Dtest=FlowLabScreenshots -DexcludedGroups= -DargLine=-Dheadless.geometry=1600x1000-32}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class FlowLabScreenshots {
    private MainViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new MainViewModel(Runnable::run, Platform::runLater);
        ExplorerApp.show(stage, model, "screenshots");
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.requestFocus();
    }

    @Test
    void shots(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        FlowLab lab = model.flowLab();
        robot.interact(() -> lab.paceProperty().set(0.35));
        // the lab's connections are not in the tree: give the lab the whole width
        robot.interact(() -> {
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            for (Menu m : bar.getMenus()) {
                for (MenuItem i : m.getItems()) {
                    if (i instanceof CheckMenuItem c && c.getText().contains("Connections pane")) c.setSelected(false);
                }
            }
        });
        span(robot, lab, 10);

        run(robot, lab, 0);
        await(() -> said(lab, "Drained:"));
        shoot(robot, "flowlab-1-link-credit-light");
        await(() -> !lab.runningProperty().get());

        run(robot, lab, 1);
        await(() -> count(lab, "stalled on the window with credit left") >= 2);
        shoot(robot, "flowlab-2-session-window-light");
        await(() -> !lab.runningProperty().get());

        span(robot, lab, 30);
        run(robot, lab, 2);
        await(() -> said(lab, "Read bulk message 4"));
        shoot(robot, "flowlab-3-bulk-and-control-light");
        await(() -> !lab.runningProperty().get());

        run(robot, lab, 3);
        await(() -> !lab.runningProperty().get());
        shoot(robot, "flowlab-4-delivery-guarantees-light");

        span(robot, lab, 10);
        run(robot, lab, 4);
        await(() -> said(lab, "their frames interleaved"));
        shoot(robot, "flowlab-5-multiplexing-light");
        await(() -> !lab.runningProperty().get());

        run(robot, lab, 5);
        await(() -> lab.alertCountProperty().get() >= 5);
        robot.clickOn("Alerts (5)");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        shoot(robot, "flowlab-6-rule-breaker-light");
        await(() -> !lab.runningProperty().get());

        robot.clickOn("What to watch");
        robot.interact(() -> model.themeProperty().set(Theme.DARK));
        run(robot, lab, 0);
        await(() -> count(lab, "Credit is 0") >= 2);
        shoot(robot, "flowlab-1-link-credit-dark");
        await(() -> !lab.runningProperty().get());
        robot.interact(() -> model.themeProperty().set(Theme.LIGHT));

        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(900);
        });
        run(robot, lab, 2);
        await(() -> said(lab, "Read bulk message 3"));
        shoot(robot, "flowlab-narrow-light");
        await(() -> !lab.runningProperty().get());
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });

        robot.interact(() -> lab.stepThroughProperty().set(true));
        run(robot, lab, 0);
        await(() -> lab.heldIncomingProperty().get() > 0);
        for (int i = 0; i < 14; i++) {
            robot.interact(() -> lab.releaseOne(org.amqpexplorer.protocol.transport.Transport.Direction.INCOMING));
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        }
        shoot(robot, "flowlab-step-mode-light");
        robot.interact(lab::stopScenario);
        await(() -> !lab.runningProperty().get());
    }

    private static void span(FxRobot robot, FlowLab lab, int seconds) {
        robot.interact(() -> lab.spanSecondsProperty().set(seconds));
    }

    private void run(FxRobot robot, FlowLab lab, int scenario) {
        robot.interact(() -> {
            lab.chosenProperty().set(lab.scenarios().get(scenario));
            robot.lookup("#lab-run").queryButton().fire();
        });
    }

    private static boolean said(FlowLab lab, String text) {
        return count(lab, text) > 0;
    }

    private static int count(FlowLab lab, String text) {
        int[] n = {0};
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                for (String s : lab.narration()) if (s.contains(text)) n[0]++;
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return n[0];
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        int[] pixels = new int[w * h];
        image[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".png"))) {
            PngEncoder.write(w, h, pixels, out);
        }
    }
}
