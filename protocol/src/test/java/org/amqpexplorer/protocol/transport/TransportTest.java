package org.amqpexplorer.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.SaslInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our engine over real sockets: TCP, SASL and TLS, both ends ours. */
class TransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    /** A server that accepts every link, grants credit and accepts every message. */
    final class Server implements AutoCloseable {
        final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        final BlockingQueue<TransportEvent> events = new LinkedBlockingQueue<>();
        final Listener listener;

        Server(ServerOptions options) throws TransportException {
            listener = Listener.open("127.0.0.1", 0, socket -> {
                Connection c = Connection.acceptor();
                c.handler(new ConnectionHandler() {
                    @Override
                    public void remoteAttached(Link link) {
                        if (link.localAttach() == null) link.attach();
                        if (link instanceof Receiver r) r.flow(10);
                    }

                    @Override
                    public void delivery(IncomingDelivery d) {
                        if (!d.isPartial()) {
                            received.add(d.readPayload());
                            d.disposition(Accepted.INSTANCE, true);
                        }
                    }
                });
                Transport.serve(socket, options, c, events::add);
            });
            open.add(this);
        }

        int port() {
            return listener.port();
        }

        @Override
        public void close() {
            listener.close();
        }
    }

    /** A client that sends one message once it has credit and reports the outcome. */
    static final class Client {
        final BlockingQueue<TransportEvent> events = new LinkedBlockingQueue<>();
        final List<EngineEvent> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<AmqpValue> outcome = new CompletableFuture<>();
        final Connection connection = Connection.initiator();
        final Transport transport;

        Client(ClientOptions options, byte[] message) {
            connection.handler(new ConnectionHandler() {
                boolean sent;

                @Override
                public void linkFlow(Link link) {
                    if (link instanceof Sender s && s.credit() > 0 && !sent) {
                        sent = true;
                        s.send(BinaryValue.of(new byte[] {1}), message);
                    }
                }

                @Override
                public void remoteDisposition(Delivery d) {
                    outcome.complete(d.remoteState());
                }
            });
            transport = Transport.connect(options, connection, events::add, frames::add);
            connection.post(() -> {
                connection.open();
                Session s = connection.session();
                s.begin();
                s.sender("to-server").attach();
            });
        }

        <T extends TransportEvent> T await(Class<T> type) throws InterruptedException {
            return TransportTest.await(events, type);
        }

        void close() throws InterruptedException {
            connection.post(connection::close);
            await(TransportEvent.Closed.class);
        }
    }

    static <T extends TransportEvent> T await(BlockingQueue<TransportEvent> events, Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            TransportEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) return type.cast(e);
            if (e instanceof TransportEvent.Failed f && type != TransportEvent.Failed.class) {
                throw new AssertionError("transport failed: " + f.reason());
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    private static ClientOptions options(String url) {
        return ClientOptions.of(AmqpUrl.parse(url)).withTimeouts(WAIT, WAIT);
    }

    private static final byte[] MESSAGE = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void plainTcpWithoutSaslCarriesAMessage() throws Exception {
        Server server = new Server(ServerOptions.ANONYMOUS);
        Client client = new Client(options("amqp://127.0.0.1:" + server.port()).withoutSasl(), MESSAGE);
        TransportEvent.Connected connected = client.await(TransportEvent.Connected.class);
        assertNull(connected.tls());
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        assertArrayEquals(MESSAGE, server.received.poll(10, TimeUnit.SECONDS));
        client.close();
        assertTrue(client.connection.isFinished());
    }

    @Test
    void aCleanCloseIsNoFailureAtEitherEnd() throws Exception {
        Server server = new Server(ServerOptions.ANONYMOUS);
        // The socket is closed by the end that finishes; its reader then fails on the closed socket, which must not
        // be reported. It is a race, so a few rounds.
        for (int i = 0; i < 20; i++) {
            Client client = new Client(options("amqp://127.0.0.1:" + server.port()).withoutSasl(), MESSAGE);
            assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
            client.close();
            assertTrue(client.events.stream().noneMatch(e -> e instanceof TransportEvent.Failed), client.events.toString());
            await(server.events, TransportEvent.Closed.class);
            assertTrue(server.events.stream().noneMatch(e -> e instanceof TransportEvent.Failed), server.events.toString());
            server.events.clear();
        }
    }

    @Test
    void saslScramThenAmqpAndTheTraceShowsBothLayers() throws Exception {
        Server server = new Server(new ServerOptions(null, false, SaslUsers.of(Map.of("guest", "pw")), WAIT));
        Client client = new Client(options("amqp://guest:pw@127.0.0.1:" + server.port()), MESSAGE);
        TransportEvent.Authenticated auth = client.await(TransportEvent.Authenticated.class);
        assertEquals("SCRAM-SHA-256", auth.mechanism());
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        assertEquals("guest", await(server.events, TransportEvent.Authenticated.class).identity());
        List<Object> headers = client.frames.stream().filter(e -> e instanceof EngineEvent.HeaderSent)
                .map(e -> (Object) ((EngineEvent.HeaderSent) e).header()).toList();
        assertEquals(List.of(ProtocolHeader.SASL, ProtocolHeader.AMQP), headers);
        assertTrue(client.frames.stream().anyMatch(e -> e instanceof EngineEvent.FrameSent f && f.body() instanceof SaslInit));
        client.close();
    }

    @Test
    void theTraceNeverSeesAPlainPassword() throws Exception {
        Server server = new Server(new ServerOptions(null, false, SaslUsers.of(Map.of("guest", "pw-in-clear")), WAIT));
        Client client = new Client(options("amqp://guest:pw-in-clear@127.0.0.1:" + server.port() + "?sasl=PLAIN"), MESSAGE);
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        EngineEvent.FrameSent init = client.frames.stream()
                .filter(e -> e instanceof EngineEvent.FrameSent f && f.body() instanceof SaslInit)
                .map(EngineEvent.FrameSent.class::cast).findFirst().orElseThrow();
        String raw = new String(init.rawBytes(), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("pw-in-clear"), raw);
        assertTrue(raw.contains("guest\u0000***********"), raw);
        assertArrayEquals("\u0000guest\u0000***********".getBytes(StandardCharsets.UTF_8),
                ((SaslInit) init.body()).initialResponse().toByteArray());
        client.close();
    }

    @Test
    void aWrongPasswordFailsWithAReasonAndTheServerKeepsServing() throws Exception {
        Server server = new Server(new ServerOptions(null, false, SaslUsers.of(Map.of("guest", "pw")), WAIT));
        Client wrong = new Client(options("amqp://guest:nope@127.0.0.1:" + server.port() + "?sasl=PLAIN"), MESSAGE);
        TransportEvent.Failed failed = wrong.await(TransportEvent.Failed.class);
        assertTrue(failed.reason().contains("wrong user name or password"), failed.reason());
        assertFalse(failed.reason().contains("nope"));
        Client right = new Client(options("amqp://guest:pw@127.0.0.1:" + server.port()), MESSAGE);
        assertEquals(Accepted.INSTANCE, right.outcome.get(10, TimeUnit.SECONDS));
        right.close();
    }

    @Test
    void aClientSkippingSaslIsToldSaslIsRequired() throws Exception {
        Server server = new Server(new ServerOptions(null, false, SaslUsers.of(Map.of("guest", "pw")), WAIT));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(ProtocolHeader.AMQP.toByteArray());
            assertArrayEquals(ProtocolHeader.SASL.toByteArray(), s.getInputStream().readNBytes(8));
            assertEquals(-1, s.getInputStream().read());
        }
        assertTrue(await(server.events, TransportEvent.Failed.class).reason().contains("requires authentication"));
    }

    @Test
    void anHttpRequestGetsOurHeaderAndIsClosed() throws Exception {
        Server server = new Server(ServerOptions.ANONYMOUS);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertArrayEquals(ProtocolHeader.AMQP.toByteArray(), in.readNBytes(8));
            assertEquals(-1, in.read());
        }
        assertTrue(await(server.events, TransportEvent.Failed.class).reason().contains("bad protocol header"));
    }

    @Test
    void aPeerThatNeverAnswersOurCloseIsDroppedAfterTheHandshakeTimeout() throws Exception {
        Server server = new Server(new ServerOptions(null, false, null, Duration.ofSeconds(1)));
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            long start = System.nanoTime();
            // A begin before any open: the server closes with amqp:illegal-state and waits for a close that never comes.
            s.getOutputStream().write(ProtocolHeader.AMQP.toByteArray());
            Encoder begin = new Encoder();
            new FrameWriter().writeFrame(begin, FrameType.AMQP, 0, new Begin(null, 0L, 1L, 1L, null, null, null, null));
            s.getOutputStream().write(begin.toByteArray());
            byte[] answer = s.getInputStream().readAllBytes();
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(new String(answer, StandardCharsets.ISO_8859_1).contains("amqp:illegal-state"));
            assertTrue(took >= 900 && took < 4000, "dropped after about a second: " + took + " ms");
        }
        String reason = await(server.events, TransportEvent.Failed.class).reason();
        assertTrue(reason.contains("did not answer our close"), reason);
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port;
        try (Listener l = Listener.open("127.0.0.1", 0, socket -> { })) {
            port = l.port();
        }
        Client client = new Client(options("amqp://127.0.0.1:" + port), MESSAGE);
        String reason = client.await(TransportEvent.Failed.class).reason();
        assertTrue(reason.contains("connection refused"), reason);
    }

    @Test
    void anUnknownHostSaysSo() throws Exception {
        Client client = new Client(options("amqp://no-such-host.invalid"), MESSAGE);
        String reason = client.await(TransportEvent.Failed.class).reason();
        assertTrue(reason.contains("unknown host 'no-such-host.invalid'"), reason);
    }

    @Test
    void stepModeHoldsIncomingFramesUntilReleased() throws Exception {
        Server server = new Server(ServerOptions.ANONYMOUS);
        Client client = new Client(options("amqp://127.0.0.1:" + server.port()).withoutSasl(), MESSAGE);
        client.transport.hold(Transport.Direction.INCOMING, true);
        // The server's header, open, begin, attach and flow are held: no credit reaches the sender.
        long end = System.nanoTime() + WAIT.toNanos();
        TransportEvent.Held held = null;
        while (System.nanoTime() < end && (held == null || held.incoming() < 4)) {
            TransportEvent e = client.events.poll(100, TimeUnit.MILLISECONDS);
            if (e instanceof TransportEvent.Held h) held = h;
        }
        assertNotNull(held);
        assertTrue(held.incoming() >= 4, "at least header, open, begin and attach are held: " + held);
        assertEquals(held.incoming(), held.incomingFrames().size(), "each held frame is there to be seen");
        assertArrayEquals(ProtocolHeader.AMQP.toByteArray(), held.incomingFrames().get(0), "the header first, as it came");
        assertFalse(client.outcome.isDone());
        client.transport.releaseOne(Transport.Direction.INCOMING); // the header goes to the engine
        client.await(TransportEvent.Held.class);
        assertFalse(client.outcome.isDone(), "the peer's credit is still held");
        client.transport.hold(Transport.Direction.INCOMING, false);
        client.transport.releaseAll(Transport.Direction.INCOMING);
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        client.close();
    }

    // ---- TLS

    private Server tlsServer(Path dir, TestCertificates.Issued ca, String... names) throws Exception {
        TestCertificates.Issued cert = TestCertificates.issue(ca, "server", names);
        Path ks = TestCertificates.keyStore(dir, "server", cert, ca);
        Path trust = TestCertificates.pem(dir, "ca", ca.certificate());
        TlsOptions tls = TlsOptions.DEFAULT.withKeyStore(ks, TestCertificates.PASSWORD).withTrustStore(trust, null);
        return new Server(new ServerOptions(tls, true, null, WAIT));
    }

    @Test
    void tlsWithTheRightTrustStoreConnects(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        Server server = tlsServer(dir, ca, "localhost", "127.0.0.1");
        TlsOptions tls = TlsOptions.DEFAULT.withTrustStore(TestCertificates.pem(dir, "trust", ca.certificate()), null);
        Client client = new Client(options("amqps://localhost:" + server.port()).withTls(tls), MESSAGE);
        TransportEvent.Connected c = client.await(TransportEvent.Connected.class);
        assertNotNull(c.tls());
        assertFalse(c.insecure());
        assertEquals("CN=server", c.peerCertificate());
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        client.close();
    }

    @Test
    void tlsRefusesAnUntrustedCertificate(@TempDir Path dir) throws Exception {
        Server server = tlsServer(dir, TestCertificates.ca("Test CA"), "localhost");
        Client client = new Client(options("amqps://localhost:" + server.port()), MESSAGE);
        String reason = client.await(TransportEvent.Failed.class).reason();
        assertTrue(reason.contains("not trusted"), reason);
    }

    @Test
    void tlsRefusesTheWrongHostName(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        Server server = tlsServer(dir, ca, "other.example");
        TlsOptions tls = TlsOptions.DEFAULT.withTrustStore(TestCertificates.pem(dir, "trust", ca.certificate()), null);
        Client client = new Client(options("amqps://localhost:" + server.port()).withTls(tls), MESSAGE);
        String reason = client.await(TransportEvent.Failed.class).reason();
        assertTrue(reason.contains("does not name 'localhost'"), reason);
    }

    @Test
    void insecureTlsConnectsAndSaysSo(@TempDir Path dir) throws Exception {
        Server server = tlsServer(dir, TestCertificates.ca("Test CA"), "other.example");
        Client client = new Client(options("amqps://localhost:" + server.port()).withTls(TlsOptions.DEFAULT.withInsecure(true)), MESSAGE);
        assertTrue(client.await(TransportEvent.Connected.class).insecure());
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        client.close();
    }

    @Test
    void mutualTlsAuthenticatesWithExternal(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        Server server = tlsServer(dir, ca, "localhost");
        Path clientKs = TestCertificates.keyStore(dir, "client", TestCertificates.issue(ca, "client"), ca);
        TlsOptions tls = TlsOptions.DEFAULT.withTrustStore(TestCertificates.pem(dir, "trust", ca.certificate()), null)
                .withKeyStore(clientKs, TestCertificates.PASSWORD);
        Client client = new Client(options("amqps://localhost:" + server.port()).withTls(tls), MESSAGE);
        assertEquals("EXTERNAL", client.await(TransportEvent.Authenticated.class).mechanism());
        assertEquals("CN=client", await(server.events, TransportEvent.Authenticated.class).identity());
        assertEquals(Accepted.INSTANCE, client.outcome.get(10, TimeUnit.SECONDS));
        client.close();
    }
}
