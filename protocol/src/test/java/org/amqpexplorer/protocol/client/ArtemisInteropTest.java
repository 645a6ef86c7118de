package org.amqpexplorer.protocol.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.LongValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.TestCertificates;
import org.amqpexplorer.protocol.transport.TlsOptions;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Properties;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client against a broker we did not write: ActiveMQ Artemis, embedded and started once for the class,
 * with security on (SASL PLAIN checked against a user and password), a plain acceptor and a TLS acceptor
 * whose certificate is made here.
 */
class ArtemisInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String USER = "alice";
    private static final String PASSWORD = "through-the-looking-glass";
    /** The largest frame Artemis's plain acceptor takes, below its default so our side must split to it. */
    private static final int ARTEMIS_MAX_FRAME = 32 * 1024;
    /** The largest frame we take, asked for in the URL. */
    private static final int OUR_MAX_FRAME = 16 * 1024;

    @TempDir
    static Path dir;
    private static EmbeddedActiveMQ broker;
    private static int port;
    private static int tlsPort;
    private static Path caPem;

    private final List<ClientConnection> connections = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("interop CA");
        Path keyStore = TestCertificates.keyStore(dir, "artemis",
                TestCertificates.issue(ca, "localhost", "localhost", "127.0.0.1"), ca);
        caPem = TestCertificates.pem(dir, "ca", ca.certificate());

        Configuration config = new ConfigurationImpl()
                .setName("interop")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setMaxDiskUsage(-1) // a nearly full disk must not block producers in a test
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dir.resolve("lock").toString());
        // Port 0: the system picks free ports, read back from the acceptors once started.
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:0?protocols=AMQP;maxFrameSize=" + ARTEMIS_MAX_FRAME);
        config.addAcceptorConfiguration("amqps", "tcp://127.0.0.1:0?protocols=AMQP;sslEnabled=true;keyStoreType=PKCS12"
                + ";keyStorePath=" + keyStore + ";keyStorePassword=" + new String(TestCertificates.PASSWORD));
        // Addresses come into being as anycast queues on first attach, so that what is sent before a
        // receiver attaches waits for it.
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true).setAutoCreateQueues(true)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST).setDefaultQueueRoutingType(RoutingType.ANYCAST));
        org.apache.activemq.artemis.core.security.Role role = new org.apache.activemq.artemis.core.security.Role();
        role.setName("interop");
        role.setSend(true);
        role.setConsume(true);
        role.setCreateAddress(true);
        role.setCreateDurableQueue(true);
        role.setCreateNonDurableQueue(true);
        config.putSecurityRoles("#", Set.of(role));

        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(USER, PASSWORD);
        users.addRole(USER, "interop");
        broker = new EmbeddedActiveMQ()
                .setConfiguration(config)
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.start();
        port = actualPort("amqp");
        tlsPort = actualPort("amqps");
    }

    private static int actualPort(String acceptor) {
        return ((NettyAcceptor) broker.getActiveMQServer().getRemotingService().getAcceptor(acceptor)).getActualPort();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.stop();
    }

    @AfterEach
    void closeConnections() {
        for (ClientConnection c : connections) c.shutdown();
    }

    private ClientConnection connect(String url, ClientOptions options, EngineObserver... observers) {
        ClientConnection c = ClientConnection.connect(AmqpUrl.parse(url), options, observers);
        connections.add(c);
        return c;
    }

    private ClientConnection connect(String url, EngineObserver... observers) {
        return connect(url, ClientOptions.of(AmqpUrl.parse(url)), observers);
    }

    /** A session on the plain acceptor, as our user; {@code query} adds URL options. */
    private ClientSession session(String query, EngineObserver... observers) {
        ClientConnection c = connect("amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + query, observers);
        Await.result(c.opened(), WAIT, "open");
        return Await.result(c.begin(), WAIT, "begin");
    }

    /** Keeps the frames of a connection (the observer runs on the connection's thread). */
    private static final class Frames implements EngineObserver {
        final ConcurrentLinkedQueue<EngineEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        public void onEvent(EngineEvent event) {
            if (event instanceof EngineEvent.FrameSent || event instanceof EngineEvent.FrameReceived) events.add(event);
        }

        List<EngineEvent.FrameSent> sent(Class<?> performative) {
            return events.stream().filter(e -> e instanceof EngineEvent.FrameSent f && performative.isInstance(f.body()))
                    .map(e -> (EngineEvent.FrameSent) e).toList();
        }

        List<EngineEvent.FrameReceived> received(Class<?> performative) {
            return events.stream().filter(e -> e instanceof EngineEvent.FrameReceived f && performative.isInstance(f.body()))
                    .map(e -> (EngineEvent.FrameReceived) e).toList();
        }
    }

    /** A message with every section a broker should carry through untouched; what comes back must equal it. */
    private static Message message(int i) {
        Map<AmqpValue, AmqpValue> annotations = new LinkedHashMap<>();
        annotations.put(new SymbolValue("x-opt-interop"), new IntValue(i));
        Map<AmqpValue, AmqpValue> app = new LinkedHashMap<>();
        app.put(new StringValue("index"), new IntValue(i));
        app.put(new StringValue("big"), new LongValue(Long.MAX_VALUE - i));
        app.put(new StringValue("bytes"), BinaryValue.of(new byte[] {1, 2, (byte) i}));
        Properties p = new Properties(new UuidValue(new UUID(7, i)), null, null, "subject-" + i, null,
                new StringValue("corr-" + i), "text/plain", null, null, 1_700_000_000_000L + i, null, null, null);
        return new Message(new Header(true, 7, null, null, null), null, new MessageAnnotations(new MapValue(annotations)),
                p, new ApplicationProperties(new MapValue(app)), Body.value(new StringValue("message " + i)), null);
    }

    // ---- SASL PLAIN

    @Test
    void saslPlainWithTheRightPasswordOpens() {
        ClientConnection c = connect("amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "?sasl=PLAIN");
        Await.result(c.opened(), WAIT, "open");
        Await.result(c.close(), WAIT, "close");
    }

    @Test
    void aWrongPasswordOrNoneFailsWithAClearReason() {
        ClientConnection wrong = connect("amqp://" + USER + ":not-the-password@127.0.0.1:" + port + "?sasl=PLAIN");
        ClientException e = assertThrows(ClientException.class, () -> Await.result(wrong.opened(), WAIT, "open"));
        assertEquals("authentication failed (PLAIN): wrong user name or password, or not allowed", e.getMessage());
        // Artemis offers ANONYMOUS too and lets SASL succeed, but with security on and no default user it then
        // answers our open with its open and a close.
        ClientConnection anonymous = connect("amqp://127.0.0.1:" + port);
        e = assertThrows(ClientException.class, () -> Await.result(anonymous.closed(), WAIT, "close"));
        assertTrue(e.getMessage().startsWith("the peer closed the connection: amqp:unauthorized-access: "), e.getMessage());
        assertTrue(e.getMessage().contains("Unable to validate user"), e.getMessage());
        assertEquals(ErrorCondition.UNAUTHORIZED_ACCESS, e.condition().condition());
    }

    // ---- TLS

    @Test
    void tlsWithTheTestCaInTheTrustStoreWorks() {
        String url = "amqps://" + USER + ":" + PASSWORD + "@localhost:" + tlsPort;
        ClientConnection c = connect(url, ClientOptions.of(AmqpUrl.parse(url)).withTls(TlsOptions.DEFAULT.withTrustStore(caPem, null)));
        Await.result(c.opened(), WAIT, "open");
        assertTrue(c.connectedTransport().tls().startsWith("TLSv1."), c.connectedTransport().tls());
        assertEquals("CN=localhost", c.connectedTransport().peerCertificate());
        assertFalse(c.connectedTransport().insecure());

        ClientSession s = Await.result(c.begin(), WAIT, "begin");
        ClientSender sender = Await.result(s.attachSender("tls-q", DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        assertTrue(Await.result(sender.send(message(1)), WAIT, "outcome").isSuccess());
        ClientReceiver r = Await.result(s.attachReceiver("tls-q", DeliveryGuarantee.AT_LEAST_ONCE, 5, 0), WAIT, "attach");
        ReceivedMessage m = r.receive(WAIT);
        assertEquals(message(1), m.message());
        Await.result(m.accept(), WAIT, "accept");
        Await.result(c.close(), WAIT, "close");
    }

    @Test
    void tlsWithoutTheTrustStoreIsNotTrusted() {
        ClientConnection c = connect("amqps://" + USER + ":" + PASSWORD + "@localhost:" + tlsPort);
        ClientException e = assertThrows(ClientException.class, () -> Await.result(c.opened(), WAIT, "open"));
        assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
    }

    // ---- settlement

    @ParameterizedTest
    @EnumSource(value = DeliveryGuarantee.class, names = {"AT_MOST_ONCE", "AT_LEAST_ONCE"})
    void messagesRoundTripThroughAQueue(DeliveryGuarantee guarantee) {
        String queue = "round-trip-" + guarantee.text();
        ClientSession s = session("");
        ClientSender sender = Await.result(s.attachSender(queue, guarantee), WAIT, "attach");
        int n = 25;
        List<CompletableFuture<DeliveryOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) outcomes.add(sender.send(message(i)));
        for (CompletableFuture<DeliveryOutcome> f : outcomes) {
            DeliveryOutcome o = Await.result(f, WAIT, "outcome");
            assertTrue(o.isSuccess(), o.describe());
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, o.presettled(), o.describe());
        }
        // A window smaller than the count, so that credit is topped up while Artemis delivers.
        ClientReceiver r = Await.result(s.attachReceiver(queue, guarantee, 4, 0), WAIT, "attach");
        for (int i = 0; i < n; i++) {
            ReceivedMessage m = r.receive(WAIT);
            assertNotNull(m, "message " + i);
            assertEquals(message(i), m.message());
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, m.isSettled(), "sent settled by Artemis");
            Await.result(m.accept(), WAIT, "settlement");
        }
        assertNull(r.receive(Duration.ofMillis(100)));
        Await.result(s.connection().close(), WAIT, "close");
    }

    /**
     * Exactly-once needs the receiver to settle second (2.7.3), and Artemis (2.55) does not do that: asked for
     * rcv-settle-mode second, its receiving link answers first, and so does its sending link. Were our receiver
     * to settle second anyway, Artemis would acknowledge our outcome and settle without sending a disposition,
     * so our side would wait for ever. Our client therefore refuses exactly-once in both directions, with the
     * reason, and the queue loses nothing by it: this is the third guarantee's real result against Artemis.
     */
    @Test
    void exactlyOnceIsRefusedBecauseArtemisSettlesFirst() {
        Frames frames = new Frames();
        ClientSession s = session("", frames);
        String queue = "exactly-once";
        ClientException send = assertThrows(ClientException.class,
                () -> Await.result(s.attachSender(queue, DeliveryGuarantee.EXACTLY_ONCE), WAIT, "attach"));
        assertEquals("the peer's receiver at 'exactly-once' settles first (rcv-settle-mode first): exactly-once is not available",
                send.getMessage());

        ClientSender sender = Await.result(s.attachSender(queue, DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        assertTrue(Await.result(sender.send(message(0)), WAIT, "outcome").isSuccess());
        ClientException receive = assertThrows(ClientException.class,
                () -> Await.result(s.attachReceiver(queue, DeliveryGuarantee.EXACTLY_ONCE, 5, 0), WAIT, "attach"));
        assertEquals("the peer's sender at 'exactly-once' wants the receiver to settle first (rcv-settle-mode first): "
                + "exactly-once is not available", receive.getMessage());

        // What Artemis said on the wire: rcv-settle-mode first to both of our exactly-once attaches.
        List<Attach> asked = frames.sent(Attach.class).stream().map(f -> (Attach) f.body())
                .filter(a -> a.rcvSettleMode() == ReceiverSettleMode.SECOND).toList();
        assertEquals(2, asked.size());
        for (Attach ours : asked) {
            Attach answer = frames.received(Attach.class).stream().map(f -> (Attach) f.body())
                    .filter(a -> a.name().equals(ours.name())).findFirst().orElseThrow();
            assertEquals(ours.role() == Role.SENDER ? Role.RECEIVER : Role.SENDER, answer.role());
            assertEquals(ReceiverSettleMode.FIRST, answer.rcvSettleMode());
        }

        // The refused receiver granted no credit: the message is still there for an at-least-once receiver.
        ClientReceiver r = Await.result(s.attachReceiver(queue, DeliveryGuarantee.AT_LEAST_ONCE, 5, 0), WAIT, "attach");
        ReceivedMessage m = r.receive(WAIT);
        assertEquals(message(0), m.message());
        Await.result(m.accept(), WAIT, "accept");
        Await.result(s.connection().close(), WAIT, "close");
    }

    // ---- large messages

    /**
     * Bodies far above both frame sizes: ours goes out in frames no larger than Artemis's maximum, Artemis's
     * comes back in frames no larger than ours, and the body arrives intact.
     */
    @ParameterizedTest
    @ValueSource(ints = {1 << 20, 5 << 20})
    void largeMessagesTravelInManyFramesBothWays(int size) {
        Frames frames = new Frames();
        ClientSession s = session("?max-frame-size=" + OUR_MAX_FRAME, frames);
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) body[i] = (byte) (i * 31 + (i >>> 13));
        Message sent = new Message(null, null, null, null, null, Body.data(body), null);
        byte[] payload = sent.toBytes();
        String queue = "large-" + size;

        ClientSender sender = Await.result(s.attachSender(queue, DeliveryGuarantee.AT_LEAST_ONCE), WAIT, "attach");
        assertTrue(Await.result(sender.send(sent), WAIT, "outcome").isSuccess());

        ClientReceiver r = Await.result(s.attachReceiver(queue, DeliveryGuarantee.AT_LEAST_ONCE, 1, 1), WAIT, "attach");
        ReceivedMessage got = r.receive(WAIT);
        assertNotNull(got);
        Await.result(got.accept(), WAIT, "accept");
        assertArrayEquals(payload, got.payload());
        assertArrayEquals(body, ((Data) got.message().body().sections().get(0)).value().toByteArray());

        Open artemisOpen = (Open) frames.received(Open.class).get(0).body();
        assertEquals(Long.valueOf(ARTEMIS_MAX_FRAME), artemisOpen.maxFrameSize());
        Open ourOpen = (Open) frames.sent(Open.class).get(0).body();
        assertEquals(Long.valueOf(OUR_MAX_FRAME), ourOpen.maxFrameSize());

        List<EngineEvent.FrameSent> out = frames.sent(Transfer.class);
        assertTrue(out.size() >= ceilDiv(payload.length, ARTEMIS_MAX_FRAME), out.size() + " transfer frames sent");
        assertTrue(out.stream().allMatch(f -> f.frameSize() <= ARTEMIS_MAX_FRAME));
        assertEquals(payload.length, out.stream().mapToLong(EngineEvent.FrameSent::payloadSize).sum());

        List<EngineEvent.FrameReceived> in = frames.received(Transfer.class);
        assertTrue(in.size() >= ceilDiv(payload.length, OUR_MAX_FRAME), in.size() + " transfer frames received");
        assertTrue(in.stream().allMatch(f -> f.frameSize() <= OUR_MAX_FRAME));
        assertEquals(payload.length, in.stream().mapToLong(EngineEvent.FrameReceived::payloadSize).sum());
        Await.result(s.connection().close(), WAIT, "close");
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
