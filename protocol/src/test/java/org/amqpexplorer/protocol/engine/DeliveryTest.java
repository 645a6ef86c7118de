package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.ConnectionTest.error;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amqpexplorer.protocol.engine.EngineEvent.DeliveryAborted;
import org.amqpexplorer.protocol.engine.EngineEvent.FrameSent;
import org.amqpexplorer.protocol.engine.EngineEvent.Side;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;

/** 2.6.12-2.6.14: deliveries, their transfer frames, reassembly and abort. */
class DeliveryTest {

    /** Header, open (the peer's max-frame-size 512), begin. */
    private static Session openSmallFrames(ScriptedPeer p, long peerIncomingWindow) {
        p.peer.expectAMQPHeader().respondWithAMQPHeader();
        p.peer.expectOpen().respond().withMaxFrameSize(512);
        p.peer.expectBegin().respond().withIncomingWindow(peerIncomingWindow);
        p.connection.open();
        Session session = p.connection.session();
        session.begin();
        p.verify();
        return session;
    }

    private static List<Transfer> transfersSent(ScriptedPeer p) {
        return p.events(FrameSent.class).stream().map(FrameSent::body).filter(Transfer.class::isInstance)
                .map(Transfer.class::cast).toList();
    }

    @Test
    void aPayloadLargerThanTheFrameGoesInContinuationTransfers() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = openSmallFrames(p, 100);
            Sender sender = p.sender(session, "q", 10);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            List<org.apache.qpid.protonj2.test.driver.codec.transport.Transfer> seen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                p.peer.expectTransfer().withCapture(seen::add).withNonNullPayload();
            }
            byte[] message = payload(2000);
            p.events.clear();
            sender.send(tag(7), message, 0x80013700L, false);
            p.verify();

            List<FrameSent> frames = p.events(FrameSent.class);
            assertEquals(5, frames.size());
            for (FrameSent frame : frames) {
                assertTrue(frame.frameSize() <= 512, "every frame within the peer's max-frame-size");
                received.write(frame.rawBytes(), frame.frameSize() - frame.payloadSize(), frame.payloadSize());
            }
            assertArrayEquals(message, received.toByteArray());
            List<Transfer> transfers = transfersSent(p);
            Transfer first = transfers.get(0);
            assertEquals(0L, first.deliveryId());
            assertEquals(tag(7), first.deliveryTag());
            assertEquals(0x80013700L, first.messageFormat());
            assertTrue(first.moreOrDefault());
            for (Transfer continuation : transfers.subList(1, 4)) {
                assertNull(continuation.deliveryId());
                assertNull(continuation.deliveryTag());
                assertTrue(continuation.moreOrDefault());
            }
            assertFalse(transfers.get(4).moreOrDefault());
            assertEquals(5, seen.size());
            assertEquals(1, sender.deliveryCount(), "one delivery, one credit, five transfer-ids");
            assertEquals(5, session.nextOutgoingId());
        }
    }

    @Test
    void multiFrameDeliveriesOnTwoLinksAndTwoSessionsInterleave() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = openSmallFrames(p, 100);
            Sender a = p.sender(session, "a", 10);
            Sender b = p.sender(session, "b", 10);
            for (int i = 0; i < 6; i++) {
                p.peer.expectTransfer();
            }
            p.events.clear();
            // Both sends arrive as one batch of commands (as from another thread), so both are queued when the
            // engine starts writing.
            p.connection.post(() -> a.send(tag(1), payload(1200)));
            p.connection.post(() -> b.send(tag(2), payload(1200)));
            p.connection.runPosted();
            p.verify();
            List<Long> handles = transfersSent(p).stream().map(Transfer::handle).toList();
            assertEquals(List.of(0L, 1L, 0L, 1L, 0L, 1L), handles);

            p.peer.expectBegin().respond();
            Session other = p.connection.session();
            other.begin();
            p.verify();
            Sender c = p.sender(other, "c", 10);
            for (int i = 0; i < 6; i++) {
                p.peer.expectTransfer();
            }
            p.events.clear();
            p.connection.post(() -> a.send(tag(3), payload(1200)));
            p.connection.post(() -> c.send(tag(4), payload(1200)));
            p.connection.runPosted();
            p.verify();
            List<Integer> channels = p.events(FrameSent.class).stream().map(FrameSent::channel).toList();
            assertEquals(List.of(0, 1, 0, 1, 0, 1), channels);
        }
    }

    @Test
    void abortingAPartlySentDeliverySendsAnAbortedTransfer() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = openSmallFrames(p, 1);
            Sender sender = p.sender(session, "q", 10);
            p.peer.expectTransfer().withDeliveryId(0).withMore(true);
            OutgoingDelivery big = sender.send(tag(1), payload(2000));
            sender.send(tag(2), payload(10));
            p.verify();
            assertTrue(big.isStarted());
            big.abort();

            // When the window opens: the abort, then the next delivery.
            p.peer.expectTransfer().withAborted(true).withMore(LinkTest.absentOrFalse()).withNullPayload();
            p.peer.expectTransfer().withDeliveryId(1).withMore(LinkTest.absentOrFalse());
            p.peer.remoteFlow().withNextIncomingId(1).withIncomingWindow(5).withDeliveryCount(0).withLinkCredit(10).now();
            p.verify();
            assertTrue(big.isAborted());
            assertTrue(big.isSettled());
            assertEquals(Side.LOCAL, p.events(DeliveryAborted.class).getLast().by());
        }
    }

    @Test
    void abortingADeliveryNotYetStartedSendsNothing() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 0);
            OutgoingDelivery waiting = sender.send(tag(1), payload(10));
            waiting.abort();
            p.verify();
            assertTrue(waiting.isAborted());
            assertEquals(0, sender.queued());
            assertEquals(0, sender.deliveryCount(), "no credit used");
        }
    }

    @Test
    void theReceiverPutsADeliveryTogetherFromItsTransfers() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectFlow();
            receiver.flow(5);
            p.verify();
            List<Boolean> partial = new ArrayList<>();
            List<IncomingDelivery> deliveries = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void delivery(IncomingDelivery delivery) {
                    partial.add(delivery.isPartial());
                    deliveries.add(delivery);
                }
            });
            byte[] message = payload(300);
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {9}).withMessageFormat(0).withMore(true)
                    .withPayload(Arrays.copyOfRange(message, 0, 100)).now();
            p.peer.remoteTransfer().withMore(true).withPayload(Arrays.copyOfRange(message, 100, 200)).now();
            p.peer.remoteTransfer().withMore(false).withPayload(Arrays.copyOfRange(message, 200, 300)).now();
            p.verify();

            assertEquals(List.of(true, true, false), partial);
            IncomingDelivery d = deliveries.get(2);
            assertEquals(3, d.frameCount());
            assertEquals(0, d.deliveryId());
            assertArrayEquals(message, d.readPayload());
            assertEquals(4, receiver.credit(), "one delivery, one credit");
        }
    }

    @Test
    void deliveriesOnTwoLinksArriveInterleavedAndComeApartCleanly() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver one = p.receiver(session, "one");
            Receiver two = p.receiver(session, "two");
            p.peer.expectFlow().withHandle(0);
            p.peer.expectFlow().withHandle(1);
            one.flow(5);
            two.flow(5);
            p.verify();
            List<IncomingDelivery> complete = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void delivery(IncomingDelivery delivery) {
                    if (!delivery.isPartial()) {
                        complete.add(delivery);
                    }
                }
            });
            p.peer.remoteTransfer().withHandle(0).withDeliveryId(0).withDeliveryTag(new byte[] {0}).withMore(true).withPayload(new byte[] {1, 1}).now();
            p.peer.remoteTransfer().withHandle(1).withDeliveryId(1).withDeliveryTag(new byte[] {1}).withMore(true).withPayload(new byte[] {2, 2}).now();
            p.peer.remoteTransfer().withHandle(0).withMore(false).withPayload(new byte[] {1}).now();
            p.peer.remoteTransfer().withHandle(1).withMore(false).withPayload(new byte[] {2}).now();
            p.verify();
            assertEquals(2, complete.size());
            assertArrayEquals(new byte[] {1, 1, 1}, complete.get(0).readPayload());
            assertEquals(one, complete.get(0).link());
            assertArrayEquals(new byte[] {2, 2, 2}, complete.get(1).readPayload());
            assertEquals(two, complete.get(1).link());
        }
    }

    @Test
    void anAbortedIncomingDeliveryIsDroppedAndItsWindowGivenBack() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectFlow();
            receiver.flow(5);
            p.verify();
            List<IncomingDelivery> seen = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void delivery(IncomingDelivery delivery) {
                    seen.add(delivery);
                }
            });
            long window = session.incomingWindow();
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withMore(true).withPayload(payload(50)).now();
            p.peer.remoteTransfer().withAborted(true).now();
            p.verify();
            IncomingDelivery d = seen.getLast();
            assertTrue(d.isAborted());
            assertTrue(d.isSettled());
            assertEquals(0, d.unreadSize());
            assertEquals(Side.REMOTE, p.events(DeliveryAborted.class).getLast().by());
            assertEquals(window - 2, session.incomingWindow(), "the peer's view: two transfer-ids used");
            assertEquals(0, session.incoming.bufferedBytes(), "but nothing is held");

            // The next delivery on the link starts afresh.
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {1}).withPayload(payload(5)).now();
            p.verify();
            assertEquals(1, seen.getLast().deliveryId());
            assertFalse(seen.getLast().isPartial());
        }
    }

    @Test
    void aDeliveryBeyondMaxMessageSizeClosesTheLink() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectAttach().withMaxMessageSize(100).respond().withInitialDeliveryCount(0);
            Receiver receiver = session.receiver(new Attach("r", 0L, Role.RECEIVER, null, null, null, null, null, null,
                    null, 100L, null, null, null));
            receiver.attach();
            p.peer.expectFlow();
            receiver.flow(5);
            p.verify();
            p.peer.expectDetach().withClosed(true).withError(error("amqp:link:message-size-exceeded"));
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withMore(true).withPayload(payload(60)).now();
            p.peer.remoteTransfer().withMore(true).withPayload(payload(60)).now();
            // Whatever the peer still had in flight is discarded without complaint.
            p.peer.remoteTransfer().withMore(false).withPayload(payload(60)).now();
            p.verify();
            assertEquals(EndpointState.CLOSE_SENT, receiver.state());
            assertEquals(0, session.incoming.bufferedBytes());
        }
    }

    @Test
    void withoutMaxMessageSizeTheConnectionsReassemblyLimitBoundsADelivery() {
        try (ScriptedPeer p = ScriptedPeer.initiator(ConnectionOptions.DEFAULT.withClock(() -> 0).withReassemblyLimit(100))) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            assertNull(receiver.localAttach().maxMessageSize(), "the limit is ours to keep, not announced");
            p.peer.expectFlow();
            receiver.flow(5);
            p.verify();
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(100)).now();
            p.verify();
            assertEquals(EndpointState.OPENED, receiver.state(), "100 bytes are within the limit");

            p.peer.expectDetach().withClosed(true).withError(error("amqp:link:message-size-exceeded"));
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {1}).withMore(true).withPayload(payload(60)).now();
            p.peer.remoteTransfer().withMore(false).withPayload(payload(60)).now();
            p.verify();
            assertEquals(EndpointState.CLOSE_SENT, receiver.state());
            assertTrue(receiver.localError().description().contains("reassembly limit 100"), receiver.localError().description());
        }
        assertEquals(64L << 20, ConnectionOptions.DEFAULT.reassemblyLimit());
    }

    @Test
    void aDeliveryWhoseFirstTransferCannotFitEndsItsLink() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = openSmallFrames(p, 100);
            Sender sender = p.sender(session, "q", 10);
            // A 600-byte delivery state makes even an empty first transfer larger than 512 bytes.
            org.amqpexplorer.protocol.codec.AmqpValue state = new org.amqpexplorer.protocol.types.TransactionalState(
                    org.amqpexplorer.protocol.codec.BinaryValue.of(new byte[600]), null);
            p.peer.expectDetach().withClosed(true).withError(error("amqp:frame-size-too-small"));
            OutgoingDelivery d = sender.send(tag(1), payload(10), 0, false, state);
            p.verify();
            assertTrue(d.isAborted());
            assertEquals(EndpointState.CLOSE_SENT, sender.state());
        }
    }

    @Test
    void aFirstTransferWithoutDeliveryIdIsAnInvalidField() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectFlow();
            receiver.flow(5);
            p.verify();
            p.peer.expectEnd().withError(error("amqp:invalid-field"));
            p.peer.remoteTransfer().withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.verify();
        }
    }

    @Test
    void deliveryEventsFollowADeliveryFromCreationToSettlement() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 1);
            p.events.clear();
            p.peer.expectTransfer().respond().withSettled(true).withState().accepted();
            OutgoingDelivery d = sender.send(tag(1), payload(5));
            p.verify();
            List<Class<?>> kinds = p.events.stream().filter(e -> e.getClass().getSimpleName().startsWith("Delivery"))
                    .<Class<?>>map(Object::getClass).toList();
            assertEquals(List.of(EngineEvent.DeliveryCreated.class, EngineEvent.DeliveryTransferred.class,
                    EngineEvent.DeliveryStateChanged.class, EngineEvent.DeliverySettled.class,
                    EngineEvent.DeliverySettled.class), kinds);
            List<EngineEvent.DeliverySettled> settled = p.events(EngineEvent.DeliverySettled.class);
            assertEquals(Side.REMOTE, settled.get(0).by());
            assertEquals(Side.LOCAL, settled.get(1).by());
            assertNotNull(d.remoteState());
            assertEquals(0, p.events(EngineEvent.DeliveryCreated.class).get(0).delivery().deliveryId() + 1,
                    "queued deliveries have no delivery-id yet");
        }
    }
}
