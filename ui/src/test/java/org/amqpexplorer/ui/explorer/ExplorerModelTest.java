package org.amqpexplorer.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Target;
import org.junit.jupiter.api.Test;

/** Two engines in memory; the events of one build the tree, which must say what the protocol did. */
class ExplorerModelTest {
    private final Connection client = Connection.initiator();
    private final Connection server = Connection.acceptor();
    private final List<EngineEvent> events = new ArrayList<>();
    private final List<IncomingDelivery> arrived = new ArrayList<>();

    ExplorerModelTest() {
        client.addObserver(events::add);
        server.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link.localAttach() == null) link.attach();
            }

            @Override
            public void delivery(IncomingDelivery d) {
                if (!d.isPartial()) arrived.add(d);
            }
        });
    }

    /** Moves bytes both ways until both engines are quiet. */
    private void pump() {
        boolean moved = true;
        while (moved) {
            moved = false;
            if (client.hasOutput()) {
                ByteBuffer b = client.takeOutput();
                if (b.hasRemaining()) {
                    server.feed(b);
                    moved = true;
                }
            }
            if (server.hasOutput()) {
                ByteBuffer b = server.takeOutput();
                if (b.hasRemaining()) {
                    client.feed(b);
                    moved = true;
                }
            }
        }
    }

    @Test
    void theTreeFollowsConnectionSessionLinkAndDelivery() {
        ExplorerModel model = new ExplorerModel();
        ConnectionNode c = model.addConnection("localhost:5672", false);

        client.open();
        Session session = client.session();
        session.begin();
        Sender sender = session.sender(new Attach("orders-sender", 0L, Role.SENDER, null, null, null,
                new Target(new StringValue("orders"), null, null, null, null, null, null), null, null, null, null, null, null, null));
        sender.attach();
        pump();
        model.apply(c, events);
        events.clear();

        assertEquals(EndpointState.OPENED, c.state());
        assertNotNull(c.remoteOpenProperty().get());
        SessionNode s = c.sessions().get(0);
        assertEquals(EndpointState.OPENED, s.state());
        assertEquals(0, s.localChannelProperty().get());
        assertNotNull(s.localBeginProperty().get());
        assertNotNull(s.remoteBeginProperty().get());
        LinkNode l = s.links().get(0);
        assertEquals("sender orders-sender → orders", l.title());
        assertEquals(EndpointState.OPENED, l.state());
        assertNotNull(l.remoteAttachProperty().get());
        assertEquals(List.of("sender blocked: link credit is 0 (the receiver has granted none)"), FlowDiagnosis.of(l));

        // The server grants credit: the diagnosis clears and the figure shows it.
        ((Receiver) server.sessions().get(0).links().get(0)).flow(3);
        pump();
        model.apply(c, events);
        events.clear();
        assertEquals(3, l.localFlowProperty().get().linkCredit());
        assertTrue(l.summaryProperty().get().startsWith("credit 3"), l.summaryProperty().get());
        assertEquals(List.of(), FlowDiagnosis.of(l));

        // An unsettled delivery is counted at once, listed once it has stayed unsettled a while, and listed until
        // the server's outcome settles it here.
        sender.send(BinaryValue.of(new byte[] {7}), new byte[100]);
        pump();
        model.apply(c, events);
        events.clear();
        assertEquals(1, l.unsettledCountProperty().get());
        for (int i = 1; i < ExplorerModel.LIST_AFTER_PULSES; i++) model.pulse();
        assertEquals(List.of(), l.deliveries());
        model.pulse();
        DeliveryNode d = l.deliveries().get(0);
        assertEquals(0, d.deliveryIdProperty().get());
        assertEquals(100, d.sizeProperty().get());
        assertEquals(2, l.localFlowProperty().get().linkCredit());

        arrived.get(0).disposition(Accepted.INSTANCE, true);
        pump();
        model.apply(c, events);
        events.clear();
        assertEquals(Accepted.INSTANCE, d.deliveryStateProperty().get());
        assertTrue(d.settledThereProperty().get());
        d.link().session(); // still reachable from the node
        arrived.clear();

        // Close with an error: the tree shows it and keeps the history.
        client.close(new ErrorCondition(ErrorCondition.INTERNAL_ERROR, "shown to the user", null));
        pump();
        model.apply(c, events);
        assertEquals(EndpointState.CLOSED, c.state());
        assertEquals("shown to the user", c.errorProperty().get().description());
        assertEquals(List.of(EndpointState.OPEN_SENT, EndpointState.OPENED, EndpointState.CLOSE_SENT, EndpointState.CLOSED),
                c.history().stream().map(ExplorerNode.StateChange::state).toList());
    }

    @Test
    void aSessionThePeerBeganIsOneNodeBeforeAndAfterWeAnswer() {
        ExplorerModel model = new ExplorerModel();
        List<EngineEvent> serverEvents = new ArrayList<>();
        server.addObserver(serverEvents::add);
        ConnectionNode c = model.addConnection("accepted", true);
        client.open();
        client.session().begin();
        pump();
        model.apply(c, serverEvents);
        assertEquals(1, c.sessions().size());
        SessionNode s = c.sessions().get(0);
        assertEquals(EndpointState.OPENED, s.state());
        assertEquals(0, s.localChannelProperty().get());
        assertEquals(0, s.remoteChannelProperty().get());
        assertNotNull(s.remoteBeginProperty().get());
        assertNotNull(s.localBeginProperty().get());
    }

    @Test
    void aReceiverWithoutCreditWhileTheSenderHasMessagesSaysSo() {
        ExplorerModel model = new ExplorerModel();
        ConnectionNode c = model.addConnection("peer", false);
        client.open();
        Session session = client.session();
        session.begin();
        Receiver receiver = session.receiver("inbox");
        receiver.attach();
        pump();
        Sender serverSender = (Sender) server.sessions().get(0).links().get(0);
        serverSender.available(3);
        pump();
        model.apply(c, events);
        LinkNode l = c.sessions().get(0).links().get(0);
        assertEquals(List.of("receiver has credit 0 while the sender reports 3 available"), FlowDiagnosis.of(l));
    }

    @Test
    void aDeliverySettledSoonIsCountedButNeverListed() {
        ExplorerModel model = new ExplorerModel();
        ConnectionNode c = model.addConnection("peer", false);
        client.open();
        Session session = client.session();
        session.begin();
        Sender sender = session.sender(new Attach("s", 0L, Role.SENDER, null, null, null,
                new Target(new StringValue("q"), null, null, null, null, null, null), null, null, null, null, null, null, null));
        sender.attach();
        pump();
        ((Receiver) server.sessions().get(0).links().get(0)).flow(10);
        pump();
        model.apply(c, events);
        events.clear();
        LinkNode l = c.sessions().get(0).links().get(0);
        List<String> listChanges = new ArrayList<>();
        l.deliveries().addListener((javafx.collections.ListChangeListener<DeliveryNode>) ch -> listChanges.add(ch.toString()));

        // Sent in one pulse, settled by the peer's outcome two pulses later: counted meanwhile, never listed.
        sender.send(BinaryValue.of(new byte[] {1}), new byte[10]);
        pump();
        model.apply(c, events);
        events.clear();
        model.pulse();
        assertEquals(1, l.unsettledCountProperty().get());
        model.pulse();
        arrived.remove(0).disposition(Accepted.INSTANCE, true);
        pump();
        model.apply(c, events);
        events.clear();
        for (int i = 0; i < ExplorerModel.LIST_AFTER_PULSES; i++) model.pulse();
        assertEquals(0, l.unsettledCountProperty().get());
        assertEquals(List.of(), listChanges, "the tree's rows never changed");

        // One that stays unsettled is listed, oldest first.
        sender.send(BinaryValue.of(new byte[] {2}), new byte[10]);
        pump();
        model.apply(c, events);
        events.clear();
        model.pulse();
        sender.send(BinaryValue.of(new byte[] {3}), new byte[10]);
        pump();
        model.apply(c, events);
        events.clear();
        for (int i = 0; i < ExplorerModel.LIST_AFTER_PULSES; i++) model.pulse();
        assertEquals(List.of(1L, 2L), l.deliveries().stream().map(d -> d.deliveryIdProperty().get()).toList());
    }

    @Test
    void aReceiverKeepsItsNewestThousandMessagesChangingItsListOncePerBatch() {
        ExplorerModel model = new ExplorerModel();
        ConnectionNode c = model.addConnection("peer", false);
        client.open();
        client.session().begin();
        client.sessions().get(0).receiver("inbox").attach();
        pump();
        model.apply(c, events);
        LinkNode l = c.sessions().get(0).links().get(0);
        int[] changes = {0};
        l.received().addListener((javafx.collections.ListChangeListener<ReceivedMessage>) ch -> changes[0]++);
        model.received(c, 0, "inbox", messages(0, 700));
        model.received(c, 0, "inbox", messages(700, 1_500));
        assertEquals(2, changes[0]);
        assertEquals(LinkNode.MAX_RECEIVED, l.received().size());
        assertEquals(500, l.received().get(0).deliveryId());
        assertEquals(1_499, l.received().get(LinkNode.MAX_RECEIVED - 1).deliveryId());
    }

    private static List<ReceivedMessage> messages(int from, int to) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (int i = from; i < to; i++) out.add(new ReceivedMessage(i, i, "00", 0, new byte[0], null, null));
        return out;
    }
}
