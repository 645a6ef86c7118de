package org.amqpexplorer.protocol.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.transport.Listener;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.transport.TransportException;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.DeliveryState;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * A tiny broker for tests, built from our engine and transport: each address is a queue (first attach creates
 * it). Addresses with these prefixes behave specially: {@code missing} refuses the link (amqp:not-found),
 * {@code reject}, {@code release} and {@code modify} answer every message with that outcome, {@code close}
 * closes the connection with an error on the first message.
 */
public final class TestBroker implements AutoCloseable {

    /** A message that arrived, with how it was sent and how the link settles. */
    public record Arrival(String address, byte[] payload, boolean presettled, ReceiverSettleMode receiverSettleMode) {
    }

    private final Listener listener;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    /** Every message any sender sent, in order of arrival. */
    public final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    /** Every attach a client sent. */
    public final List<Attach> attaches = new CopyOnWriteArrayList<>();
    /** Every transport event of every connection. */
    public final BlockingQueue<TransportEvent> events = new LinkedBlockingQueue<>();
    /** Delivery-ids of deliveries the client settled after our outcome (2.6.12 exactly-once). */
    public final BlockingQueue<Long> settledBySender = new LinkedBlockingQueue<>();

    public TestBroker(ServerOptions options) throws TransportException {
        listener = Listener.open("127.0.0.1", 0, socket -> {
            Connection c = Connection.acceptor();
            c.handler(new Handler(c));
            Transport.serve(socket, options, c, events::add);
        });
    }

    public int port() {
        return listener.port();
    }

    /** Puts a message on a queue, to be delivered to receivers attached to it (now or later). */
    public void put(String address, byte[] payload) {
        node(address).put(payload);
    }

    /** Messages waiting on a queue. */
    public int depth(String address) {
        return node(address).depth();
    }

    private Node node(String address) {
        return nodes.computeIfAbsent(address, a -> new Node());
    }

    @Override
    public void close() {
        listener.close();
    }

    /** A queue and the senders (of any connection) that deliver from it. */
    private static final class Node {
        private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
        private final List<Sender> consumers = new CopyOnWriteArrayList<>();
        private final AtomicLong tags = new AtomicLong();

        synchronized void put(byte[] payload) {
            messages.add(payload);
            for (Sender s : consumers) s.session().connection().post(() -> pump(s));
        }

        synchronized byte[] poll() {
            return messages.poll();
        }

        synchronized int depth() {
            return messages.size();
        }

        /** On the sender's connection thread: as many messages as it has credit for. */
        void pump(Sender s) {
            while (s.credit() > s.queued()) {
                byte[] m = poll();
                if (m == null) return;
                s.send(BinaryValue.of(Long.toString(tags.incrementAndGet()).getBytes(StandardCharsets.US_ASCII)), m);
            }
        }
    }

    private final class Handler implements ConnectionHandler {
        private final Connection connection;

        Handler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void remoteAttached(Link link) {
            Attach a = link.remoteAttach();
            attaches.add(a);
            boolean toUs = link instanceof Receiver;
            AmqpValue terminus = toUs ? a.target() : a.source();
            String address = terminus instanceof Target t && t.address() instanceof StringValue s ? s.value()
                    : terminus instanceof Source src && src.address() instanceof StringValue s ? s.value() : "";
            if (address.startsWith("missing")) {
                // 2.6.3: refuse by attaching without a terminus, then detach with the reason.
                link.attach(new Attach(a.name(), 0L, a.role() == Role.SENDER ? Role.RECEIVER : Role.SENDER, a.sndSettleMode(), a.rcvSettleMode(),
                        toUs ? a.source() : null, toUs ? null : a.target(), null, null, toUs ? null : 0L, null, null, null, null));
                link.close(new ErrorCondition(ErrorCondition.NOT_FOUND, "no node '" + address + "'"));
                return;
            }
            // Addresses starting "settle-first" answer rcv-settle-mode first whatever was asked, as ActiveMQ Artemis does.
            ReceiverSettleMode rcvSettleMode = address.startsWith("settle-first") ? ReceiverSettleMode.FIRST : a.rcvSettleMode();
            link.attach(new Attach(a.name(), 0L, a.role() == Role.SENDER ? Role.RECEIVER : Role.SENDER,
                    a.sndSettleMode(), rcvSettleMode, a.source(), a.target(), null, null, toUs ? null : 0L,
                    null, null, null, null));
            if (link instanceof Receiver r) {
                r.flow(100);
            } else if (link instanceof Sender s) {
                node(address).consumers.add(s);
            }
        }

        @Override
        public void remoteDetached(Link link) {
            for (Node n : nodes.values()) n.consumers.remove(link);
        }

        @Override
        public void linkFlow(Link link) {
            if (link instanceof Sender s) {
                for (Node n : nodes.values()) if (n.consumers.contains(s)) n.pump(s);
            }
        }

        @Override
        public void delivery(IncomingDelivery d) {
            if (d.isPartial() || d.isAborted()) return;
            Receiver r = d.receiver();
            AmqpValue target = r.remoteAttach().target();
            String address = target instanceof Target t && t.address() instanceof StringValue s ? s.value() : "";
            byte[] payload = d.readPayload();
            arrivals.add(new Arrival(address, payload, d.isRemotelySettled(), r.settleMode()));
            if (address.startsWith("close")) {
                connection.close(new ErrorCondition(ErrorCondition.RESOURCE_LIMIT_EXCEEDED, "the broker is full"));
                return;
            }
            if (d.isSettled()) {
                node(address).put(payload);
                return;
            }
            DeliveryState outcome = address.startsWith("reject")
                    ? new Rejected(new ErrorCondition(ErrorCondition.NOT_ALLOWED, "messages to '" + address + "' are refused"))
                    : address.startsWith("release") ? Released.INSTANCE
                    : address.startsWith("modify") ? new Modified(true, true, null)
                    : Accepted.INSTANCE;
            if (outcome instanceof Accepted) node(address).put(payload);
            d.disposition(outcome, r.settleMode() == ReceiverSettleMode.FIRST);
        }

        @Override
        public void remoteDisposition(Delivery d) {
            if (d instanceof IncomingDelivery in && in.isRemotelySettled()) settledBySender.add(in.deliveryId());
        }
    }

    /** Every payload a queue holds, taken off it. */
    public List<byte[]> drain(String address) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] m; (m = node(address).poll()) != null; ) out.add(m);
        return out;
    }
}
