package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step mode in the real window: a scenario run "step through" holds its connection's incoming frames; each click on
 * Release one lets one through, and its effect on credit shows before the next.
 */
@ExtendWith(ApplicationExtension.class)
class StepModeUiTest {
    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = new LabWindow(stage);
    }

    @AfterEach
    void stop() {
        window.lab().close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void releasingOneFrameAtATimeShowsEachOnesEffect(FxRobot robot) throws Exception {
        window.open(robot);
        robot.clickOn("#lab-step-through");
        window.run(robot, 0, 0.02);
        FlowLab lab = window.lab();
        // the consumer's header, open, begin and attach answers are held until released
        LabWindow.await(() -> lab.focusProperty().get() != null && lab.focusProperty().get().name.endsWith("consumer")
                && lab.heldIncomingProperty().get() >= 2);
        Label count = robot.lookup("#lab-held-count").queryAs(Label.class);
        assertTrue(count.getText().matches("\\d+ incoming, 0 outgoing held"), count.getText());
        ListView<HeldFrame> held = robot.lookup("#lab-held-frames").queryAs(ListView.class);
        assertEquals("header", held.getItems().get(0).performative(), "the peer's protocol header waits first");
        Button releaseOne = robot.lookup("#lab-release-one-incoming").queryAs(Button.class);
        ListView<LadderEntry> recent = robot.lookup("#lab-recent-frames").queryAs(ListView.class);

        // release frame by frame until the first transfer of a message has come through
        LadderEntry transfer = null;
        for (int clicks = 0; clicks < 40 && transfer == null; clicks++) {
            LabWindow.await(() -> lab.heldIncomingProperty().get() > 0);
            long frames = lab.ladder().size();
            // the first release by the mouse; the rest by the button's action, which is quicker to drive
            if (clicks == 0) robot.clickOn(releaseOne);
            else robot.interact(releaseOne::fire);
            // one frame in: the diagram has it (and what it did) before anything else is released
            LabWindow.await(() -> lab.ladder().size() > frames);
            WaitForAsyncUtils.waitForFxEvents();
            // the newest frame from the peer is the one released (ours may follow it: the engine answers at once)
            LadderEntry released = recent.getItems().stream().filter(e -> !e.sent()).findFirst().orElseThrow();
            assertTrue(released.seq() > frames - 1, "the released frame is new in the diagram");
            assertEquals(lab.heldIncomingProperty().get() + " incoming, 0 outgoing held", count.getText());
            if (released.label().startsWith("transfer #0")) transfer = released;
        }
        assertTrue(transfer != null, "a transfer was released");
        assertTrue(transfer.effect().contains("h0 credit 5→4"), "its effect on our credit: " + transfer.effect());
        LabWindow.await(() -> lab.chartEntityProperty().get() != null && lab.chartEntityProperty().get().link);

        // let the rest go and stop holding: the scenario runs to its end
        robot.clickOn("#lab-hold-incoming");
        robot.clickOn("Release all ←");
        LabWindow.await(() -> !lab.runningProperty().get());
        assertTrue(lab.narration().stream().anyMatch(s -> s.startsWith("Drained:")), lab.narration().toString());
    }
}
