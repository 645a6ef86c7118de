package org.amqpexplorer.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composer and viewer as a person uses them, headless: a nested map built with mouse and keyboard, its
 * typed JSON, Send through a loopback sender, the received message in the viewer, and "edit as new".
 */
@ExtendWith(ApplicationExtension.class)
class ComposerUiTest {
    static final Message EXPECTED = TypedJson.readMessage("""
            {"body": {"amqpValue": {"map": [[{"string": "outer"}, {"map": [[{"string": "inner"}, {"ubyte": 7}]]}]]}}}""");

    static {
        // The robot's mouse glides in 200 steps and types with pauses by default; a test needs neither.
        System.setProperty("testfx.robot.move_max_count", "4");
        System.setProperty("testfx.robot.write_sleep", "2");
    }

    @TempDir
    static Path dir;
    ComposerHarness harness;

    @Start
    void start(Stage stage) {
        harness = new ComposerHarness(dir);
        stage.setScene(new Scene(harness.tabs, 1200, 780));
        stage.show();
        stage.requestFocus();
    }

    @Test
    void buildANestedMapSendItViewItAndEditItAsNew(FxRobot robot) throws Exception {
        MessageForm form = harness.composer.form;
        showBody(robot);
        robot.clickOn("#body-value");
        assertEquals(MessageForm.BodyKind.VALUE, form.bodyKind.get());

        ValueNode root = form.amqpValue;
        pick(robot, editorOf(robot, ".type-editor", root), "map");
        assertEquals(AmqpType.MAP, root.type());

        showBody(robot);
        robot.clickOn(addButtonOf(robot, root));
        ValueNode outer = root.items().getFirst();
        robot.clickOn(editorOf(robot, ".key-editor", outer.key())).write("outer");
        pick(robot, editorOf(robot, ".type-editor", outer.value()), "map");

        // The entry is selected and its value is a map: Add puts the new entry inside it.
        showBody(robot);
        robot.clickOn(editorOf(robot, ".key-editor", outer.key()));
        robot.clickOn(addButtonOf(robot, root));
        ValueNode inner = outer.value().items().getFirst();
        robot.clickOn(editorOf(robot, ".key-editor", inner.key())).write("inner");
        pick(robot, editorOf(robot, ".type-editor", inner.value()), "ubyte");
        robot.clickOn(editorOf(robot, ".value-editor", inner.value())).write("700");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ubyte out of range: 700", inner.value().error(), "shown at the field");
        assertTrue(robot.lookup("#problems").queryListView().isVisible());
        assertTrue(robot.lookup("#send").queryButton().isDisabled(), "nothing is sent while there are problems");
        assertSame(harness.tabs, harness.tabs.getScene().getRoot(), "the decorations stay inside the composer, the window's root is untouched");
        robot.eraseText(2);
        WaitForAsyncUtils.waitForFxEvents();

        assertNull(inner.value().error());
        assertEquals(EXPECTED, harness.composer.message());
        String json = robot.lookup("#json-text").queryAs(TextArea.class).getText();
        assertEquals(EXPECTED, TypedJson.readMessage(json), json);

        robot.clickOn("#send");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> harness.viewer.messageProperty().get() != null
                && harness.tabs.getSelectionModel().getSelectedItem() == harness.viewerTab);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EXPECTED, harness.viewer.messageProperty().get());
        assertEquals(1, harness.composer.countProperty(SentMessage.Status.ACCEPTED).get());
        assertEquals(List.of("amqp-value", "map", "1 entry"), row(robot, 0));
        assertEquals(List.of("string", "outer", "map", "1 entry"), row(robot, 1));
        assertEquals(List.of("string", "inner", "ubyte", "7"), row(robot, 2));
        assertTrue(robot.lookup("#hex").queryAs(TextArea.class).getText().startsWith("00000000  00 53 77 c1 "));

        // Change the composer's message, then bring the received one back with "edit as new".
        robot.interact(() -> form.bodyKind.set(MessageForm.BodyKind.NONE));
        assertEquals(TypedJson.readMessage("{}"), harness.composer.message());
        robot.clickOn("#edit-as-new");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(harness.composerTab, harness.tabs.getSelectionModel().getSelectedItem());
        assertEquals(EXPECTED, harness.composer.message());
        assertEquals(EXPECTED, TypedJson.readMessage(robot.lookup("#json-text").queryAs(TextArea.class).getText()));
        assertEquals("outer", form.amqpValue.items().getFirst().key().text());
    }

    /** Scrolls the form to the body, as a person would. */
    private static void showBody(FxRobot robot) {
        ComposerView view = robot.lookup(".composer").queryAs(ComposerView.class);
        robot.interact(() -> view.scrollTo(robot.lookup("#body-section").query()));
    }

    /** The control of class {@code style} in the composer's trees bound to {@code node}. */
    private static Control editorOf(FxRobot robot, String style, ValueNode node) {
        Control c = robot.lookup(style).match((Node n) -> n.getUserData() == node && n.isVisible()).query();
        assertNotNull(c, style + " for " + node);
        return c;
    }

    private static Button addButtonOf(FxRobot robot, ValueNode root) {
        ValueTreeView tree = robot.lookup(".value-tree").match((ValueTreeView t) -> t.table().getRoot() != null
                && t.table().getRoot().getValue() == root).query();
        return robot.from(tree).lookup(".button").match((Button b) -> b.getText().equals("Add")).query();
    }

    /** Opens a type combo box and clicks the type in its list. */
    private static void pick(FxRobot robot, Control combo, String type) {
        robot.clickOn(combo);
        javafx.scene.control.ListView<?> list = robot.lookup(".combo-box-popup .list-view").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> list.scrollTo(AmqpType.ofSpecName(type).ordinal()));
        Node cell = robot.lookup(".combo-box-popup .list-cell").match((Labeled l) -> type.equals(l.getText())).query();
        robot.clickOn(cell);
        assertEquals(AmqpType.ofSpecName(type), ((ComboBox<?>) combo).getValue());
    }

    /** The texts shown in a viewer row: its labels, left to right. */
    private static List<String> row(FxRobot robot, int index) {
        MessageViewerView view = robot.lookup(".message-viewer").queryAs(MessageViewerView.class);
        TreeItem<ValueNode> item = view.tree().table().getTreeItem(index);
        assertNotNull(item, "row " + index);
        List<String> texts = new ArrayList<>();
        robot.lookup(".tree-table-row-cell").match((javafx.scene.control.TreeTableRow<?> r) -> r.getItem() == item.getValue())
                .queryAs(javafx.scene.control.TreeTableRow.class).lookupAll(".label").stream()
                .filter(Node::isVisible).map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty())
                .forEach(texts::add);
        return texts;
    }
}
