package org.amqpexplorer.ui.flowlab;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.amqpexplorer.ui.ExplorerApp;
import org.amqpexplorer.ui.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window with the flow lab open, for TestFX tests. */
final class LabWindow {
    final MainViewModel model;
    final Stage stage;

    LabWindow(Stage stage) {
        this.stage = stage;
        model = new MainViewModel(Runnable::run, Platform::runLater);
        ExplorerApp.show(stage, model, "test");
        stage.setWidth(1200);
        stage.setHeight(760);
        stage.show();
        stage.requestFocus();
    }

    FlowLab lab() {
        return model.flowLab();
    }

    /** Opens the lab with its shortcut, as a person would. */
    void open(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses scenario {@code index} and presses Run. */
    void run(FxRobot robot, int index, double pace) {
        robot.interact(() -> {
            lab().chosenProperty().set(lab().scenarios().get(index));
            lab().paceProperty().set(pace);
        });
        robot.clickOn("#lab-run");
    }

    /** Waits (up to 20 s) for a condition read on the FX thread. */
    static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
