package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Received;
import org.amqpexplorer.protocol.types.Role;
import org.apache.qpid.protonj2.test.driver.codec.primitives.Binary;
import org.junit.jupiter.api.Test;

/**
 * 2.6.13 building blocks: the unsettled maps of a re-attach go both ways as composed and as received, and a
 * delivery can be resumed. {@link LinkRecoveryTest} decides from the two maps what to resend.
 */
class ResumeTest {

    @Test
    void aReattachCarriesOurUnsettledMapAndResumesADelivery() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            BinaryValue half = BinaryValue.of(new byte[] {1});
            BinaryValue none = BinaryValue.of(new byte[] {2});
            Map<AmqpValue, AmqpValue> unsettled = new LinkedHashMap<>();
            unsettled.put(half, new Received(0L, 100L));
            unsettled.put(none, NullValue.NULL);
            AtomicReference<Map<Binary, ?>> seen = new AtomicReference<>();
            p.peer.expectAttach().withIncompleteUnsettled(false).withCapture(a -> seen.set(a.getUnsettled())).respond();
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(5).queue();
            Sender sender = session.sender(new Attach("durable-link", 0L, Role.SENDER, null, null, null, null,
                    new MapValue(unsettled), false, null, null, null, null, null));
            sender.attach();
            p.verify();
            assertEquals(2, seen.get().size());
            assertTrue(seen.get().containsKey(new Binary(new byte[] {1})));

            p.peer.expectTransfer().withDeliveryTag(new byte[] {1}).withResume(true);
            OutgoingDelivery resumed = sender.resume(half, payload(50), 0, false, new Received(0L, 100L));
            p.verify();
            assertTrue(resumed.isSent());
        }
    }

    @Test
    void aResumedIncomingDeliveryIsMarkedSo() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "durable-link");
            p.peer.expectFlow();
            receiver.flow(2);
            p.verify();
            List<IncomingDelivery> got = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void delivery(IncomingDelivery delivery) {
                    got.add(delivery);
                }
            });
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {7}).withResume(true).withPayload(payload(5)).now();
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {8}).withPayload(payload(5)).now();
            p.verify();
            assertTrue(got.get(0).isResumed());
            assertFalse(got.get(1).isResumed());
        }
    }
}
