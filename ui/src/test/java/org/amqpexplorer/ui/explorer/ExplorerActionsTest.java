package org.amqpexplorer.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.junit.jupiter.api.Test;

/** Commands given in the tree reach the peer as the frames they stand for. */
class ExplorerActionsTest {
    private final Connection client = Connection.initiator();
    private final Connection server = Connection.acceptor();
    private final List<EngineEvent> events = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final ExplorerModel model = new ExplorerModel();
    private final ExplorerActions actions = new ExplorerActions(errors::add);
    private final ConnectionNode node = model.addConnection("in memory", false);

    ExplorerActionsTest() {
        client.addObserver(events::add);
        server.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link.localAttach() == null) link.attach();
            }
        });
        actions.register(node, new ConnectionControl() {
            @Override
            public void post(Consumer<Connection> command) {
                command.accept(client);
                pump();
            }

            @Override
            public boolean canPauseReading() {
                return false;
            }

            @Override
            public void pauseReading(boolean pause) {
            }

            @Override
            public boolean isReadingPaused() {
                return false;
            }

            @Override
            public void shutdown() {
            }
        });
        client.open();
        pump();
    }

    private void pump() {
        boolean moved = true;
        while (moved) {
            moved = false;
            if (client.hasOutput()) {
                ByteBuffer b = client.takeOutput();
                moved |= b.hasRemaining();
                server.feed(b);
            }
            if (server.hasOutput()) {
                ByteBuffer b = server.takeOutput();
                moved |= b.hasRemaining();
                client.feed(b);
            }
        }
        model.apply(node, events);
        events.clear();
    }

    @Test
    void aReceiverWithManualCreditGetsCreditAndDrainsByHand() {
        actions.begin(node, 100, 100);
        SessionNode s = node.sessions().get(0);
        assertEquals(100, s.localBeginProperty().get().incomingWindow());
        actions.attach(s, "inbox-receiver", Role.RECEIVER, "inbox", SenderSettleMode.UNSETTLED, ReceiverSettleMode.FIRST, 0);
        LinkNode l = s.links().get(0);
        assertEquals("receiver inbox-receiver → inbox", l.title());
        Sender peer = (Sender) server.sessions().get(0).links().get(0);
        assertEquals(0, peer.credit());

        actions.grantCredit(l, 5);
        assertEquals(5, peer.credit());
        assertEquals(5, l.localFlowProperty().get().linkCredit());

        actions.drain(l);
        // The peer has nothing to send: its drain completes with credit 0 and delivery-count advanced (2.6.7).
        assertEquals(0, peer.credit());
        assertEquals(5, peer.deliveryCount());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void closingALinkWithAnErrorShowsIt() {
        actions.begin(node, 10, 10);
        SessionNode s = node.sessions().get(0);
        actions.attach(s, "out", Role.SENDER, "q", SenderSettleMode.MIXED, ReceiverSettleMode.FIRST, 0);
        LinkNode l = s.links().get(0);
        actions.detach(l, true, new ErrorCondition("amqp:internal-error", "stopped by hand"));
        assertEquals(EndpointState.CLOSED, l.state());
        assertEquals("stopped by hand", l.errorProperty().get().description());
    }

    @Test
    void aReceivedDeliveryIsSettledFromTheTree() {
        actions.begin(node, 10, 10);
        SessionNode s = node.sessions().get(0);
        actions.attach(s, "in", Role.RECEIVER, "q", SenderSettleMode.UNSETTLED, ReceiverSettleMode.FIRST, 1);
        Sender peer = (Sender) server.sessions().get(0).links().get(0);
        org.amqpexplorer.protocol.engine.OutgoingDelivery sent = peer.send(org.amqpexplorer.protocol.codec.BinaryValue.of(new byte[] {9}), new byte[10]);
        pump();
        LinkNode l = s.links().get(0);
        assertEquals(1, l.unsettledCountProperty().get());
        for (int i = 0; i < ExplorerModel.LIST_AFTER_PULSES; i++) model.pulse();
        DeliveryNode d = l.deliveries().get(0);
        actions.disposition(d, org.amqpexplorer.protocol.types.Accepted.INSTANCE, true);
        assertEquals(org.amqpexplorer.protocol.types.Accepted.INSTANCE, sent.remoteState());
        assertEquals(0, l.unsettledCountProperty().get());
        actions.settle(d);
        assertEquals(List.of("cannot settle delivery 0: delivery 0 is already settled"), errors);
    }

    @Test
    void theIncomingWindowIsSetOnALiveSessionAndThePeerHearsOfIt() {
        actions.begin(node, 100, 100);
        SessionNode s = node.sessions().get(0);
        actions.incomingWindow(s, 3);
        assertEquals(3, s.windowProperty().get().incomingWindow());
        assertEquals(3, server.sessions().get(0).remoteIncomingWindow());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aCommandTheEngineRefusesIsReportedInWords() {
        actions.begin(node, 10, 10);
        SessionNode s = node.sessions().get(0);
        actions.attach(s, "out", Role.SENDER, "q", SenderSettleMode.MIXED, ReceiverSettleMode.FIRST, 0);
        actions.grantCredit(s.links().get(0), 5);
        assertEquals(List.of("cannot grant credit on out: out is a sender: only a receiver grants credit or drains"), errors);
    }
}
