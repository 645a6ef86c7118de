package org.amqpexplorer.protocol.peer;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.transport.Listener;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportException;
import org.amqpexplorer.protocol.types.ErrorCondition;

/**
 * The built-in peer: an AMQP 1.0 container that accepts connections and serves every address as an in-memory
 * queue. See the package description for what it does with links, deliveries and transactions.
 *
 * <pre>{@code
 * try (Peer peer = Peer.start(PeerOptions.DEFAULT.withPort(0), event -> log(event))) {
 *     connect to "amqp://" + peer.host() + ":" + peer.port() ...
 *     peer.queues();   // what each queue holds now
 * }
 * }</pre>
 *
 * <p>Thread-safe. Each connection runs on its own thread; one bad connection (a protocol error, garbage, a
 * dropped socket) ends only itself, and what it held goes back to the queues.
 */
public final class Peer implements AutoCloseable {

    /** How long {@link #close()} waits for clients to answer its close before dropping their sockets. */
    private static final long CLOSE_GRACE_MILLIS = 2000;

    final PeerOptions options;
    final Nodes nodes;
    final String containerId = "amqp-explorer-peer-" + UUID.randomUUID();
    private final ServerOptions serverOptions;
    private final List<PeerObserver> observers = new CopyOnWriteArrayList<>();
    private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong transactionIds = new AtomicLong();
    private volatile Listener listener;
    private volatile boolean closed;

    private Peer(PeerOptions options, List<PeerObserver> observers) {
        this.options = options;
        this.serverOptions = options.serverOptions();
        this.nodes = new Nodes(options, this);
        this.observers.addAll(observers);
    }

    /**
     * Starts listening.
     *
     * @throws TransportException if the address cannot be bound (in use, not local, no permission)
     */
    public static Peer start(PeerOptions options, PeerObserver... observers) throws TransportException {
        Peer peer = new Peer(options, List.of(observers));
        peer.listener = Listener.open(options.host(), options.port(), peer::accept);
        return peer;
    }

    /** The host as bound. */
    public String host() {
        return listener.host();
    }

    /** The port as bound (the real one when 0 was asked for). */
    public int port() {
        return listener.port();
    }

    public PeerOptions options() {
        return options;
    }

    /** Every queue now, by address. */
    public List<QueueSnapshot> queues() {
        return nodes.snapshots();
    }

    /** Connections accepted and not yet closed. */
    public int connectionCount() {
        return connections.size();
    }

    public void addObserver(PeerObserver observer) {
        observers.add(observer);
    }

    public void removeObserver(PeerObserver observer) {
        observers.remove(observer);
    }

    /**
     * Stops listening and closes every connection (amqp:connection:forced), waiting a moment for clients to
     * answer; sockets that do not are dropped. The queues stay readable through {@link #queues()}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.close();
        ErrorCondition bye = new ErrorCondition(ErrorCondition.CONNECTION_FORCED, "the built-in peer is shutting down");
        List<PeerConnection> open = List.copyOf(connections);
        for (PeerConnection c : open) {
            c.connection.post(() -> c.connection.close(bye));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MILLIS);
        try {
            for (PeerConnection c : open) {
                c.finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (PeerConnection c : open) {
            Transport t = c.transport;
            if (t != null && c.finished.getCount() > 0) {
                t.shutdown();
            }
        }
    }

    // ---- inside the package

    private void accept(Socket socket) {
        if (closed) {
            try {
                socket.close();
            } catch (IOException e) {
                // the socket is unusable either way
            }
            return;
        }
        long id = connectionIds.incrementAndGet();
        Connection engine = Connection.acceptor();
        PeerConnection pc = new PeerConnection(this, id, engine);
        engine.handler(pc);
        connections.add(pc);
        emit(new PeerEvent.ConnectionAccepted(id, String.valueOf(socket.getRemoteSocketAddress()), engine));
        pc.transport = Transport.serve(socket, serverOptions, engine, pc::transportEvent);
    }

    void connectionFinished(PeerConnection connection) {
        connections.remove(connection);
    }

    long nextTransactionId() {
        return transactionIds.incrementAndGet();
    }

    void emit(PeerEvent event) {
        for (PeerObserver o : observers) {
            try {
                o.onEvent(event);
            } catch (RuntimeException e) {
                // An observer's bug must not break a connection; it is reported, not swallowed.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
    }
}
