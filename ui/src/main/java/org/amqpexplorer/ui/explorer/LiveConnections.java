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
import org.amqpexplorer.protocol.transport.Transport;
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
        ConnectionNode node = model.addConnection(label, false);
        Connection engine = Connection.initiator();
        ExplorerFeed feed = new ExplorerFeed();
        feeds.put(node, feed);
        Transport transport = Transport.connect(options, engine, e -> fx.execute(() -> transportEvent(node, e)),
                feed, traceObserver.apply(node.id() + " " + label));
        actions.register(node, control(transport));
        engine.post(() -> engine.open(open));
        return node;
    }

    /**
     * Adds a connection something else made (e.g. one the built-in peer accepted), observing its engine from now on.
     * Returns the node and the observers to give the engine; transport events go to {@link #transportEvent}.
     */
    public Accepted accepted(String peer) {
        ConnectionNode node = model.addConnection(peer, true);
        ExplorerFeed feed = new ExplorerFeed();
        feeds.put(node, feed);
        return new Accepted(node, List.of(feed, traceObserver.apply(node.id() + " " + peer)));
    }

    /** A connection made elsewhere, and what to observe its engine with. */
    public record Accepted(ConnectionNode node, List<EngineObserver> observers) {
    }

    /** Lets the window act on a connection made elsewhere. */
    public void control(ConnectionNode node, Transport transport) {
        actions.register(node, control(transport));
    }

    /** Once per pulse: brings the tree up to date with every connection's engine. */
    public void pulse() {
        for (Map.Entry<ConnectionNode, ExplorerFeed> e : new ArrayList<>(feeds.entrySet())) {
            List<EngineEvent> events = e.getValue().drain();
            if (!events.isEmpty()) model.apply(e.getKey(), events);
        }
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
