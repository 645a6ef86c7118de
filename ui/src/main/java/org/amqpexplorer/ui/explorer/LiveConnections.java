package org.amqpexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.PeerEvent;
import org.amqpexplorer.protocol.peer.PeerOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportException;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.Open;

/**
 * The connections the window shows, live: makes them (over the transport), and keeps the tree in step with
 * their engines. Each connection's events reach the FX thread through an {@link ExplorerFeed}, drained once per
 * pulse by {@link #pulse()}; frames also go to the trace through the observer {@code traceObserver} makes.
 * Call everything but the observers on the FX thread.
 */
public final class LiveConnections {
    private final ExplorerModel model = new ExplorerModel();
    private final ExplorerActions actions;
    private final Map<ConnectionNode, ExplorerFeed> feeds = new LinkedHashMap<>();
    private final Map<ConnectionNode, LinkTraffic> traffic = new LinkedHashMap<>();
    /** The same, by engine, for work on the connections' own threads. */
    private final Map<Connection, LinkTraffic> trafficByEngine = new java.util.concurrent.ConcurrentHashMap<>();
    private final Function<String, EngineObserver> traceObserver;
    private final Executor fx;
    private final Consumer<String> problems;

    /**
     * @param traceObserver for a connection's name, the observer that puts its frames into the trace
     * @param fx            runs work on the FX thread
     * @param problems      told, on the FX thread, what went wrong and what to do
     */
    public LiveConnections(Function<String, EngineObserver> traceObserver, Executor fx, Consumer<String> problems) {
        this.traceObserver = traceObserver;
        this.fx = fx;
        this.problems = problems;
        this.actions = new ExplorerActions(message -> fx.execute(() -> problems.accept(message)));
    }

    public ExplorerModel model() {
        return model;
    }

    public ExplorerActions actions() {
        return actions;
    }

    /** Connects to a peer and opens the connection with {@code open}; it appears in the tree at once. */
    public ConnectionNode connect(String label, ClientOptions options, Open open) {
        return connect(label, options, open, conn -> { });
    }

    /**
     * As {@link #connect(String, ClientOptions, Open)}, then runs {@code afterOpen} on the connection's thread
     * right after the open is sent (e.g. to begin a session).
     */
    public ConnectionNode connect(String label, ClientOptions options, Open open, Consumer<Connection> afterOpen) {
        ConnectionNode node = model.addConnection(label, false);
        Connection engine = Connection.initiator();
        LinkTraffic t = new LinkTraffic(engine);
        engine.handler(t);
        traffic.put(node, t);
        trafficByEngine.put(engine, t);
        ExplorerFeed feed = new ExplorerFeed();
        feeds.put(node, feed);
        // Open once SASL is done (or at once without SASL), so the trace shows the open where it goes on the wire.
        boolean sasl = options.sasl() != null;
        Transport transport = Transport.connect(options, engine, e -> {
            if (sasl ? e instanceof TransportEvent.Authenticated : e instanceof TransportEvent.Connected) {
                engine.post(() -> {
                    engine.open(open);
                    afterOpen.accept(engine);
                });
            }
            fx.execute(() -> transportEvent(node, e));
        }, feed, traceObserver.apply(node.id() + " " + label));
        actions.register(node, control(transport));
        return node;
    }

    // ---- the built-in peer

    private final javafx.beans.property.ReadOnlyObjectWrapper<Peer> peer = new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** The running built-in peer, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<Peer> peerProperty() {
        return peer.getReadOnlyProperty();
    }

    /**
     * Starts the built-in peer; every connection it accepts appears in the tree, marked as accepted, with its
     * frames in the trace.
     *
     * @throws TransportException if it cannot listen (the message says why: port in use …)
     */
    public Peer startPeer(PeerOptions options) throws TransportException {
        stopPeer();
        Peer p = Peer.start(options, this::peerEvent);
        peer.set(p);
        return p;
    }

    public void stopPeer() {
        Peer p = peer.get();
        if (p != null) {
            peer.set(null);
            Thread.ofVirtual().start(p::close); // closing waits for clients to answer: not on the FX thread
        }
    }

    /** On the peer's threads. A new connection is observed before its thread starts, so nothing is missed. */
    private void peerEvent(PeerEvent e) {
        if (e instanceof PeerEvent.ConnectionAccepted a) {
            ExplorerFeed feed = new ExplorerFeed();
            String name = "peer#" + a.connectionId() + " " + a.remoteAddress();
            a.connection().addObserver(feed);
            a.connection().addObserver(traceObserver.apply(name), true);
            Connection engine = a.connection();
            fx.execute(() -> {
                ConnectionNode node = model.addConnection(a.remoteAddress(), true);
                feeds.put(node, feed);
                accepted.put(a.connectionId(), node);
                actions.register(node, new ConnectionControl() {
                    @Override
                    public void post(Consumer<Connection> command) {
                        engine.post(() -> command.accept(engine));
                    }

                    @Override
                    public boolean canPauseReading() {
                        return false;
                    }

                    @Override
                    public void pauseReading(boolean pause) {
                        throw new UnsupportedOperationException("the built-in peer's connections cannot pause reading");
                    }

                    @Override
                    public boolean isReadingPaused() {
                        return false;
                    }

                    @Override
                    public void shutdown() {
                        engine.post(engine::close);
                    }
                });
            });
        } else if (e instanceof PeerEvent.ConnectionAuthenticated a) {
            fx.execute(() -> {
                ConnectionNode node = accepted.get(a.connectionId());
                if (node != null) model.transport(node, "SASL " + a.mechanism() + (a.identity() == null ? "" : " as " + a.identity()), false);
            });
        } else if (e instanceof PeerEvent.ConnectionClosed c) {
            fx.execute(() -> {
                ConnectionNode node = accepted.remove(c.connectionId());
                if (node == null) return;
                pulse();
                if (c.reason() != null) model.transport(node, c.reason(), true);
                actions.unregister(node);
                feeds.remove(node);
            });
        }
    }

    private final Map<Long, ConnectionNode> accepted = new java.util.HashMap<>();

    /** Once per pulse: brings the tree up to date with every connection's engine, and hands over received messages. */
    public void pulse() {
        for (Map.Entry<ConnectionNode, ExplorerFeed> e : new ArrayList<>(feeds.entrySet())) {
            List<EngineEvent> events = e.getValue().drain();
            if (!events.isEmpty()) model.apply(e.getKey(), events);
        }
        model.pulse();
        for (Map.Entry<ConnectionNode, LinkTraffic> e : traffic.entrySet()) {
            Map<String, List<ReceivedMessage>> byLink = new LinkedHashMap<>();
            Map<String, LinkTraffic.Arrival> first = new LinkedHashMap<>();
            for (LinkTraffic.Arrival a : e.getValue().drain()) {
                String k = a.channel() + "/" + a.linkName();
                byLink.computeIfAbsent(k, x -> new ArrayList<>()).add(a.message());
                first.putIfAbsent(k, a);
            }
            byLink.forEach((k, messages) -> model.received(e.getKey(), first.get(k).channel(), first.get(k).linkName(), messages));
        }
    }

    /** A sender for the composer's jobs through this sender link, or null if the link is not ours to send on. */
    public org.amqpexplorer.ui.composer.MessageSender sender(LinkNode link) {
        LinkTraffic t = traffic.get(link.session().connection());
        if (t == null || link.role() != org.amqpexplorer.protocol.types.Role.SENDER) return null;
        return t.sender(link.session().localChannelProperty().get(), link.name());
    }

    /** Whether this receiver accepts what it takes in as it arrives. */
    public boolean isAutoAccept(LinkNode link) {
        LinkTraffic t = traffic.get(link.session().connection());
        return t != null && t.isAutoAccept(link.session().localChannelProperty().get(), link.name());
    }

    /** Accept what this receiver takes in as it arrives (or leave it for the user to settle in the tree). */
    public void autoAccept(LinkNode link, boolean on) {
        LinkTraffic t = traffic.get(link.session().connection());
        if (t != null) t.autoAccept(link.session().localChannelProperty().get(), link.name(), on);
    }

    /**
     * The newcomer's first minute, to run after the open: a session with a receiver (10 credits, messages
     * accepted as they come) and a sender on the address {@code hello}, and three messages sent.
     */
    public Consumer<Connection> demo() {
        return conn -> {
            LinkTraffic t = trafficByEngine.get(conn);
            if (t != null) {
                t.autoAccept(0, "hello-receiver", true);
                t.autoAccept(0, "hello-sender", true);
            }
            var session = conn.session();
            session.begin();
            var target = new org.amqpexplorer.protocol.types.Target(new org.amqpexplorer.protocol.codec.StringValue("hello"), null, null, null, null, null, null);
            var source = new org.amqpexplorer.protocol.types.Source(new org.amqpexplorer.protocol.codec.StringValue("hello"), null, null, null, null, null, null, null, null, null, null);
            var receiver = session.receiver(new org.amqpexplorer.protocol.types.Attach("hello-receiver", 0L, org.amqpexplorer.protocol.types.Role.RECEIVER,
                    null, null, source, null, null, null, null, null, null, null, null));
            receiver.attach();
            receiver.flow(10);
            var sender = session.sender(new org.amqpexplorer.protocol.types.Attach("hello-sender", 0L, org.amqpexplorer.protocol.types.Role.SENDER,
                    null, null, null, target, null, null, null, null, null, null, null));
            sender.attach();
            for (int i = 1; i <= 3; i++) {
                byte[] payload = org.amqpexplorer.protocol.types.Message.of(org.amqpexplorer.protocol.types.Body.value(
                        new org.amqpexplorer.protocol.codec.StringValue("hello " + i))).toBytes();
                sender.send(org.amqpexplorer.protocol.codec.BinaryValue.of(new byte[] {(byte) i}), payload);
            }
        };
    }

    /** What the transport said, in the tree (TLS facts, authentication, failures). Call on the FX thread. */
    public void transportEvent(ConnectionNode node, TransportEvent e) {
        switch (e) {
            case TransportEvent.Connected c -> model.transport(node, (c.tls() == null ? "TCP" : c.tls())
                    + (c.insecure() ? " · INSECURE: certificate and host name not checked" : ""), false);
            case TransportEvent.Authenticated a -> model.transport(node, "SASL " + a.mechanism()
                    + (a.identity() == null ? "" : " as " + a.identity()), false);
            case TransportEvent.Failed f -> {
                pulse(); // what the engine did before the failure comes first
                model.transport(node, f.reason(), true);
                problems.accept(node.peer() + ": " + f.reason());
            }
            case TransportEvent.Held h -> { }
            case TransportEvent.Closed c -> {
                pulse();
                actions.unregister(node);
                feeds.remove(node);
                LinkTraffic gone = traffic.remove(node);
                trafficByEngine.values().remove(gone);
            }
        }
    }

    private static ConnectionControl control(Transport transport) {
        return new ConnectionControl() {
            @Override
            public void post(Consumer<Connection> command) {
                transport.engine().post(() -> command.accept(transport.engine()));
            }

            @Override
            public boolean canPauseReading() {
                return true;
            }

            @Override
            public void pauseReading(boolean pause) {
                transport.pauseReading(pause);
            }

            @Override
            public boolean isReadingPaused() {
                return transport.isReadingPaused();
            }

            @Override
            public void shutdown() {
                transport.shutdown();
            }
        };
    }
}
