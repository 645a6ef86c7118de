package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.engine.EngineEvent.ConnectionStateChanged;
import org.amqpexplorer.protocol.engine.EngineEvent.FrameSent;
import org.amqpexplorer.protocol.engine.EngineEvent.HeaderSent;
import org.amqpexplorer.protocol.engine.EngineEvent.ProtocolError;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Open;
import org.apache.qpid.protonj2.test.driver.matchers.transport.ErrorConditionMatcher;
import org.junit.jupiter.api.Test;

/** 2.4: header exchange, open negotiation, close, heartbeats and idle time-out. */
class ConnectionTest {

    static ErrorConditionMatcher error(String condition) {
        return new ErrorConditionMatcher().withCondition(condition);
    }

    @Test
    void initiatorSendsHeaderAndOpenAndReadsThePeersOpen() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().withContainerId("us").withHostname("broker.example").withMaxFrameSize(4096)
                    .withChannelMax(9).withIdleTimeOut(30_000).withOutgoingLocales("en-GB").withIncomingLocales("de")
                    .withOfferedCapabilities("ANONYMOUS-RELAY").withDesiredCapabilities("DELAYED_DELIVERY")
                    .withProperty("product", "explorer")
                    .respond().withContainerId("them").withMaxFrameSize(1024).withChannelMax(7).withIdleTimeOut(60_000)
                    .withOfferedCapabilities("ANONYMOUS-RELAY");
            p.connection.open(new Open("us", "broker.example", 4096L, 9, 30_000L, List.of("en-GB"), List.of("de"),
                    List.of("ANONYMOUS-RELAY"), List.of("DELAYED_DELIVERY"),
                    new MapValue(Map.of(new SymbolValue("product"), new StringValue("explorer")))));
            p.verify();

            assertEquals(EndpointState.OPENED, p.connection.state());
            Open theirs = p.connection.remoteOpen();
            assertEquals("them", theirs.containerId());
            assertEquals(1024L, theirs.maxFrameSize());
            assertEquals(7, theirs.channelMax());
            assertEquals(60_000L, theirs.idleTimeOut());
            assertEquals(List.of("ANONYMOUS-RELAY"), theirs.offeredCapabilities());
            assertEquals(List.of(EndpointState.OPEN_SENT, EndpointState.OPENED),
                    p.events(ConnectionStateChanged.class).stream().map(ConnectionStateChanged::state).toList());
        }
    }

    @Test
    void acceptorAnswersTheHeaderAndTheOpen() {
        try (ScriptedPeer p = ScriptedPeer.acceptor()) {
            p.peer.expectAMQPHeader();
            p.peer.expectOpen();
            p.peer.remoteAMQPHeader().now();
            p.peer.remoteOpen().withContainerId("client").now();
            p.verify();
            assertEquals(EndpointState.OPENED, p.connection.state());
            assertEquals("client", p.connection.remoteOpen().containerId());
        }
    }

    @Test
    void anApplicationHandlerAnswersTheOpenItself() {
        try (ScriptedPeer p = ScriptedPeer.acceptor()) {
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void remoteOpened(Connection connection) {
                    connection.open(new Open("server-" + connection.remoteOpen().containerId()));
                }
            });
            p.peer.expectAMQPHeader();
            p.peer.expectOpen().withContainerId("server-client");
            p.peer.remoteAMQPHeader().now();
            p.peer.remoteOpen().withContainerId("client").now();
            p.verify();
        }
    }

    @Test
    void openBeginAndAttachArePipelinedBeforeThePeerAnswers() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.connection.open();
            Session session = p.connection.session();
            session.begin();
            Sender sender = session.sender("pipelined");
            sender.attach();
            assertEquals(EndpointState.OPEN_SENT, p.connection.state());
            assertEquals(EndpointState.OPEN_SENT, session.state());
            assertEquals(EndpointState.OPEN_SENT, sender.state());

            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.peer.expectBegin().respond();
            p.peer.expectAttach().withName("pipelined").respond();
            p.verify();
            assertEquals(EndpointState.OPENED, sender.state());
        }
    }

    @Test
    void closeCarriesTheErrorAndThePeersCloseEndsTheConnection() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.openSession();
            p.peer.expectClose().withError(error("amqp:connection:forced")).respond();
            p.connection.close(new ErrorCondition(ErrorCondition.CONNECTION_FORCED, "shutting down"));
            p.verify();
            assertEquals(EndpointState.CLOSED, p.connection.state());
            assertTrue(p.connection.isFinished());
        }
    }

    @Test
    void aCloseFromThePeerIsAnsweredAndItsErrorKept() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectClose();
            p.peer.remoteClose().withErrorCondition("amqp:internal-error", "oops").now();
            p.verify();
            assertEquals(EndpointState.CLOSED, p.connection.state());
            assertEquals("amqp:internal-error", p.connection.remoteError().condition());
            assertEquals(EndpointState.CLOSED, session.state());
        }
    }

    @Test
    void closingBeforeOpeningSendsAnOpenFirst() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen();
            p.peer.expectClose();
            p.connection.close();
            p.verify();
        }
    }

    @Test
    void heartbeatsGoOutAtHalfThePeersIdleTimeOut() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond().withIdleTimeOut(1000);
            p.connection.open();
            p.verify();

            assertEquals(500, p.connection.tick(0), "next heartbeat due at half of 1000 ms");
            assertEquals(500, p.connection.tick(499));
            assertFalse(p.connection.hasOutput());

            p.peer.expectEmptyFrame();
            assertEquals(1000, p.connection.tick(500));
            p.verify();
            assertEquals(1, p.peer.getEmptyFrameCount());

            // Other frames count as traffic: a flow at 700 pushes the next heartbeat to 1200.
            p.connection.session().begin();
            p.peer.expectBegin();
            p.verify();
            assertEquals(1200, p.connection.tick(700));
            assertEquals(1200, p.connection.tick(1199));
            assertFalse(p.connection.hasOutput());
        }
    }

    @Test
    void silenceForOurIdleTimeOutClosesWithResourceLimitExceeded() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.connection.open(new Open("us", null, null, null, 1000L, null, null, null, null, null));
            p.verify();

            assertEquals(1000, p.connection.tick(0));
            // A heartbeat from the peer at 600 restarts the clock.
            p.peer.remoteEmptyFrame().now();
            p.pump();
            assertEquals(1600, p.connection.tick(600));

            p.peer.expectClose().withError(error("amqp:resource-limit-exceeded"));
            assertEquals(0, p.connection.tick(1600));
            p.verify();
            assertEquals(EndpointState.CLOSE_SENT, p.connection.state());
            assertEquals(1, p.events(ProtocolError.class).size());
        }
    }

    @Test
    void aSaslHeaderIsRefusedWithOurHeader() {
        Connection connection = Connection.acceptor(ConnectionOptions.DEFAULT.withClock(() -> 0));
        List<EngineEvent> events = new java.util.ArrayList<>();
        connection.addObserver(events::add);
        connection.feed(ProtocolHeader.SASL.toByteArray());
        assertArrayEquals(ProtocolHeader.AMQP.toByteArray(), bytes(connection.takeOutput()));
        assertTrue(connection.isFinished());
        assertEquals(EndpointState.CLOSED, connection.state());
        assertEquals(ErrorCondition.CONNECTION_FRAMING_ERROR,
                events.stream().filter(ProtocolError.class::isInstance).map(ProtocolError.class::cast).findFirst().orElseThrow()
                        .error().condition());
        // Further bytes are ignored.
        connection.feed(new byte[] {1, 2, 3});
        assertFalse(connection.hasOutput());
    }

    @Test
    void bytesThatAreNoHeaderAreRefusedToo() {
        Connection connection = Connection.acceptor();
        connection.feed("HTTP/1.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(ProtocolHeader.AMQP.toByteArray(), bytes(connection.takeOutput()));
        assertTrue(connection.isFinished());
    }

    @Test
    void aFrameBeyondOurMaxFrameSizeIsAFramingError() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.connection.open(new Open("us", null, 512L, null, null, null, null, null, null, null));
            p.verify();
            p.peer.expectClose().withError(error("amqp:connection:framing-error"));
            // A frame header announcing 600 bytes.
            p.peer.remoteBytes().withBytes(new byte[] {0, 0, 2, 0x58, 2, 0, 0, 0}).now();
            p.verify();
        }
    }

    @Test
    void aFramingErrorBeforeOurOpenIsAnsweredWithOpenAndClose() {
        try (ScriptedPeer p = ScriptedPeer.acceptor()) {
            p.peer.expectAMQPHeader();
            p.peer.expectOpen();
            p.peer.expectClose().withError(error("amqp:connection:framing-error"));
            p.peer.remoteAMQPHeader().now();
            // A frame header announcing 4 bytes: less than the header itself.
            p.peer.remoteBytes().withBytes(new byte[] {0, 0, 0, 4, 2, 0, 0, 0}).now();
            p.verify();
            assertEquals(EndpointState.CLOSE_SENT, p.connection.state());
        }
    }

    @Test
    void aFrameBodyThatIsNoPerformativeIsADecodeError() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.connection.open();
            p.verify();
            p.peer.expectClose().withError(error("amqp:decode-error"));
            // 8-byte header + the string "x" (a0 01 78): a body, but not a described performative.
            p.peer.remoteBytes().withBytes(new byte[] {0, 0, 0, 11, 2, 0, 0, 0, (byte) 0xa0, 1, 'x'}).now();
            p.verify();
        }
    }

    @Test
    void aPerformativeMissingAMandatoryFieldIsADecodeError() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.connection.open();
            p.verify();
            p.peer.expectClose().withError(error("amqp:decode-error"));
            // begin with an empty field list: next-outgoing-id, incoming-window and outgoing-window are mandatory.
            p.peer.remoteBytes().withBytes(new byte[] {0, 0, 0, 12, 2, 0, 0, 0, 0x00, 0x53, 0x11, 0x45}).now();
            p.verify();
            assertTrue(p.events(ProtocolError.class).get(0).error().description().contains("begin"),
                    p.events(ProtocolError.class).get(0).toString());
        }
    }

    @Test
    void inPushModeOutputGoesToTheConsumerAsEachCallReturns() {
        Connection connection = Connection.initiator();
        List<ByteBuffer> written = new java.util.ArrayList<>();
        connection.outputConsumer(written::add);
        connection.open(new Open("us"));
        assertEquals(1, written.size());
        assertFalse(connection.hasOutput());
        ByteBuffer bytes = written.get(0);
        byte[] header = new byte[8];
        bytes.get(header);
        assertArrayEquals(ProtocolHeader.AMQP.toByteArray(), header);
        assertEquals(bytes.remaining(), bytes.getInt(bytes.position()), "then one frame: the open");
    }

    @Test
    void theTransportGoingAwayClosesEverythingAtOnce() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            Sender sender = p.sender(session, "q", 1);
            List<Connection> told = new java.util.ArrayList<>();
            p.connection.handler(new ConnectionHandler() {
                @Override
                public void transportClosed(Connection connection) {
                    told.add(connection);
                }
            });
            p.connection.transportClosed();
            assertEquals(List.of(p.connection), told);
            assertEquals(EndpointState.CLOSED, p.connection.state());
            assertEquals(EndpointState.CLOSED, session.state());
            assertEquals(EndpointState.CLOSED, sender.state());
            assertTrue(p.connection.isFinished());
            assertFalse(p.connection.hasOutput());
        }
    }

    @Test
    void commandsPostedFromAnotherThreadRunOnTheDrivingThread() throws InterruptedException {
        Connection connection = Connection.initiator();
        java.util.concurrent.atomic.AtomicInteger wakeups = new java.util.concurrent.atomic.AtomicInteger();
        connection.wakeup(wakeups::incrementAndGet);
        Thread other = new Thread(() -> connection.post(connection::open));
        other.start();
        other.join();
        assertEquals(1, wakeups.get());
        assertFalse(connection.hasOutput(), "nothing runs until the driving thread says so");
        connection.runPosted();
        assertEquals(EndpointState.OPEN_SENT, connection.state());
        assertTrue(connection.hasOutput());
    }

    @Test
    void aSessionFrameBeforeTheOpenIsAnIllegalState() {
        try (ScriptedPeer p = ScriptedPeer.acceptor()) {
            p.peer.expectAMQPHeader();
            p.peer.expectOpen();
            p.peer.expectClose().withError(error("amqp:illegal-state"));
            p.peer.remoteAMQPHeader().now();
            p.peer.remoteBegin().withNextOutgoingId(0).withIncomingWindow(1).withOutgoingWindow(1).now();
            p.verify();
        }
    }

    @Test
    void aSecondOpenIsAnIllegalState() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.openSession();
            p.peer.expectClose().withError(error("amqp:illegal-state"));
            p.peer.remoteOpen().now();
            p.verify();
        }
    }

    @Test
    void eventsCarryDecodedFramesAndRawBytesOnRequest() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.peer.expectAMQPHeader().respondWithAMQPHeader();
            p.peer.expectOpen().respond();
            p.connection.open(new Open("us"));
            p.verify();
            assertEquals(1, p.events(HeaderSent.class).size());
            FrameSent open = p.events(FrameSent.class).get(0);
            assertEquals(new Open("us"), open.body());
            assertEquals(open.frameSize(), open.rawBytes().length);
            assertEquals(ByteBuffer.wrap(open.rawBytes()).getInt(), open.frameSize());
            assertEquals(1, p.events(EngineEvent.FrameReceived.class).size());
        }
    }

    @Test
    void anUnobservedEngineBuildsNoEvents() {
        Connection connection = Connection.initiator(ConnectionOptions.DEFAULT.withClock(() -> {
            throw new AssertionError("no event, so no timestamp");
        }));
        connection.open();
        assertTrue(connection.hasOutput());
        assertNull(connection.remoteOpen());
    }

    @Test
    void misuseIsRefusedAtTheCall() {
        Connection connection = Connection.initiator();
        assertThrows(IllegalStateException.class, () -> connection.session().begin(), "no begin before open");
        assertThrows(IllegalArgumentException.class,
                () -> connection.open(new Open("x", null, 100L, null, null, null, null, null, null, null)));
        connection.open();
        assertThrows(IllegalStateException.class, connection::open);
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }
}
