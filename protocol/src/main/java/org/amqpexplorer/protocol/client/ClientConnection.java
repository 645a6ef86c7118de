package org.amqpexplorer.protocol.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;

/**
 * A client connection to an AMQP 1.0 peer: the engine driven by a {@link Transport}, with sessions and links
 * whose every step is a {@link CompletableFuture}. Nothing here blocks; {@link Await} waits for those who may.
 *
 * <p>Every engine call happens on the connection's own thread: the methods here post commands to it, and the
 * futures complete on it. Code chained onto a future must not block that thread (hand long work elsewhere);
 * calling the methods of this package from it is fine, since they only post.
 *
 * <p>When the connection ends, for whatever reason, every future still pending fails with a
 * {@link ClientException} saying why: the transport's reason, the peer's close with its error, or a time-out.
 */
public final class ClientConnection {
    private final AmqpUrl url;
    private final ClientOptions options;
    private final Connection engine = Connection.initiator();
    private volatile Transport transport;
    private final CompletableFuture<ClientConnection> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile TransportEvent.Connected connected;
    /** The transport's thread is gone: commands run where they are posted, and find everything failed. */
    private volatile boolean terminated;

    // Owned by the connection's thread.
    private String transportFailure;
    private ClientException ended;
    private boolean closeRequested;
    private final Map<Session, ClientSession> sessions = new HashMap<>();
    private final Map<Link, ClientLink> links = new HashMap<>();
    private final Map<String, ClientSender> sendersByName = new HashMap<>();

    private ClientConnection(AmqpUrl url, ClientOptions options) {
        this.url = url;
        this.options = options;
    }

    /**
     * Starts connecting and returns at once; {@link #opened()} completes when the peer's open arrives.
     *
     * @param options   how to reach the peer (usually {@code ClientOptions.of(url)}, perhaps with other TLS options)
     * @param observers see every engine event of this connection (frames included), on its thread
     */
    public static ClientConnection connect(AmqpUrl url, ClientOptions options, EngineObserver... observers) {
        ClientConnection c = new ClientConnection(url, options);
        c.start(observers);
        return c;
    }

    public static ClientConnection connect(AmqpUrl url, EngineObserver... observers) {
        return connect(url, ClientOptions.of(url), observers);
    }

    private void start(EngineObserver... observers) {
        engine.handler(new Handler());
        engine.addObserver(this::engineEvent);
        transport = Transport.connect(options, engine, this::transportEvent, observers);
        Duration limit = options.connectTimeout().plus(options.handshakeTimeout());
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> post(() -> {
            if (!opened.isDone() && ended == null) {
                ended = new ClientException("no open from the peer within " + Await.seconds(limit));
                transport.shutdown();
            }
        }));
    }

    /** Completes with this connection when the peer's open arrives; fails if the connection cannot be made. */
    public CompletableFuture<ClientConnection> opened() {
        return opened;
    }

    /**
     * Completes when the transport has closed: normally after a {@link #close()} the peer answered without an
     * error, exceptionally with the reason in every other case.
     */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** The socket as connected (TLS details, whether checks were off), or null before that. */
    public TransportEvent.Connected connectedTransport() {
        return connected;
    }

    /** Begins a session; the future completes when the peer's begin answers ours. */
    public CompletableFuture<ClientSession> begin() {
        ClientSession s = new ClientSession(this);
        post(() -> {
            if (ended != null) {
                s.fail(ended);
                return;
            }
            try {
                Session session = engine.session();
                sessions.put(session, s);
                s.begin(session);
            } catch (RuntimeException e) {
                s.fail(new ClientException("cannot begin a session: " + e.getMessage()));
            }
        });
        return s.began();
    }

    /** Closes the connection (sessions and links with it); completes as {@link #closed()}. */
    public CompletableFuture<Void> close() {
        return close((ErrorCondition) null);
    }

    public CompletableFuture<Void> close(ErrorCondition error) {
        post(() -> {
            if (ended != null) return;
            closeRequested = true;
            engine.close(error);
        });
        return closed;
    }

    /**
     * Closes and waits for the peer's close; if it does not come in time the socket is closed anyway.
     *
     * @throws ClientException if the connection did not end cleanly (then it has ended all the same)
     */
    public void closeAndWait(Duration timeout) {
        try {
            Await.result(close(), timeout, "close from the peer");
        } catch (ClientException e) {
            shutdown();
            throw e;
        }
    }

    /** Closes the socket at once, without AMQP's close. Thread-safe. */
    public void shutdown() {
        Transport t = transport;
        if (t != null) t.shutdown();
    }

    void post(Runnable command) {
        if (terminated) command.run();
        else engine.post(command);
    }

    void register(Link link, ClientLink client) {
        links.put(link, client);
        if (client instanceof ClientSender s) sendersByName.put(link.name(), s);
    }

    void forget(ClientSession session, Session engineSession) {
        sessions.remove(engineSession, session);
    }

    @Override
    public String toString() {
        return "ClientConnection[" + url + "]";
    }

    // ---- the connection's thread

    private void engineEvent(EngineEvent event) {
        // A delivery sent settled is done when its last transfer frame is written (2.6.12 at-most-once).
        if (event instanceof EngineEvent.DeliveryTransferred t && !t.more() && t.delivery().link().role() == Role.SENDER) {
            ClientSender s = sendersByName.get(t.delivery().link().name());
            if (s != null) s.transferred(t.delivery());
        }
    }

    private void transportEvent(TransportEvent event) {
        switch (event) {
            case TransportEvent.Connected c -> {
                connected = c;
                if (options.sasl() == null) open();
            }
            case TransportEvent.Authenticated a -> open();
            case TransportEvent.Failed f -> transportFailure = transportFailure == null ? f.reason() : transportFailure;
            case TransportEvent.Closed c -> transportClosed();
            default -> { } // events a client does not act on (such as step mode's, which is the window's)
        }
    }

    /**
     * Opens once the transport is ready for AMQP (after SASL), so that a trace shows our header and open where
     * they go on the wire rather than where the engine wrote them.
     */
    private void open() {
        engine.open(new Open(UUID.randomUUID().toString(), url.virtualHost(), url.maxFrameSize(), url.channelMax(),
                url.idleTimeout(), null, null, null, null, null));
    }

    private void transportClosed() {
        ClientException why = ended != null ? ended
                : transportFailure != null ? new ClientException(transportFailure)
                : closeRequested ? null
                : new ClientException("the connection closed");
        endAll(why != null ? why : new ClientException("the connection is closed"));
        if (why == null) closed.complete(null); else closed.completeExceptionally(why);
        terminated = true;
        engine.runPosted(); // commands posted since the transport's last turn fail now
    }

    private void endAll(ClientException why) {
        if (ended == null) ended = why;
        opened.completeExceptionally(why);
        for (ClientSession s : List.copyOf(sessions.values())) s.fail(why);
        sessions.clear();
        for (ClientLink l : new ArrayList<>(links.values())) l.fail(why);
        links.clear();
        sendersByName.clear();
    }

    private final class Handler implements ConnectionHandler {
        @Override
        public void remoteOpened(Connection connection) {
            opened.complete(ClientConnection.this);
        }

        @Override
        public void remoteClosed(Connection connection) {
            ErrorCondition error = connection.remoteError();
            if (error == null && closeRequested) return;
            endAll(new ClientException("the peer closed the connection: " + ClientException.describe(error), error));
        }

        @Override
        public void remoteBegan(Session session) {
            ClientSession s = sessions.get(session);
            if (s != null) s.remoteBegan();
        }

        @Override
        public void remoteEnded(Session session) {
            ClientSession s = sessions.get(session);
            if (s != null) s.remoteEnded();
        }

        @Override
        public void remoteAttached(Link link) {
            ClientLink l = links.get(link);
            if (l != null) l.remoteAttached();
        }

        @Override
        public void remoteDetached(Link link) {
            ClientLink l = links.remove(link);
            if (l != null) {
                if (l instanceof ClientSender) sendersByName.remove(link.name(), l);
                l.remoteDetached();
            }
        }

        @Override
        public void delivery(IncomingDelivery delivery) {
            if (links.get(delivery.link()) instanceof ClientReceiver r) r.delivery(delivery);
        }

        @Override
        public void remoteDisposition(Delivery delivery) {
            ClientLink l = links.get(delivery.link());
            switch (delivery) {
                case OutgoingDelivery d when l instanceof ClientSender s -> s.remoteDisposition(d);
                case IncomingDelivery d when l instanceof ClientReceiver r -> r.remoteDisposition(d);
                default -> { }
            }
        }
    }
}
