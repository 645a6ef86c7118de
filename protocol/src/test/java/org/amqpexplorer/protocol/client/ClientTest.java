package org.amqpexplorer.protocol.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.Listener;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client API over real sockets against a small broker made of our engine and transport. */
class ClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestBroker broker;
    private final List<ClientConnection> connections = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(ServerOptions.ANONYMOUS);
    }

    @AfterEach
    void stop() {
        for (ClientConnection c : connections) c.shutdown();
        broker.close();
    }

    private ClientSession session() {
        ClientConnection c = ClientConnection.connect(AmqpUrl.parse("amqp://127.0.0.1:" + broker.port()));
        connections.add(c);
        Await.result(c.opened(), WAIT, "open");
        return Await.result(c.begin(), WAIT, "begin");
    }

    private static Message text(String s) {
        return Message.of(Body.value(new StringValue(s)));
    }

    @ParameterizedTest
    @EnumSource(DeliveryGuarantee.class)
    void sendsAndReceivesWithEachGuarantee(DeliveryGuarantee guarantee) throws Exception {
        ClientSession session = session();
        ClientSender sender = Await.result(session.attachSender("q", guarantee), WAIT, "attach");
        List<CompletableFuture<DeliveryOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) outcomes.add(sender.send(text("m" + i)));
        for (CompletableFuture<DeliveryOutcome> f : outcomes) {
            DeliveryOutcome o = Await.result(f, WAIT, "outcome");
            assertTrue(o.isSuccess(), o.describe());
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, o.presettled());
        }
        for (int i = 0; i < 5; i++) {
            TestBroker.Arrival a = broker.arrivals.poll(10, TimeUnit.SECONDS);
            assertNotNull(a);
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, a.presettled());
            assertEquals(guarantee.receiverSettleMode(), a.receiverSettleMode());
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            for (int i = 0; i < 5; i++) assertNotNull(broker.settledBySender.poll(10, TimeUnit.SECONDS));
        }

        ClientReceiver receiver = Await.result(session.attachReceiver("q", guarantee, 2, 0), WAIT, "attach");
        for (int i = 0; i < 5; i++) {
            ReceivedMessage m = receiver.receive(WAIT);
            assertNotNull(m);
            assertEquals(text("m" + i), m.message());
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, m.isSettled());
            Await.result(m.accept(), WAIT, "settlement");
        }
        assertNull(receiver.receive(Duration.ofMillis(100)));
        Await.result(session.connection().close(), WAIT, "close");
    }

    @Test
    void linksCloseAndSessionsEndWhenAsked() throws Exception {
        ClientSession session = session();
        ClientSender sender = Await.result(session.attachSender("q", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        assertNotNull(sender.name());
        Await.result(sender.close(), WAIT, "detach");
        ClientException closed = assertThrows(ClientException.class, () -> Await.result(sender.send(text("late")), WAIT, "outcome"));
        assertEquals("the link to 'q' is closed", closed.getMessage());
        ClientReceiver receiver = Await.result(session.attachReceiver("q", DeliveryGuarantee.AT_LEAST_ONCE, 5, 0), WAIT, "attach");
        broker.put("q", text("to reject").toBytes());
        Await.result(receiver.receive(WAIT).reject(new ErrorCondition(ErrorCondition.DECODE_ERROR, "no")), WAIT, "settlement");
        Await.result(session.end(), WAIT, "end");
        assertThrows(ClientException.class, () -> receiver.receive(WAIT));
        assertNull(session.connection().connectedTransport().tls());
        Await.result(session.connection().close(), WAIT, "close");
    }

    @Test
    void theAttachCarriesTheSettleModesAndOutcomes() {
        ClientSession session = session();
        Await.result(session.attachSender("q", DeliveryGuarantee.EXACTLY_ONCE), WAIT, "attach");
        var attach = broker.attaches.get(0);
        assertEquals(SenderSettleMode.UNSETTLED, attach.sndSettleMode());
        assertEquals(ReceiverSettleMode.SECOND, attach.rcvSettleMode());
        assertTrue(attach.source() instanceof org.amqpexplorer.protocol.types.Source s && s.outcomes().contains("amqp:rejected:list"));
    }

    @Test
    void exactlyOnceIsRefusedWhenThePeerWantsTheReceiverToSettleFirst() throws Exception {
        ClientSession session = session();
        ClientException send = assertThrows(ClientException.class,
                () -> Await.result(session.attachSender("settle-first", DeliveryGuarantee.EXACTLY_ONCE), WAIT, "attach"));
        assertEquals("the peer's receiver at 'settle-first' settles first (rcv-settle-mode first): exactly-once is not available",
                send.getMessage());
        broker.put("settle-first", text("kept").toBytes());
        ClientException receive = assertThrows(ClientException.class,
                () -> Await.result(session.attachReceiver("settle-first", DeliveryGuarantee.EXACTLY_ONCE, 5, 0), WAIT, "attach"));
        assertEquals("the peer's sender at 'settle-first' wants the receiver to settle first (rcv-settle-mode first): "
                + "exactly-once is not available", receive.getMessage());
        Thread.sleep(100);
        assertEquals(1, broker.depth("settle-first"), "no credit was granted: the message stays");
        // The same peer, asked for at-least-once, is fine.
        ClientReceiver r = Await.result(session.attachReceiver("settle-first", DeliveryGuarantee.AT_LEAST_ONCE, 5, 0), WAIT, "attach");
        Await.result(r.receive(WAIT).accept(), WAIT, "accept");
    }

    @Test
    void aRejectedOutcomeCarriesTheError() {
        ClientSender sender = Await.result(session().attachSender("reject-all", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        DeliveryOutcome o = Await.result(sender.send(text("x")), WAIT, "outcome");
        assertFalse(o.isSuccess());
        assertInstanceOf(Rejected.class, o.state());
        assertEquals("rejected: amqp:not-allowed: messages to 'reject-all' are refused", o.describe());
    }

    @Test
    void releasedAndModifiedAreNotSuccess() {
        ClientSession session = session();
        ClientSender released = Await.result(session.attachSender("release-me", DeliveryGuarantee.EXACTLY_ONCE), WAIT, "attach");
        assertEquals("released", Await.result(released.send(text("x")), WAIT, "outcome").describe());
        ClientSender modified = Await.result(session.attachSender("modify-me", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        assertEquals("modified (delivery-failed=true, undeliverable-here=true)",
                Await.result(modified.send(text("x")), WAIT, "outcome").describe());
    }

    @Test
    void aRefusedLinkFailsWithThePeersError() {
        ClientException e = assertThrows(ClientException.class,
                () -> Await.result(session().attachSender("missing-node", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach"));
        assertEquals("the peer refused the link to 'missing-node': amqp:not-found: no node 'missing-node'", e.getMessage());
        assertEquals(ErrorCondition.NOT_FOUND, e.condition().condition());
    }

    @Test
    void aCloseByThePeerFailsWhatIsPending() {
        ClientSession session = session();
        ClientSender sender = Await.result(session.attachSender("close-on-message", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        ClientException e = assertThrows(ClientException.class, () -> Await.result(sender.send(text("x")), WAIT, "outcome"));
        assertEquals("the peer closed the connection: amqp:resource-limit-exceeded: the broker is full", e.getMessage());
        assertThrows(ClientException.class, () -> Await.result(session.connection().closed(), WAIT, "close"));
    }

    @Test
    void creditNeverExceedsTheWindowLessWhatWaitsToBeTaken() throws Exception {
        for (int i = 0; i < 10; i++) broker.put("deep", text("m" + i).toBytes());
        ClientReceiver r = Await.result(session().attachReceiver("deep", DeliveryGuarantee.AT_LEAST_ONCE, 3, 0), WAIT, "attach");
        awaitDepth("deep", 7);
        Thread.sleep(100);
        assertEquals(7, broker.depth("deep"), "nothing taken: no more credit");
        for (int i = 0; i < 2; i++) Await.result(r.receive(WAIT).accept(), WAIT, "accept");
        awaitDepth("deep", 5);
    }

    @Test
    void aLimitCapsTheCreditGranted() throws Exception {
        for (int i = 0; i < 10; i++) broker.put("capped", text("m" + i).toBytes());
        ClientReceiver r = Await.result(session().attachReceiver("capped", DeliveryGuarantee.AT_MOST_ONCE, 100, 4), WAIT, "attach");
        for (int i = 0; i < 4; i++) assertEquals(text("m" + i), r.receive(WAIT).message());
        assertNull(r.receive(Duration.ofMillis(200)));
        assertEquals(6, broker.depth("capped"));
    }

    @Test
    void largeMessagesArriveWhole() {
        ClientSession session = session();
        ClientSender s = Await.result(session.attachSender("big", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        byte[] big = new byte[3 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        Message m = Message.of(Body.data(big));
        assertTrue(Await.result(s.send(m), WAIT, "outcome").isSuccess());
        ClientReceiver r = Await.result(session.attachReceiver("big", DeliveryGuarantee.AT_LEAST_ONCE, 10, 1), WAIT, "attach");
        ReceivedMessage got = r.receive(WAIT);
        assertArrayEquals(m.toBytes(), got.payload());
    }

    @Test
    void aRefusedConnectionFailsTheOpenWithTheReason() throws Exception {
        int port;
        try (Listener l = Listener.open("127.0.0.1", 0, s -> { })) {
            port = l.port();
        }
        ClientConnection c = ClientConnection.connect(AmqpUrl.parse("amqp://127.0.0.1:" + port));
        ClientException e = assertThrows(ClientException.class, () -> Await.result(c.opened(), WAIT, "open"));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertThrows(ClientException.class, () -> Await.result(c.begin(), WAIT, "begin"));
    }

    @Test
    void receivingWithNothingThereTimesOutWithNull() {
        ClientReceiver r = Await.result(session().attachReceiver("empty", DeliveryGuarantee.AT_LEAST_ONCE, 1, 0), WAIT, "attach");
        assertNull(r.receive(Duration.ofMillis(100)));
        broker.put("empty", Message.of(Body.value(new IntValue(7))).toBytes());
        assertEquals(Body.value(new IntValue(7)), r.receive(WAIT).message().body());
    }

    private void awaitDepth(String address, int depth) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (broker.depth(address) != depth && System.nanoTime() < end) Thread.sleep(10);
        assertEquals(depth, broker.depth(address));
    }
}
