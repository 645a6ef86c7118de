package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.ConnectionTest.error;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.engine.EngineEvent.SessionWindowChanged;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;
import org.junit.jupiter.api.Test;

/** 2.5: sessions, channels and session flow control (2.5.6). */
class SessionTest {

    private static Begin begin(long nextOutgoingId, long incomingWindow, long outgoingWindow) {
        return new Begin(null, nextOutgoingId, incomingWindow, outgoingWindow, null, null, null, null);
    }

    private static void open(ScriptedPeer p) {
        p.peer.expectAMQPHeader().respondWithAMQPHeader();
        p.peer.expectOpen().respond();
        p.connection.open();
        p.verify();
    }

    @Test
    void beginAndEndFreeTheChannelForTheNextSession() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session first = p.openSession();
            assertEquals(0, first.localChannel());
            assertEquals(EndpointState.OPENED, first.state());

            p.peer.expectEnd().respond();
            first.end();
            p.verify();
            assertEquals(EndpointState.CLOSED, first.state());

            p.peer.expectBegin().onChannel(0).respond();
            Session second = p.connection.session();
            second.begin();
            p.verify();
            assertEquals(0, second.localChannel());
        }
    }

    @Test
    void aSessionThePeerBeginsIsAnsweredOnOurOwnChannel() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session ours = p.openSession();
            List<Session> began = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void remoteBegan(Session session) {
                    began.add(session);
                }
            });
            p.peer.expectBegin().onChannel(1).withRemoteChannel(5).withNextOutgoingId(0);
            p.peer.remoteBegin().withNextOutgoingId(42).withIncomingWindow(10).withOutgoingWindow(10).onChannel(5).now();
            p.verify();

            Session theirs = began.get(0);
            assertEquals(1, theirs.localChannel());
            assertEquals(5, theirs.remoteChannel());
            assertEquals(42, theirs.nextIncomingId());
            assertEquals(10, theirs.remoteIncomingWindow());
            assertEquals(2, p.connection.sessions().size());

            p.peer.expectEnd().onChannel(1);
            p.peer.remoteEnd().onChannel(5).now();
            p.verify();
            assertEquals(EndpointState.CLOSED, theirs.state());
            assertEquals(List.of(ours), p.connection.sessions());
        }
    }

    @Test
    void channelsStopAtThePeersChannelMax() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond().withChannelMax(0);
            p.peer.expectBegin().respond();
            p.connection.open();
            p.connection.session().begin();
            p.verify();
            assertThrows(IllegalStateException.class, () -> p.connection.session().begin());
        }
    }

    @Test
    void aBeginBeyondOurChannelMaxIsAFramingError() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.connection.open(new Open("us", null, null, 1, null, null, null, null, null, null));
            p.verify();
            p.peer.expectClose().withError(error("amqp:connection:framing-error"));
            p.peer.remoteBegin().withNextOutgoingId(0).withIncomingWindow(1).withOutgoingWindow(1).onChannel(2).now();
            p.verify();
        }
    }

    @Test
    void aFrameOnAChannelWithoutSessionIsAFramingError() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.openSession();
            p.peer.expectClose().withError(error("amqp:connection:framing-error"));
            p.peer.remoteEnd().onChannel(3).now();
            p.verify();
        }
    }

    @Test
    void aFrameOnAChannelWhoseSessionEndedIsAnIllegalState() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectEnd().respond();
            session.end();
            p.verify();
            p.peer.expectClose().withError(error("amqp:illegal-state"));
            p.peer.remoteFlow().withNextIncomingId(0).withIncomingWindow(1).withNextOutgoingId(0)
                    .withOutgoingWindow(1).withNullHandle().onChannel(0).now();
            p.verify();
        }
    }

    @Test
    void aBeginOnAChannelInUseIsAnIllegalState() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.openSession();
            p.peer.expectClose().withError(error("amqp:illegal-state"));
            p.peer.remoteBegin().withNextOutgoingId(0).withIncomingWindow(1).withOutgoingWindow(1).onChannel(0).now();
            p.verify();
        }
    }

    @Test
    void anEndWithAnErrorIsAnsweredAndItsErrorKept() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectEnd();
            p.peer.remoteEnd().withErrorCondition("amqp:resource-limit-exceeded", "too many").now();
            p.verify();
            assertEquals(EndpointState.CLOSED, session.state());
            assertEquals("amqp:resource-limit-exceeded", session.remoteError().condition());
        }
    }

    @Test
    void aBeginAnsweringNoBeginOfOursIsAnIllegalState() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectClose().withError(error("amqp:illegal-state"));
            p.peer.remoteBegin().withRemoteChannel(4).withNextOutgoingId(0).withIncomingWindow(1).withOutgoingWindow(1).now();
            p.verify();
        }
    }

    @Test
    void senderStopsAtRemoteIncomingWindowZeroAndResumesOnFlow() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().respond().withIncomingWindow(2);
            Session session = p.connection.session();
            session.begin();
            p.verify();
            Sender sender = p.sender(session, "queue", 10);

            p.peer.expectTransfer().withDeliveryId(0);
            p.peer.expectTransfer().withDeliveryId(1);
            for (int i = 0; i < 3; i++) {
                sender.send(tag(i), payload(10));
            }
            p.verify();
            assertEquals(0, session.remoteIncomingWindow());
            assertEquals(1, sender.queued());

            // flow(next-incoming-id=2, incoming-window=5): five more may come.
            p.peer.expectTransfer().withDeliveryId(2);
            p.peer.remoteFlow().withNextIncomingId(2).withIncomingWindow(5).withDeliveryCount(0).withLinkCredit(10).now();
            p.verify();
            assertEquals(4, session.remoteIncomingWindow());
            assertEquals(0, sender.queued());
        }
    }

    @Test
    void aWindowShrunkUnderTransfersInFlightIsZeroNotAHugeNumber() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "queue", 100);
            for (int i = 0; i < 5; i++) {
                p.peer.expectTransfer().withDeliveryId(i);
                sender.send(tag(i), payload(1));
            }
            p.verify();
            // The peer had seen none of the five when it cut its window to 2: 0 + 2 - 5 < 0.
            p.peer.remoteFlow().withNextIncomingId(0).withIncomingWindow(2).withDeliveryCount(0).withLinkCredit(100).now();
            p.pump();
            assertEquals(0, session.remoteIncomingWindow());
            sender.send(tag(5), payload(1));
            p.verify();
            assertEquals(1, sender.queued(), "nothing is sent into a closed window");

            p.peer.expectTransfer().withDeliveryId(5);
            p.peer.remoteFlow().withNextIncomingId(5).withIncomingWindow(2).withDeliveryCount(5).withLinkCredit(95).now();
            p.verify();
            assertEquals(1, session.remoteIncomingWindow());
        }
    }

    @Test
    void consumingIncomingPayloadReopensTheWindowWithASessionFlow() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().withIncomingWindow(4).respond();
            Session session = p.connection.session();
            session.begin(begin(0, 4, 100));
            p.verify();
            Receiver receiver = p.receiver(session, "queue");
            p.peer.expectFlow().withLinkCredit(100);
            receiver.flow(100);
            p.verify();

            List<IncomingDelivery> deliveries = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void delivery(IncomingDelivery delivery) {
                    deliveries.add(delivery);
                }
            });
            for (int i = 0; i < 4; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) i}).withMore(false)
                        .withPayload(payload(20)).now();
            }
            p.verify();
            assertEquals(4, deliveries.size());
            assertEquals(0, session.incomingWindow(), "nothing read yet: no room");

            // Reading two payloads frees two frames of the four: the window is re-advertised on its own, no link flow.
            long nextIncomingId = session.nextIncomingId();
            assertArrayEquals(payload(20), deliveries.get(0).readPayload());
            p.verify();
            p.peer.expectFlow().withNextIncomingId(nextIncomingId).withIncomingWindow(2).withHandle(org.hamcrest.Matchers.nullValue());
            deliveries.get(1).readPayload();
            p.verify();
            assertEquals(2, session.incomingWindow());

            p.peer.expectFlow().withNextIncomingId(nextIncomingId).withIncomingWindow(4).withHandle(org.hamcrest.Matchers.nullValue());
            deliveries.get(2).readPayload();
            deliveries.get(3).readPayload();
            p.verify();
        }
    }

    @Test
    void settlingDeliveriesUnreadGivesTheirRoomInTheWindowBack() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().withIncomingWindow(4).respond();
            Session session = p.connection.session();
            session.begin(begin(0, 4, 100));
            p.verify();
            Receiver receiver = p.receiver(session, "queue");
            p.peer.expectFlow().withLinkCredit(100);
            receiver.flow(100);
            p.verify();
            List<IncomingDelivery> deliveries = new ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void delivery(IncomingDelivery delivery) {
                    deliveries.add(delivery);
                }
            });
            for (int i = 0; i < 4; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) i}).withPayload(payload(20)).now();
            }
            p.verify();
            assertEquals(0, session.incomingWindow());
            assertEquals(80, session.incoming.bufferedBytes());

            // The application settles two without reading them: done with them, so their room comes back.
            p.peer.expectDisposition().withFirst(0).withLast(1).withSettled(true).withState().accepted();
            p.peer.expectFlow().withIncomingWindow(2).withHandle(org.hamcrest.Matchers.nullValue());
            deliveries.get(0).disposition(Accepted.INSTANCE, true);
            deliveries.get(1).disposition(Accepted.INSTANCE, true);
            p.verify();
            assertEquals(40, session.incoming.bufferedBytes());
            assertArrayEquals(payload(20), deliveries.get(0).readPayload(), "still readable, no longer held");
            assertEquals(40, session.incoming.bufferedBytes());

            // Settled by the sender as it arrives, a delivery the application has not seen holds its room until read.
            p.peer.remoteTransfer().withDeliveryId(4).withDeliveryTag(new byte[] {4}).withSettled(true)
                    .withPayload(payload(20)).now();
            p.verify();
            assertTrue(deliveries.get(4).isSettled());
            assertEquals(60, session.incoming.bufferedBytes());
            deliveries.get(4).readPayload();
            assertEquals(40, session.incoming.bufferedBytes());
        }
    }

    @Test
    void theIncomingWindowSetOnALiveSessionGoesOutAtOnceInASessionFlow() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().withIncomingWindow(100).respond();
            Session session = p.connection.session();
            session.begin(begin(0, 100, 100));
            p.verify();
            Receiver receiver = p.receiver(session, "queue");
            p.peer.expectFlow().withLinkCredit(50);
            receiver.flow(50);
            p.verify();

            // 2.5.6: down to 2 frames, said with a flow that names no link.
            p.peer.expectFlow().withIncomingWindow(2).withHandle(org.hamcrest.Matchers.nullValue());
            session.incomingWindow(2);
            p.verify();
            assertEquals(2, session.incomingWindow());

            // Three transfers the peer sent before it heard: the larger window allowed them, no window-violation.
            for (int i = 0; i < 3; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) i}).withPayload(payload(5)).now();
            }
            p.verify();
            assertEquals(EndpointState.OPENED, session.state());
            assertEquals(0, session.incomingWindow());

            // Up to 500: less the three deliveries received and not yet read, which hold their room.
            p.peer.expectFlow().withIncomingWindow(497).withHandle(org.hamcrest.Matchers.nullValue());
            session.incomingWindow(500);
            p.verify();
            assertEquals(497, session.incomingWindow());
            assertThrows(IllegalArgumentException.class, () -> session.incomingWindow(-1));
        }
    }

    @Test
    void aByteBudgetSetOnALiveSessionIsAdvertisedInFrames() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.peer.expectBegin().withIncomingWindow(10).respond();
            p.connection.open(new Open("us", null, 1024L, null, null, null, null, null, null, null));
            Session session = p.connection.session();
            session.begin(begin(0, 10, 100));
            p.verify();
            p.peer.expectFlow().withIncomingWindow(8).withHandle(org.hamcrest.Matchers.nullValue());
            session.incomingWindowBytes(8 * 1024 + 100);
            p.verify();
        }
    }

    @Test
    void aByteBudgetGivesAWindowOfMaxFrameSizedFrames() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.peer.expectBegin().withIncomingWindow(4).respond();
            p.connection.open(new Open("us", null, 1024L, null, null, null, null, null, null, null));
            Session session = p.connection.session();
            session.incomingWindowBytes(4096);
            session.begin();
            p.verify();
        }
    }

    @Test
    void aTransferBeyondOurIncomingWindowIsAWindowViolation() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().respond();
            Session session = p.connection.session();
            session.begin(begin(0, 1, 100));
            p.verify();
            Receiver receiver = p.receiver(session, "queue");
            p.peer.expectFlow();
            receiver.flow(10);
            p.verify();

            p.peer.expectEnd().withError(error("amqp:session:window-violation"));
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {1}).withPayload(payload(5)).now();
            p.verify();
            assertEquals(EndpointState.CLOSE_SENT, session.state());
            assertEquals(EndpointState.OPENED, p.connection.state(), "a session error ends only the session");
        }
    }

    @Test
    void outgoingTransferIdsWrapAtTwoToTheThirtyTwo() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().withNextOutgoingId(0xFFFF_FFFEL).respond().withIncomingWindow(3);
            Session session = p.connection.session();
            session.begin(begin(0xFFFF_FFFEL, 100, 100));
            p.verify();
            Sender sender = p.sender(session, "queue", 100);
            for (int i = 0; i < 3; i++) {
                p.peer.expectTransfer().withDeliveryId(i);
                sender.send(tag(i), payload(3));
            }
            p.verify();
            assertEquals(1, session.nextOutgoingId(), "2^32-2, 2^32-1, 0 were used");
            assertEquals(0, session.remoteIncomingWindow());

            // The peer saw all three: next-incoming-id 1, window 3 again.
            p.peer.expectTransfer().withDeliveryId(3);
            p.peer.remoteFlow().withNextIncomingId(1).withIncomingWindow(3).withDeliveryCount(3).withLinkCredit(97).now();
            sender.send(tag(3), payload(3));
            p.verify();
            assertEquals(2, session.remoteIncomingWindow());
            assertEquals(2, session.nextOutgoingId());
        }
    }

    @Test
    void incomingTransferIdsWrapAtTwoToTheThirtyTwo() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().respond().withNextOutgoingId(0xFFFF_FFFFL);
            Session session = p.connection.session();
            session.begin();
            p.verify();
            Receiver receiver = p.receiver(session, "queue");
            p.peer.expectFlow().withNextIncomingId(0xFFFF_FFFFL).withLinkCredit(5);
            receiver.flow(5);
            p.verify();
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {0}).withPayload(payload(5)).now();
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {1}).withPayload(payload(5)).now();
            p.peer.expectFlow().withNextIncomingId(1).withDeliveryCount(2).withLinkCredit(5);
            p.pump();
            receiver.flow(5);
            p.verify();
        }
    }

    @Test
    void anUsedUpOutgoingWindowIsAdvertisedAgainBeforeTheNextTransfer() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            open(p);
            p.peer.expectBegin().withOutgoingWindow(2).respond();
            Session session = p.connection.session();
            session.begin(begin(0, 100, 2));
            p.verify();
            Sender sender = p.sender(session, "queue", 10);
            p.peer.expectTransfer().withDeliveryId(0);
            p.peer.expectTransfer().withDeliveryId(1);
            p.peer.expectFlow().withNextOutgoingId(2).withOutgoingWindow(2).withHandle(org.hamcrest.Matchers.nullValue());
            p.peer.expectTransfer().withDeliveryId(2);
            for (int i = 0; i < 3; i++) {
                sender.send(tag(i), payload(3));
            }
            p.verify();
        }
    }

    @Test
    void windowChangesAreEvents() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "queue", 10);
            p.events.clear();
            p.peer.expectTransfer();
            sender.send(tag(0), payload(3));
            p.verify();
            SessionWindowChanged last = p.events(SessionWindowChanged.class).getLast();
            assertEquals(1, last.nextOutgoingId());
            assertEquals(session.remoteIncomingWindow(), last.remoteIncomingWindow());
        }
    }
}
