package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.LinkTest.absentOrFalse;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.Received;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.junit.jupiter.api.Test;

/** 2.6.12 transferring a message, 3.4 outcomes, 2.7.6 dispositions. */
class SettlementTest {

    private static Attach attach(String name, Role role, SenderSettleMode snd, ReceiverSettleMode rcv) {
        return new Attach(name, 0L, role, snd, rcv, null, null, null, null, null, null, null, null, null);
    }

    /** A receiver with credit, and the deliveries it gets. */
    private static Receiver receiver(ScriptedPeer p, Session session, ReceiverSettleMode mode, List<IncomingDelivery> into) {
        p.peer.expectAttach().respond().withInitialDeliveryCount(0);
        p.peer.expectFlow();
        Receiver receiver = session.receiver(attach("r", Role.RECEIVER, null, mode));
        receiver.attach();
        receiver.flow(100);
        p.verify();
        p.connection.handler(new ConnectionHandler() {
            @Override
            public void delivery(IncomingDelivery delivery) {
                if (!delivery.isPartial()) {
                    into.add(delivery);
                }
            }
        });
        return receiver;
    }

    @Test
    void atMostOnceSendsSettledAndHearsNothingBack() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectAttach().withSndSettleMode((byte) 1).respond();
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(5).queue();
            Sender sender = session.sender(attach("q", Role.SENDER, SenderSettleMode.SETTLED, null));
            sender.attach();
            p.verify();
            p.peer.expectTransfer().withSettled(true);
            OutgoingDelivery d = sender.send(tag(1), payload(10));
            p.verify();
            assertTrue(d.isSettled());
            assertTrue(d.isRemotelySettled());
            assertThrows(IllegalArgumentException.class, () -> sender.send(tag(2), payload(1), 0, false));
        }
    }

    @Test
    void atMostOnceReceivedIsSettledOnArrival() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            List<IncomingDelivery> got = new ArrayList<>();
            receiver(p, session, null, got);
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withSettled(true).withPayload(payload(5)).now();
            p.verify();
            assertTrue(got.get(0).isRemotelySettled());
            assertTrue(got.get(0).isSettled());
            assertFalse(p.connection.hasOutput(), "no disposition for a settled transfer");
        }
    }

    @Test
    void atLeastOnceTheReceiverSettlesWithItsOutcome() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 5);
            List<Delivery> updates = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void remoteDisposition(Delivery delivery) {
                    updates.add(delivery);
                }
            });
            p.peer.expectTransfer().withSettled(false).respond().withSettled(true).withState().accepted();
            OutgoingDelivery d = sender.send(tag(1), payload(10));
            p.verify();
            assertEquals(List.of(d), updates);
            assertEquals(Accepted.INSTANCE, d.remoteState());
            assertTrue(d.isRemotelySettled());
            assertTrue(d.isSettled(), "settled here too: nothing more to say about it");
        }
    }

    @Test
    void atLeastOnceAsReceiverAcceptsAndSettlesInOneDisposition() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            List<IncomingDelivery> got = new ArrayList<>();
            receiver(p, session, ReceiverSettleMode.FIRST, got);
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.pump();
            p.peer.expectDisposition().withRole(true).withFirst(0).withSettled(true).withState().accepted();
            got.get(0).disposition(Accepted.INSTANCE, true);
            p.verify();
            assertTrue(got.get(0).isSettled());
        }
    }

    @Test
    void exactlyOnceTheSenderSettlesOnTheReceiversOutcome() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectAttach().withRcvSettleMode((byte) 1).respond().withRcvSettleMode((byte) 1);
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(5).queue();
            Sender sender = session.sender(attach("q", Role.SENDER, SenderSettleMode.UNSETTLED, ReceiverSettleMode.SECOND));
            sender.attach();
            p.verify();

            // The receiver says accepted but keeps the delivery: we settle, and say so.
            p.peer.expectTransfer().respond().withSettled(false).withState().accepted();
            p.peer.expectDisposition().withRole(false).withFirst(0).withSettled(true).withState().accepted();
            OutgoingDelivery d = sender.send(tag(1), payload(10));
            p.verify();
            assertTrue(d.isSettled());
            assertFalse(d.isRemotelySettled());
        }
    }

    @Test
    void exactlyOnceTheReceiverSettlesOnlyAfterTheSender() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            List<IncomingDelivery> got = new ArrayList<>();
            receiver(p, session, ReceiverSettleMode.SECOND, got);
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.pump();
            IncomingDelivery d = got.get(0);
            assertThrows(IllegalStateException.class, d::settle, "mode second: not before the sender");

            p.peer.expectDisposition().withRole(true).withFirst(0).withSettled(absentOrFalse()).withState().accepted();
            d.disposition(Accepted.INSTANCE, false);
            p.verify();
            assertFalse(d.isSettled());

            p.peer.remoteDisposition().withRole(false).withFirst(0).withSettled(true).withState().accepted().now();
            p.verify();
            assertTrue(d.isRemotelySettled());
            assertTrue(d.isSettled(), "the last step settles without another frame");
        }
    }

    @Test
    void everyOutcomeGoesOutAsComposed() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            List<IncomingDelivery> got = new ArrayList<>();
            receiver(p, session, ReceiverSettleMode.FIRST, got);
            for (int i = 0; i < 5; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) i}).withPayload(payload(5)).now();
            }
            p.pump();
            List<Object> states = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                p.peer.expectDisposition().withFirst(i).withCapture(disposition -> states.add(disposition.getState()));
            }
            got.get(0).disposition(new Received(1L, 100L), false);
            got.get(1).disposition(Accepted.INSTANCE, true);
            got.get(2).disposition(new Rejected(new ErrorCondition(ErrorCondition.INVALID_FIELD, "bad header")), true);
            got.get(3).disposition(Released.INSTANCE, true);
            got.get(4).disposition(new Modified(true, true, null), true);
            p.verify();
            assertEquals(List.of("Received", "Accepted", "Rejected", "Released", "Modified"),
                    states.stream().map(s -> s.getClass().getSimpleName()).toList());
            var rejected = (org.apache.qpid.protonj2.test.driver.codec.messaging.Rejected) states.get(2);
            assertEquals("amqp:invalid-field", rejected.getError().getCondition().toString());
            var modified = (org.apache.qpid.protonj2.test.driver.codec.messaging.Modified) states.get(4);
            assertTrue(modified.getDeliveryFailed());
            assertTrue(modified.getUndeliverableHere());
        }
    }

    @Test
    void dispositionsAreBatchedIntoRanges() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            List<IncomingDelivery> got = new ArrayList<>();
            receiver(p, session, ReceiverSettleMode.FIRST, got);
            for (int i = 0; i < 6; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) i}).withPayload(payload(5)).now();
            }
            p.pump();
            // Accept 0-2 and 5, release 3, accept 4 before the output is next taken: four runs, out of id order.
            p.peer.expectDisposition().withFirst(0).withLast(2).withSettled(true).withState().accepted();
            p.peer.expectDisposition().withFirst(3).withLast(org.hamcrest.Matchers.nullValue()).withState().released();
            p.peer.expectDisposition().withFirst(4).withLast(5).withSettled(true).withState().accepted();
            for (int i : new int[] {5, 2, 0, 1, 4}) {
                got.get(i).disposition(Accepted.INSTANCE, true);
            }
            got.get(3).disposition(Released.INSTANCE, true);
            p.verify();
        }
    }

    @Test
    void aDispositionRangeFromThePeerSettlesEveryDeliveryInIt() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 10);
            List<OutgoingDelivery> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                p.peer.expectTransfer();
                sent.add(sender.send(tag(i), payload(3)));
            }
            p.verify();
            p.peer.remoteDisposition().withRole(true).withFirst(1).withLast(3).withSettled(true).withState().released().now();
            p.verify();
            assertFalse(sent.get(0).isRemotelySettled());
            for (OutgoingDelivery d : sent.subList(1, 4)) {
                assertTrue(d.isRemotelySettled());
                assertEquals(Released.INSTANCE, d.remoteState());
            }
        }
    }
}
