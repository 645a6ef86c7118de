package org.amqpexplorer.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.amqpexplorer.ui.ExplorerApp;
import org.amqpexplorer.ui.MainViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless: frames from two engines talking go through the capture pump into the trace;
 * the table is filtered, a frame selected, and the field tree and the hex highlight follow.
 */
@ExtendWith(ApplicationExtension.class)
class TraceWindowTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(Runnable::run, Platform::runLater);
        ExplorerApp.show(stage, model, "test");
        stage.requestFocus();
    }

    @Test
    @SuppressWarnings("unchecked")
    void framesFlowInAndTheDetailFollowsTheSelection(FxRobot robot) throws Exception {
        // The engines run on this thread, as they would on a connection's thread: they only offer to the pump.
        EngineExchange.run("c1", 3, model.capture()::offer);
        TableView<TraceRow> table = robot.lookup(".frame-table").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 21);

        TextField search = robot.lookup(".trace-filter-text").queryAs(TextField.class);
        robot.interact(search::requestFocus);
        robot.write("transfer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, table.getItems().size());
        assertEquals("3 of 21 frames", robot.lookup(".trace-count").queryAs(Label.class).getText());

        Node secondRow = robot.from(table).lookup(".table-row-cell")
                .match((TableRow<TraceRow> r) -> r.getIndex() == 1 && r.getItem() != null).query();
        robot.clickOn(secondRow);
        WaitForAsyncUtils.waitForFxEvents();
        TraceRow selected = table.getSelectionModel().getSelectedItem();
        assertEquals(12, selected.number(), "the second transfer: after 9 frames of setup, a transfer and its disposition");

        TreeTableView<FieldNode> tree = robot.lookup(".field-tree").queryAs(TreeTableView.class);
        List<String> top = tree.getRoot().getChildren().stream().map(i -> i.getValue().name()).toList();
        assertEquals(List.of("frame header", "transfer", "payload"), top);

        selectField(robot, tree, "transfer", "delivery-id");
        assertEquals("5201", highlightedHex(robot), "delivery-id 1 as a smalluint");

        selectField(robot, tree, "payload", "amqp-value", "value");
        FieldNode value = tree.getSelectionModel().getSelectedItem().getValue();
        byte[] raw = selected.frame().rawBytes();
        assertEquals(HexFormat.of().formatHex(raw, value.range().offset(), value.range().end()), highlightedHex(robot));
        assertTrue(value.range().length() > 1);
    }

    @Test
    void keyboardShortcuts(FxRobot robot) {
        EngineExchange.run("c1", 1, model.capture()::offer);
        robot.interact(() -> model.capture().pulse());
        TableView<?> table = robot.lookup(".frame-table").queryTableView();
        robot.interact(table::requestFocus);

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.liveTrace().pausedProperty().get(), "Space pauses while the table has the focus");
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.liveTrace().pausedProperty().get(), "Ctrl+P resumes");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup(".trace-filter-text").queryAs(TextField.class);
        assertTrue(search.isFocused(), "Ctrl+F goes to the search field");
        robot.write("  ");
        assertFalse(model.liveTrace().pausedProperty().get(), "Space in the search field is only a space");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConnectionFilterHoldsWhileNewConnectionsArrive(FxRobot robot) {
        EngineExchange.run("c1", 1, model.capture()::offer);
        robot.interact(() -> model.capture().pulse());
        ComboBox<String> connection = robot.lookup(".trace-filter-connection").queryAs(ComboBox.class);
        robot.interact(() -> connection.getSelectionModel().select("c1"));
        EngineExchange.run("c2", 1, model.capture()::offer);
        robot.interact(() -> model.capture().pulse());
        assertEquals("c1", connection.getValue());
        assertEquals(List.of("c1", "c2"), model.liveTrace().connections());
        TableView<TraceRow> table = robot.lookup(".frame-table").queryTableView();
        assertTrue(table.getItems().stream().allMatch(r -> r.frame().connection().equals("c1")));
    }

    private static void selectField(FxRobot robot, TreeTableView<FieldNode> tree, String... path) {
        TreeItem<FieldNode> item = tree.getRoot();
        for (String name : path) {
            item = item.getChildren().stream().filter(i -> i.getValue().name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no field " + name));
        }
        TreeItem<FieldNode> target = item;
        robot.interact(() -> {
            for (TreeItem<FieldNode> p = target.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
            tree.getSelectionModel().select(target);
        });
        assertNotNull(tree.getSelectionModel().getSelectedItem());
    }

    /** The highlighted hex digits in the dump, in line order, without the spaces between bytes. */
    private static String highlightedHex(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".frame-hex .hex-bytes.hex-highlight").queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .sorted(Comparator.comparingInt(l -> ((ListCell<?>) l.getParent().getParent()).getIndex()))
                .map(l -> l.getText().replace(" ", ""))
                .reduce("", String::concat);
    }
}
