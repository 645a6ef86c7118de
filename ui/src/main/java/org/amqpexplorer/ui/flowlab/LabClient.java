package org.amqpexplorer.ui.flowlab;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;

/**
 * One of a scenario's connections: our engine over a socket, driven from the scenario's thread. Every engine call
 * runs on the connection's own thread ({@link #call}); the scenario waits for what it needs by asking that thread
 * ({@link ScenarioRun#until}). Complete incoming deliveries wait here, per receiver, until the scenario takes them
 * (or are read at once for receivers set to {@link #autoRead}).
 */
final class LabClient implements ConnectionHandler {
    final String name;
    final Connection engine = Connection.initiator();
    private final ScenarioRun run;
    private Transport transport;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    // the connection's thread
    private final Map<Receiver, ArrayDeque<IncomingDelivery>> complete = new HashMap<>();
    private final Map<Receiver, BiConsumer<IncomingDelivery, byte[]>> autoRead = new HashMap<>();
    private final Map<Link, Consumer<Delivery>> dispositionHooks = new HashMap<>();
    private final Map<Receiver, Integer> arrived = new HashMap<>();

    private LabClient(ScenarioRun run, String name) {
        this.run = run;
        this.name = name;
    }

    /** Connects (no SASL: the built-in peer takes anyone) and opens with {@code open} once the socket is up. */
    static LabClient connect(ScenarioRun run, ScenarioHost host, String name, String peerHost, int peerPort, Open open,
                             boolean focus, UnaryOperator<ConnectionHandler> handler) {
        LabClient c = new LabClient(run, name);
        c.engine.handler(handler.apply(c));
        List<EngineObserver> observers = host.observers(name, focus);
        ClientOptions options = new ClientOptions(peerHost, peerPort, null, null, null,
                ClientOptions.DEFAULT_CONNECT_TIMEOUT, ClientOptions.DEFAULT_HANDSHAKE_TIMEOUT);
        c.transport = Transport.connect(options, c.engine, e -> {
            if (e instanceof TransportEvent.Connected) c.engine.open(open);
            host.transportEvent(name, e);
            if (e instanceof TransportEvent.Closed) c.closed.complete(null);
        }, observers.toArray(EngineObserver[]::new));
        host.transport(name, c.transport);
        return c;
    }

    /** An open with a fresh container-id and this max-frame-size (null for the default). */
    static Open open(Long maxFrameSize) {
        return new Open("amqp-explorer-lab-" + UUID.randomUUID().toString().substring(0, 8), null, maxFrameSize, null,
                null, null, null, null, null, null);
    }

    Transport transport() {
        return transport;
    }

    /** Runs {@code work} on the connection's thread and returns its result. */
    <T> T call(Function<Connection, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        engine.post(() -> {
            try {
                result.complete(work.apply(engine));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(run.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioRun.Stopped();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + ": the connection's thread did not answer within "
                    + run.patience().toSeconds() + " s" + (closed.isDone() ? " (it has closed)" : ""));
        }
    }

    void run(Consumer<Connection> work) {
        call(c -> {
            work.accept(c);
            return null;
        });
    }

    /** Waits for the peer's open. */
    void awaitOpen() {
        run.until(name + ": the peer's open", () -> call(c -> c.remoteOpen() != null));
    }

    /** Begins a session and waits for the peer's begin. */
    Session begin(Begin template) {
        Session s = call(c -> {
            Session session = c.session();
            session.begin(template);
            return session;
        });
        run.until(name + ": the peer's begin", () -> call(c -> s.remoteBegin() != null));
        return s;
    }

    /** Attaches a link made on the connection's thread and waits for the peer's attach. */
    <L extends Link> L attach(Function<Connection, L> make) {
        L link = call(c -> {
            L l = make.apply(c);
            l.attach();
            return l;
        });
        run.until(name + ": the peer's attach of '" + link.name() + "'", () -> call(c -> link.remoteAttach() != null));
        return link;
    }

    /**
     * Deliveries of this receiver are read as soon as they are complete, and handed to {@code each} with their
     * payload (on the connection's thread).
     */
    void autoRead(Receiver receiver, BiConsumer<IncomingDelivery, byte[]> each) {
        run(c -> autoRead.put(receiver, each));
    }

    /** Tells {@code hook} (on the connection's thread) when the peer changes a delivery of {@code link}. */
    void onDisposition(Link link, Consumer<Delivery> hook) {
        run(c -> dispositionHooks.put(link, hook));
    }

    /** Complete deliveries of {@code receiver} waiting to be taken (call on the connection's thread). */
    int waiting(Receiver receiver) {
        ArrayDeque<IncomingDelivery> q = complete.get(receiver);
        return q == null ? 0 : q.size();
    }

    /** Complete deliveries of {@code receiver} so far, read or not (call on the connection's thread). */
    int arrived(Receiver receiver) {
        return arrived.getOrDefault(receiver, 0);
    }

    /** The oldest complete delivery waiting, or null (call on the connection's thread). */
    IncomingDelivery take(Receiver receiver) {
        ArrayDeque<IncomingDelivery> q = complete.get(receiver);
        return q == null ? null : q.poll();
    }

    /** Closes the connection and waits for the transport to finish. */
    void close() {
        if (closed.isDone()) return;
        engine.post(() -> {
            if (engine.state() != EndpointState.CLOSED) engine.close();
        });
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.shutdown();
        } catch (ExecutionException | TimeoutException e) {
            transport.shutdown();
        }
    }

    /** Drops the socket without AMQP's close, as a crash or a broken network would. */
    void drop() {
        transport.shutdown();
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the transport's thread ends on its own; the scenario goes on
        }
    }

    // ---- the engine's callbacks, on the connection's thread

    @Override
    public void delivery(IncomingDelivery d) {
        if (d.isAborted() || d.isPartial()) return;
        Receiver r = d.receiver();
        arrived.merge(r, 1, Integer::sum);
        BiConsumer<IncomingDelivery, byte[]> each = autoRead.get(r);
        if (each != null) {
            each.accept(d, d.readPayload());
        } else {
            complete.computeIfAbsent(r, k -> new ArrayDeque<>()).add(d);
        }
    }

    @Override
    public void remoteDisposition(Delivery delivery) {
        Consumer<Delivery> hook = dispositionHooks.get(delivery.link());
        if (hook != null) hook.accept(delivery);
    }
}
