package org.amqpexplorer.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Accepted;
import org.junit.jupiter.api.Test;

/** What waits for the tree is bounded by the protocol state, not by how many messages went by. */
class ExplorerFeedTest {

    @Test
    void tenThousandSettledDeliveriesLeaveOnlyTheLatestState() {
        Connection client = Connection.initiator();
        Connection server = Connection.acceptor();
        ExplorerFeed feed = new ExplorerFeed();
        client.addObserver(feed);
        server.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link.localAttach() == null) link.attach();
                if (link instanceof Receiver r) r.flow(1_000);
            }

            @Override
            public void delivery(IncomingDelivery d) {
                if (!d.isPartial()) {
                    d.readPayload(); // frees the session's incoming window (2.5.6)
                    d.disposition(Accepted.INSTANCE, true);
                    ((Receiver) d.receiver()).addCredit(1);
                }
            }
        });
        client.handler(new ConnectionHandler() {
            @Override
            public void remoteDisposition(org.amqpexplorer.protocol.engine.Delivery d) {
                if (d.isRemotelySettled()) d.settle(); // at-least-once: the sender settles after the receiver
            }
        });
        client.open();
        Session s = client.session();
        s.begin();
        Sender sender = s.sender("bulk");
        sender.attach();
        pump(client, server);
        for (int i = 0; i < 10_000; i++) {
            sender.send(BinaryValue.of(new byte[] {(byte) i, (byte) (i >> 8)}), new byte[64]);
            if (i % 100 == 0) pump(client, server);
        }
        pump(client, server);

        List<EngineEvent> waiting = feed.drain();
        assertTrue(waiting.size() < 40, "events waiting: " + waiting.size() + " " + waiting.stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.getClass().getSimpleName(), java.util.stream.Collectors.counting())));
        ExplorerModel model = new ExplorerModel();
        ConnectionNode c = model.addConnection("memory", false);
        model.apply(c, waiting);
        LinkNode l = c.sessions().get(0).links().get(0);
        assertEquals(0, l.unsettledCountProperty().get());
        assertEquals(10_000, l.localFlowProperty().get().deliveryCount());
        assertEquals(List.of(), feed.drain());
    }

    private static void pump(Connection a, Connection b) {
        boolean moved = true;
        while (moved) {
            moved = false;
            if (a.hasOutput()) {
                ByteBuffer x = a.takeOutput();
                moved |= x.hasRemaining();
                b.feed(x);
            }
            if (b.hasOutput()) {
                ByteBuffer x = b.takeOutput();
                moved |= x.hasRemaining();
                a.feed(x);
            }
        }
    }
}
