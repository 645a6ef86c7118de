package org.amqpexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.ui.explorer.ConnectionNode;
import org.amqpexplorer.ui.explorer.DeliveryNode;
import org.amqpexplorer.ui.explorer.ExplorerNode;
import org.amqpexplorer.ui.explorer.LinkNode;
import org.amqpexplorer.ui.explorer.SessionNode;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window against the built-in peer, driven as a person would: one click starts the peer and connects;
 * a receiver is attached with manual credit from the session's menu; credit is granted; the composer sends on a
 * sender link; the delivery appears and credit goes down; it is accepted from the delivery's menu; the frames
 * are in the trace; the connection is closed with an error, which the tree shows.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(Runnable::run, Platform::runLater);
        ExplorerApp.show(stage, model, "test");
        stage.requestFocus();
    }

    @AfterEach
    void stopPeer(FxRobot robot) {
        robot.interact(() -> model.live().stopPeer());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TreeView<ExplorerNode> tree(FxRobot robot) {
        return robot.lookup(".explorer .tree-view").queryAs(TreeView.class);
    }

    /** The tree cell showing {@code node} (scrolled into view). */
    private static Node cell(FxRobot robot, ExplorerNode node) {
        TreeView<ExplorerNode> tree = tree(robot);
        robot.interact(() -> {
            TreeItem<ExplorerNode> item = find(tree.getRoot(), node);
            tree.scrollTo(tree.getRow(item));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(tree).lookup(".tree-cell").match((TreeCell<ExplorerNode> c) -> c.getItem() == node).query();
    }

    private static TreeItem<ExplorerNode> find(TreeItem<ExplorerNode> item, ExplorerNode node) {
        if (item.getValue() == node) return item;
        for (TreeItem<ExplorerNode> c : item.getChildren()) {
            TreeItem<ExplorerNode> f = find(c, node);
            if (f != null) return f;
        }
        return null;
    }

    /** Selects {@code node} in the tree and picks {@code action} from the Actions menu (the context menu's twin). */
    private static void act(FxRobot robot, ExplorerNode node, String action) {
        robot.clickOn(cell(robot, node));
        robot.clickOn("#tree-actions");
        robot.clickOn(action);
    }

    private static LinkNode link(SessionNode s, String name) {
        return s.links().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void aPersonWatchesCreditDeliveriesSettlementAndAnErrorLive(FxRobot robot) throws Exception {
        robot.clickOn("#empty-action");
        waitFor(() -> model.live().model().connections().size() == 2
                && model.live().model().connections().stream().allMatch(c -> c.state() == EndpointState.OPENED));
        ConnectionNode ours = model.live().model().connections().stream().filter(c -> !c.isAccepted()).findFirst().orElseThrow();
        waitFor(() -> ours.sessions().size() == 1 && ours.sessions().get(0).links().size() == 2);
        SessionNode session = ours.sessions().get(0);

        // A receiver with manual credit, from the session's menu.
        act(robot, session, "Attach a receiver…");
        robot.interact(() -> {
            robot.lookup("#attach-address").queryAs(TextField.class).setText("manual");
            robot.lookup("#attach-credit").queryAs(TextField.class).setText("0");
        });
        robot.clickOn("OK");
        waitFor(() -> session.links().stream().anyMatch(l -> l.role() == Role.RECEIVER && "manual".equals(l.address())
                && l.state() == EndpointState.OPENED));
        LinkNode receiver = session.links().stream().filter(l -> "manual".equals(l.address())).findFirst().orElseThrow();

        // Credit 2, granted by hand.
        act(robot, receiver, "Grant credit…");
        robot.interact(() -> robot.lookup(".dialog-pane .text-field").queryAs(TextField.class).setText("2"));
        robot.clickOn("OK");
        waitFor(() -> receiver.localFlowProperty().get() != null && receiver.localFlowProperty().get().linkCredit() == 2);

        // A sender to the same address, and the composer sends one message on it.
        act(robot, session, "Attach a sender…");
        robot.interact(() -> robot.lookup("#attach-address").queryAs(TextField.class).setText("manual"));
        robot.clickOn("OK");
        waitFor(() -> session.links().stream().anyMatch(l -> l.role() == Role.SENDER && "manual".equals(l.address())
                && l.state() == EndpointState.OPENED));
        LinkNode sender = session.links().stream().filter(l -> l.role() == Role.SENDER && "manual".equals(l.address())).findFirst().orElseThrow();
        robot.clickOn(cell(robot, sender));
        robot.clickOn("Compose");
        robot.interact(() -> robot.lookup("#json-text").queryAs(TextArea.class)
                .setText("{\"body\": {\"amqpValue\": {\"map\": [[{\"symbol\": \"k\"}, {\"list\": [{\"ubyte\": 7}]}]]}}}"));
        waitFor(() -> !robot.lookup("#send").queryAs(Button.class).isDisabled());
        robot.clickOn("#send");

        // The delivery appears under the receiver, unsettled; its credit went down by one.
        waitFor(() -> receiver.unsettledCountProperty().get() == 1 && receiver.deliveries().size() == 1);
        assertEquals(1, receiver.localFlowProperty().get().linkCredit());
        DeliveryNode delivery = receiver.deliveries().get(0);
        assertTrue(receiver.summaryProperty().get().contains("credit 1"), receiver.summaryProperty().get());

        // Accepted from its menu: settled here, gone from the tree.
        act(robot, delivery, "Accept");
        waitFor(() -> receiver.unsettledCountProperty().get() == 0);

        // The frames are in the trace: our flow with credit 2, the transfer and our disposition.
        robot.clickOn("Live trace");
        waitFor(() -> model.liveTrace().shownFrames().stream().anyMatch(f -> f.body() instanceof Disposition d
                && d.role() == Role.RECEIVER && d.settledOrDefault()));
        assertTrue(model.liveTrace().shownFrames().stream().anyMatch(f -> f.body() instanceof Flow fl
                && fl.linkCredit() != null && fl.linkCredit() == 2));
        assertTrue(model.liveTrace().shownFrames().stream().anyMatch(f -> f.body() instanceof Transfer));

        // Closed with an error from the connection's menu: the tree says so.
        act(robot, ours, "Close…");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> conditions = robot.lookup(".dialog-pane .combo-box").queryAs(javafx.scene.control.ComboBox.class);
            conditions.setValue("amqp:internal-error");
            robot.lookup("#error-description").queryAs(TextField.class).setText("closed by hand");
        });
        robot.clickOn("OK");
        waitFor(() -> ours.state() == EndpointState.CLOSED);
        assertNotNull(ours.errorProperty().get());
        assertEquals("closed by hand", ours.errorProperty().get().description());
        TreeCell<?> connectionCell = (TreeCell<?>) cell(robot, ours);
        assertTrue(robot.from(connectionCell).lookup(".state-error").tryQuery().isPresent(), "the badge shows the error");
    }
}
