package org.amqpexplorer.protocol.peer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * Our own engine as a client of the peer over a real socket, driven from a test: every engine call is posted to
 * the connection's thread and waited for. Complete incoming deliveries are collected per link.
 */
final class TestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicLong TAGS = new AtomicLong();

    final Connection connection = Connection.initiator();
    final Transport transport;
    final BlockingQueue<TransportEvent> events = new LinkedBlockingQueue<>();
    private final Map<Link, BlockingQueue<Received>> received = new ConcurrentHashMap<>();
    private final Map<Link, AtomicInteger> flows = new ConcurrentHashMap<>();
    private Session session;
    private volatile boolean closed;

    /** A complete delivery and its payload, read on the connection's thread. */
    record Received(IncomingDelivery delivery, byte[] payload) {
        Message message() {
            return Message.decode(payload);
        }

        String text() {
            return ((StringValue) ((Body.ValueBody) message().body()).section().value()).value();
        }
    }

    static TestClient connect(Peer peer) throws Exception {
        return connect(ClientOptions.of(AmqpUrl.parse("amqp://127.0.0.1:" + peer.port())).withTimeouts(WAIT, WAIT));
    }

    static TestClient connect(ClientOptions options) throws Exception {
        TestClient c = new TestClient(options);
        c.run(() -> {
            c.connection.open();
            c.session = c.connection.session();
            c.session.begin();
        });
        c.until(() -> c.session.state() == EndpointState.OPENED, "the session is begun");
        return c;
    }

    private TestClient(ClientOptions options) {
        connection.handler(new ConnectionHandler() {
            @Override
            public void delivery(IncomingDelivery d) {
                if (!d.isPartial() && !d.isAborted()) {
                    queueOf(d.link()).add(new Received(d, d.readPayload()));
                }
            }

            @Override
            public void linkFlow(Link link) {
                flows.computeIfAbsent(link, l -> new AtomicInteger()).incrementAndGet();
            }
        });
        transport = Transport.connect(options, connection, e -> {
            if (e instanceof TransportEvent.Closed) closed = true;
            events.add(e);
        });
    }

    private BlockingQueue<Received> queueOf(Link link) {
        return received.computeIfAbsent(link, l -> new LinkedBlockingQueue<>());
    }

    // ---- running things on the connection's thread

    <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        connection.post(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the connection's thread did not run the call within " + WAIT, e);
        }
    }

    void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until the condition, checked on the connection's thread, holds. */
    void until(BooleanSupplier condition, String what) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (call(condition::getAsBoolean)) return;
            Thread.sleep(5);
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }

    // ---- links

    Sender sender(String address) throws Exception {
        return sender(new Attach("send-" + address + "-" + TAGS.incrementAndGet(), 0L, Role.SENDER, null, null,
                Source.of("client"), Target.of(address), null, null, null, null, null, null, null));
    }

    Sender sender(Attach attach) throws Exception {
        Sender s = call(() -> {
            Sender sender = session.sender(attach);
            sender.attach();
            return sender;
        });
        until(() -> s.state() != EndpointState.OPEN_SENT, "the peer answers the attach of " + attach.name());
        return s;
    }

    Receiver receiver(String address) throws Exception {
        return receiver(receiving(address, null, null));
    }

    static Attach receiving(String address, SenderSettleMode snd, ReceiverSettleMode rcv) {
        return new Attach("receive-" + address + "-" + TAGS.incrementAndGet(), 0L, Role.RECEIVER, snd, rcv,
                Source.of(address), Target.of("client"), null, null, null, null, null, null, null);
    }

    Receiver receiver(Attach attach) throws Exception {
        Receiver r = call(() -> {
            Receiver receiver = session.receiver(attach);
            receiver.attach();
            return receiver;
        });
        until(() -> r.state() != EndpointState.OPEN_SENT, "the peer answers the attach of " + attach.name());
        return r;
    }

    /** Sends one message (unsettled unless the link is pre-settled). */
    OutgoingDelivery send(Sender sender, byte[] payload) throws Exception {
        return call(() -> sender.send(tag(), payload));
    }

    static BinaryValue tag() {
        return BinaryValue.wrap(ByteBuffer.allocate(8).putLong(TAGS.incrementAndGet()).array());
    }

    void flow(Receiver receiver, long credit) throws Exception {
        run(() -> receiver.flow(credit));
    }

    /** The next complete delivery on this link, or an assertion error after {@link #WAIT}. */
    Received next(Receiver receiver) throws InterruptedException {
        Received r = queueOf(receiver).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) throw new AssertionError("no delivery on " + receiver.name() + " within " + WAIT);
        return r;
    }

    /** The next delivery if one comes within {@code millis}, else null. */
    Received poll(Receiver receiver, long millis) throws InterruptedException {
        return queueOf(receiver).poll(millis, TimeUnit.MILLISECONDS);
    }

    /** How many flows the peer has sent on this link that changed something (see ConnectionHandler#linkFlow). */
    int flowsOn(Link link) {
        AtomicInteger n = flows.get(link);
        return n == null ? 0 : n.get();
    }

    void settle(Received r, AmqpValue outcome) throws Exception {
        run(() -> r.delivery().disposition(outcome, true));
    }

    static byte[] message(String text) {
        return Message.of(Body.value(new StringValue(text))).toBytes();
    }

    <T extends TransportEvent> T await(Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            TransportEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) return type.cast(e);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    @Override
    public void close() {
        if (closed) return;
        connection.post(connection::close);
        long end = System.nanoTime() + WAIT.toNanos();
        try {
            while (!closed && System.nanoTime() < end) Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.shutdown();
            return;
        }
        if (!closed) throw new AssertionError("the client did not close within " + WAIT);
    }
}
