package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sequence diagram in the real window: it grows as a scenario runs, its search narrows it, clicking a frame
 * opens that frame in the live trace, and it exports as PNG and SVG.
 */
@ExtendWith(ApplicationExtension.class)
class DiagramUiTest {
    private LabWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new LabWindow(stage);
    }

    @AfterEach
    void stop() {
        window.lab().close();
    }

    @Test
    void theDiagramGrowsFiltersOpensFramesInTheTraceAndExports(FxRobot robot) throws Exception {
        window.open(robot);
        FlowLab lab = window.lab();
        window.run(robot, 4, 0.02);
        LabWindow.await(() -> !lab.runningProperty().get());
        LabWindow.await(() -> lab.focusProperty().get() != null && lab.focusProperty().get().name.endsWith("consumer")
                && lab.focusProperty().get().closedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int all = lab.ladder().shownSize();
        assertTrue(all > 3 * 4 * 7, "every transfer of the three links: " + all);
        LadderPane pane = robot.lookup(".ladder-pane").queryAs(LadderPane.class);
        assertTrue(pane.drawCount() > 0);

        robot.clickOn("#lab-ladder-search").write("transfer #5 ");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, lab.ladder().shownSize(), "one sixth delivery on the session");
        LadderEntry row = lab.ladder().shown(0);

        // the first row sits under the heading
        Bounds b = pane.localToScreen(pane.getBoundsInLocal());
        robot.clickOn(b.getMinX() + 200, b.getMinY() + LadderPainter.HEADER + LadderPainter.ROW / 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(row, lab.selectedFrameProperty().get());
        TabPane tabs = robot.lookup(".trace-tabs").queryAs(TabPane.class);
        assertEquals("Live trace", tabs.getSelectionModel().getSelectedItem().getText(), "the trace comes to the front");
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup(".frame-table").queryAs(TableView.class);
        assertNotNull(table.getSelectionModel().getSelectedItem(), "the frame is selected in the trace");
        assertTrue(lab.statusProperty().get().contains("selected in the live trace"), lab.statusProperty().get());
        javafx.scene.Node selectedRow = robot.from(table).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.isSelected() && r.getItem() != null).query();
        String performative = robot.from(selectedRow).lookup(".performative-cell").queryLabeled().getText();
        assertEquals("transfer", performative);
        @SuppressWarnings("unchecked")
        TreeTableView<Object> fields = robot.lookup(".field-tree").queryAs(TreeTableView.class);
        assertTrue(fields.getRoot().getChildren().size() >= 2, "its detail is decoded: frame header, transfer, payload");

        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1));
        robot.interact(() -> lab.textFilterProperty().set(""));
        Path png = dir.resolve("diagram.png");
        Path svg = dir.resolve("diagram.svg");
        robot.interact(() -> {
            try {
                pane.exportPng(png);
                pane.exportSvg(svg, true);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG ImageIO reads");
        assertEquals(pane.rowsInView().size(), (image.getHeight() - LadderPainter.HEADER - 6) / (int) LadderPainter.ROW);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"));
        assertEquals(all, text.split("<polygon").length - 1, "an arrow per frame");
        assertTrue(text.contains("attach 'mux-receiver-a'"), "labels are there");
    }
}
