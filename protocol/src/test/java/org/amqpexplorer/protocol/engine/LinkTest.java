package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.ConnectionTest.error;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkFlowChanged;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.apache.qpid.protonj2.test.driver.codec.messaging.Source;
import org.junit.jupiter.api.Test;

/** 2.6: links, attach and detach, and link flow control (2.6.7). */
class LinkTest {

    static Attach attach(String name, Role role) {
        return new Attach(name, 0L, role, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A boolean field at its default: absent, or false. */
    static org.hamcrest.Matcher<?> absentOrFalse() {
        return org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.equalTo(false));
    }

    static org.amqpexplorer.protocol.types.Source source(String address) {
        return org.amqpexplorer.protocol.types.Source.of(address);
    }

    @Test
    void attachCarriesWhatTheApplicationComposed() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            AtomicReference<Object> source = new AtomicReference<>();
            p.peer.expectAttach().withName("orders").ofReceiver().withHandle(0).withSndSettleMode((byte) 0)
                    .withRcvSettleMode((byte) 1).withMaxMessageSize(65536).withInitialDeliveryCount(org.hamcrest.Matchers.nullValue())
                    .withCapture(a -> source.set(a.getSource()))
                    .respond().withMaxMessageSize(org.apache.qpid.protonj2.test.driver.codec.primitives.UnsignedLong.valueOf(1024));
            Receiver receiver = session.receiver(new Attach("orders", 99L, Role.SENDER, SenderSettleMode.UNSETTLED,
                    ReceiverSettleMode.SECOND, source("queue/orders"), null, null, null, 7L, 65536L, null, null, null));
            receiver.attach();
            p.verify();

            assertEquals("queue/orders", ((Source) source.get()).getAddress());
            assertEquals(EndpointState.OPENED, receiver.state());
            assertEquals(0, receiver.handle());
            assertEquals(Role.SENDER, receiver.remoteAttach().role());
            assertEquals(0, receiver.deliveryCount(), "from the sender's initial-delivery-count");
        }
    }

    @Test
    void aLinkThePeerAttachesIsAnsweredInKind() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.openSession();
            List<Link> attached = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void remoteAttached(Link link) {
                    attached.add(link);
                }
            });
            p.peer.expectAttach().withName("incoming").ofReceiver().withHandle(0);
            p.peer.remoteAttach().ofSender().withName("incoming").withHandle(3).withInitialDeliveryCount(10).now();
            p.verify();
            Receiver receiver = (Receiver) attached.get(0);
            assertEquals(3, receiver.remoteHandle());
            assertEquals(10, receiver.deliveryCount());
            assertEquals(EndpointState.OPENED, receiver.state());
        }
    }

    @Test
    void handlesStopAtThePeersHandleMax() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.peer.expectBegin().respond().withHandleMax(0);
            p.connection.open();
            Session session = p.connection.session();
            session.begin();
            p.verify();
            p.sender(session, "one", 0);
            assertThrows(IllegalStateException.class, () -> session.sender("two").attach());
        }
    }

    @Test
    void anAttachBeyondOurHandleMaxIsAFramingError() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.peer.expectBegin().withHandleMax(3).respond();
            p.connection.open();
            p.connection.session().begin(new org.amqpexplorer.protocol.types.Begin(null, 0L, 100L, 100L, 3L, null, null, null));
            p.verify();
            p.peer.expectClose().withError(error("amqp:connection:framing-error"));
            p.peer.remoteAttach().ofSender().withName("x").withHandle(4).withInitialDeliveryCount(0).now();
            p.verify();
        }
    }

    @Test
    void anAttachOnAHandleInUseIsHandleInUse() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.openSession();
            p.peer.expectAttach().withName("a");
            p.peer.remoteAttach().ofSender().withName("a").withHandle(1).withInitialDeliveryCount(0).now();
            p.verify();
            p.peer.expectEnd().withError(error("amqp:session:handle-in-use"));
            p.peer.remoteAttach().ofSender().withName("b").withHandle(1).withInitialDeliveryCount(0).now();
            p.verify();
        }
    }

    @Test
    void detachClosedOrNotAndTheHandleIsFreeAfterwards() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender first = p.sender(session, "first", 0);
            p.peer.expectDetach().withHandle(0).withClosed(absentOrFalse()).respond();
            first.detach();
            p.verify();
            assertEquals(EndpointState.CLOSED, first.state());
            assertFalse(first.isRemotelyClosed());

            Sender second = p.sender(session, "second", 0);
            assertEquals(0, second.handle(), "handle 0 was free again");
            p.peer.expectDetach().withHandle(0).withClosed(true).withError(error("amqp:not-allowed")).respond();
            second.close(new org.amqpexplorer.protocol.types.ErrorCondition("amqp:not-allowed", "no"));
            p.verify();
            assertTrue(second.isRemotelyClosed());
        }
    }

    @Test
    void aDetachFromThePeerIsAnsweredInKind() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectDetach().withClosed(true);
            p.peer.remoteDetach().withClosed(true).withErrorCondition("amqp:resource-deleted", "gone").now();
            p.verify();
            assertEquals(EndpointState.CLOSED, receiver.state());
            assertEquals("amqp:resource-deleted", receiver.remoteError().condition());
            assertTrue(session.links().isEmpty());
        }
    }

    @Test
    void aSenderNeverExceedsItsCredit() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 2);
            assertEquals(2, sender.credit());
            p.peer.expectTransfer().withDeliveryId(0);
            p.peer.expectTransfer().withDeliveryId(1);
            for (int i = 0; i < 3; i++) {
                sender.send(tag(i), payload(5));
            }
            p.verify();
            assertEquals(0, sender.credit());
            assertEquals(1, sender.queued());
            assertEquals(2, sender.deliveryCount());

            // The receiver saw both and grants one more: delivery-count 2 + link-credit 1 - 2 = 1.
            p.peer.expectTransfer().withDeliveryId(2);
            p.peer.remoteFlow().withDeliveryCount(2).withLinkCredit(1).now();
            p.verify();
            assertEquals(0, sender.credit());
        }
    }

    @Test
    void drainWithNothingToSendGivesAllCreditBack() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 0);
            p.peer.expectFlow().withDeliveryCount(5).withLinkCredit(0).withDrain(true);
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(5).withDrain(true).now();
            p.verify();
            assertEquals(0, sender.credit());
            assertEquals(5, sender.deliveryCount());
        }
    }

    @Test
    void drainWithMessagesSendsThemThenGivesTheRestBack() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 0);
            sender.send(tag(0), payload(5));
            sender.send(tag(1), payload(5));
            p.verify();
            p.peer.expectTransfer().withDeliveryId(0);
            p.peer.expectTransfer().withDeliveryId(1);
            p.peer.expectFlow().withDeliveryCount(5).withLinkCredit(0).withDrain(true);
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(5).withDrain(true).now();
            p.verify();
            // A message sent after the drain completed waits for new credit.
            sender.send(tag(2), payload(5));
            p.verify();
            assertEquals(1, sender.queued());
        }
    }

    @Test
    void drainUsedUpByTransfersNeedsNoFlow() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 0);
            sender.send(tag(0), payload(5));
            sender.send(tag(1), payload(5));
            p.peer.expectTransfer().withDeliveryId(0);
            p.peer.expectTransfer().withDeliveryId(1);
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(2).withDrain(true).now();
            p.verify();
            assertEquals(0, sender.credit());
        }
    }

    @Test
    void aReceiverDrainCompletesWhenTheSenderAdvancesItsDeliveryCount() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectFlow().withDeliveryCount(0).withLinkCredit(10).withDrain(absentOrFalse());
            receiver.flow(10);
            p.verify();

            p.peer.expectFlow().withLinkCredit(10).withDrain(true);
            receiver.drain();
            p.verify();
            assertFalse(receiver.isDrained());

            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.peer.remoteFlow().withDeliveryCount(10).withLinkCredit(0).withDrain(true).now();
            p.verify();
            assertTrue(receiver.isDrained());
            assertEquals(0, receiver.credit());
            assertEquals(10, receiver.deliveryCount());

            // A transfer after the drain completed has no credit left.
            p.peer.expectDetach().withClosed(true).withError(error("amqp:link:transfer-limit-exceeded"));
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {1}).withPayload(payload(5)).now();
            p.verify();
        }
    }

    @Test
    void aTransferBeyondCreditIsTransferLimitExceeded() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectFlow().withLinkCredit(1);
            receiver.flow(1);
            p.verify();
            p.peer.expectDetach().withClosed(true).withError(error("amqp:link:transfer-limit-exceeded"));
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {1}).withPayload(payload(5)).now();
            p.verify();
            assertEquals(EndpointState.CLOSE_SENT, receiver.state());
            assertEquals(EndpointState.OPENED, session.state(), "a link error ends only the link");
            EngineEvent.ProtocolError seen = p.events(EngineEvent.ProtocolError.class).get(0);
            assertEquals(EngineEvent.Scope.LINK, seen.scope());
            assertEquals("amqp:link:transfer-limit-exceeded", seen.error().condition());
            EngineEvent.LinkStateChanged detached = p.events(EngineEvent.LinkStateChanged.class).getLast();
            assertEquals(EndpointState.CLOSE_SENT, detached.state());
            assertEquals("amqp:link:transfer-limit-exceeded", detached.error().condition());
        }
    }

    @Test
    void deliveriesInFlightWhenCreditIsLoweredAreNoViolation() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = p.receiver(session, "r");
            p.peer.expectFlow().withLinkCredit(3);
            receiver.flow(3);
            p.verify();
            p.peer.expectFlow().withLinkCredit(0);
            receiver.flow(0);
            p.verify();
            // The peer had sent three under the first grant before it saw the second.
            for (int i = 0; i < 3; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) i}).withPayload(payload(1)).now();
            }
            p.verify();
            assertEquals(EndpointState.OPENED, receiver.state());
            assertEquals(3, receiver.deliveryCount());
            p.peer.expectDetach().withError(error("amqp:link:transfer-limit-exceeded"));
            p.peer.remoteTransfer().withDeliveryId(3).withDeliveryTag(new byte[] {3}).withPayload(payload(1)).now();
            p.verify();
        }
    }

    @Test
    void framesOnAHandleNotAttachedAreUnattachedHandle() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.receiver(session, "r");
            p.peer.expectEnd().withError(error("amqp:session:unattached-handle"));
            p.peer.remoteFlow().withHandle(7).withDeliveryCount(0).withLinkCredit(1).now();
            p.verify();
        }
    }

    @Test
    void aTransferOnAHandleNotAttachedIsUnattachedHandle() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.receiver(session, "r");
            p.peer.expectEnd().withError(error("amqp:session:unattached-handle"));
            p.peer.remoteTransfer().withHandle(9).withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.verify();
        }
    }

    @Test
    void aTransferFromTheReceivingEndIsAnIllegalState() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.sender(session, "q", 1);
            p.peer.expectDetach().withClosed(true).withError(error("amqp:illegal-state"));
            p.peer.remoteTransfer().withHandle(0).withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(1)).now();
            p.verify();
        }
    }

    @Test
    void echoIsAnsweredWithOurFlowState() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.sender(session, "q", 0);
            p.peer.expectFlow().withDeliveryCount(0).withLinkCredit(3).withEcho(absentOrFalse());
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(3).withEcho(true).now();
            p.verify();
        }
    }

    @Test
    void initialDeliveryCountWrapsLikeEverySequenceNumber() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectAttach().withInitialDeliveryCount(0xFFFF_FFFFL).respond();
            p.peer.remoteFlow().withDeliveryCount(0xFFFF_FFFFL).withLinkCredit(2).queue();
            Sender sender = session.sender(new Attach("q", 0L, Role.SENDER, null, null, null, null, null, null,
                    0xFFFF_FFFFL, null, null, null, null));
            sender.attach();
            p.verify();
            assertEquals(2, sender.credit());
            p.peer.expectTransfer();
            p.peer.expectTransfer();
            sender.send(tag(0), payload(1));
            sender.send(tag(1), payload(1));
            p.verify();
            assertEquals(1, sender.deliveryCount());
            // delivery-count 1 + credit 1 - 1 = 1 across the wrap.
            p.peer.remoteFlow().withDeliveryCount(1).withLinkCredit(1).now();
            p.pump();
            assertEquals(1, sender.credit());
        }
    }

    @Test
    void theReceiversMaxMessageSizeBindsTheSender() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectAttach().respond().withMaxMessageSize(org.apache.qpid.protonj2.test.driver.codec.primitives.UnsignedLong.valueOf(100));
            Sender sender = session.sender("q");
            sender.attach();
            p.verify();
            assertThrows(IllegalArgumentException.class, () -> sender.send(tag(0), payload(101)));
        }
    }

    @Test
    void availableIsToldInAFlow() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 0);
            p.peer.expectFlow().withAvailable(5).withDeliveryCount(0).withLinkCredit(0);
            sender.available(5);
            p.verify();
        }
    }

    @Test
    void creditGrantedBeforeAttachGoesOutRightAfterIt() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Receiver receiver = session.receiver("r");
            receiver.flow(4);
            p.peer.expectAttach().withName("r").respond();
            p.peer.expectFlow().withLinkCredit(4).withDeliveryCount(org.hamcrest.Matchers.nullValue());
            receiver.attach();
            p.verify();
        }
    }

    @Test
    void creditChangesAreEventsWithBothEnds() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 0);
            p.events.clear();
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(7).now();
            p.pump();
            LinkFlowChanged flow = p.events(LinkFlowChanged.class).getLast();
            assertEquals(7, flow.local().linkCredit());
            assertEquals(7, flow.remote().linkCredit());
            assertEquals(0, flow.remote().deliveryCount());
            assertEquals("q", flow.link().name());
            assertEquals(7, sender.credit());
        }
    }
}
