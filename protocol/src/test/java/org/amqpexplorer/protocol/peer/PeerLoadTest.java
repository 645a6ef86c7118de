package org.amqpexplorer.protocol.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
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
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many connections at once, each with three sending and two receiving links, every message at least once and
 * acknowledged. Each sender keeps at most {@link #WINDOW} messages on their way (sent and not yet received
 * anywhere), so the run is bounded in memory; it is bounded in time by its duration plus a drain, and in count
 * by {@link #MAX_MESSAGES}. At the end every message sent was received exactly once, nothing was refused or
 * rejected, no connection failed, and every queue is empty.
 */
class PeerLoadTest {

    private static final int SENDERS = 3;
    private static final int RECEIVERS = 2;
    private static final int WINDOW = 10;
    private static final int CREDIT = 50;
    private static final long MAX_MESSAGES = 20_000_000;
    private static final Duration DRAIN = Duration.ofSeconds(30);

    @Test
    void twentyConnectionsWithFiveLinksEachForTwoSeconds() throws Exception {
        run(20, Duration.ofSeconds(2));
    }

    @Test
    @Tag("slow")
    void twoHundredConnectionsWithFiveLinksEachForThirtySeconds() throws Exception {
        run(200, Duration.ofSeconds(30));
    }

    private void run(int connections, Duration duration) throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Peer peer = Peer.start(PeerOptions.DEFAULT.withPort(0), e -> {
            switch (e) {
                case PeerEvent.MessageRefused r -> errors.add("refused: " + r);
                case PeerEvent.MessageRejected r -> errors.add("rejected: " + r);
                case PeerEvent.ConnectionClosed c when c.reason() != null -> errors.add("peer side: " + c);
                default -> {
                }
            }
        })) {
            Load load = new Load(connections, errors);
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) load.clients.add(new LoadClient(load, c, peer.port()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (load.attached.get() < connections * (SENDERS + RECEIVERS) && errors.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(connections * (SENDERS + RECEIVERS), load.attached.get(), "every link attached; errors: " + errors);
            long connected = System.nanoTime();

            for (LoadClient c : load.clients) c.engine.post(c::pumpAll);
            Thread.sleep(duration.toMillis());
            load.running = false;
            long stopped = System.nanoTime();

            deadline = System.nanoTime() + DRAIN.toNanos();
            while ((load.received.get() < load.sent.get() || load.accepted.get() < load.sent.get())
                    && errors.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long drained = System.nanoTime();
            for (LoadClient c : load.clients) c.engine.post(() -> c.engine.close());
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (peer.connectionCount() > 0 && System.nanoTime() < deadline) Thread.sleep(10);

            double seconds = (stopped - connected) / 1e9;
            System.out.printf("peer load: %d connections x %d links; connected in %.1f s; %d messages sent, %d accepted,"
                            + " %d received in %.1f s (%.0f messages/s); drained in %.1f s; %d duplicates; errors: %s%n",
                    connections, SENDERS + RECEIVERS, (connected - start) / 1e9, load.sent.get(), load.accepted.get(),
                    load.received.get(), seconds, load.received.get() / seconds, (drained - stopped) / 1e9,
                    load.duplicates.get(), errors);

            assertTrue(errors.isEmpty(), "errors: " + errors);
            assertTrue(load.sent.get() > 0, "messages flowed");
            assertEquals(load.sent.get(), load.accepted.get(), "every message sent was accepted by the peer");
            assertEquals(load.sent.get(), load.received.get(), "every message sent was received: none lost");
            assertEquals(0, load.duplicates.get(), "none received twice");
            assertEquals(0, peer.connectionCount(), "every connection closed");
            for (QueueSnapshot q : peer.queues()) {
                assertEquals(0, q.depth(), q.toString());
                assertEquals(0, q.unsettled(), q.toString());
            }
        }
    }

    /** What all clients share. */
    private static final class Load {
        final int connections;
        final List<String> errors;
        final List<LoadClient> clients = new ArrayList<>();
        final AtomicInteger attached = new AtomicInteger();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        volatile boolean running = true;

        Load(int connections, List<String> errors) {
            this.connections = connections;
            this.errors = errors;
        }

        /** Sender k of connection c sends to queue (3c + k) mod n; receiver k receives from (2c + k) mod n. */
        String sendQueue(int c, int k) {
            return "load-" + (SENDERS * c + k) % connections;
        }

        String receiveQueue(int c, int k) {
            return "load-" + (RECEIVERS * c + k) % connections;
        }
    }

    /** One client connection, driven entirely by the engine's callbacks on its own thread. */
    private static final class LoadClient implements ConnectionHandler {
        final Load load;
        final int index;
        final Connection engine = Connection.initiator();
        final LoadSender[] senders = new LoadSender[SENDERS];

        LoadClient(Load load, int index, int port) {
            this.load = load;
            this.index = index;
            engine.handler(this);
            ClientOptions options = ClientOptions.of(AmqpUrl.parse("amqp://127.0.0.1:" + port));
            Transport.connect(options, engine, e -> {
                if (e instanceof TransportEvent.Failed f) load.errors.add("client " + index + ": " + f.reason());
            });
            engine.post(() -> {
                engine.open();
                Session session = engine.session();
                session.begin();
                for (int k = 0; k < SENDERS; k++) {
                    Sender s = session.sender(new Attach("load-send-" + index + "-" + k, 0L, Role.SENDER, null, null,
                            Source.of("client-" + index), Target.of(load.sendQueue(index, k)), null, null, null, null,
                            null, null, null));
                    senders[k] = new LoadSender(this, s, k);
                    s.attach();
                }
                for (int k = 0; k < RECEIVERS; k++) {
                    Receiver r = session.receiver(new Attach("load-receive-" + index + "-" + k, 0L, Role.RECEIVER, null,
                            null, Source.of(load.receiveQueue(index, k)), Target.of("client-" + index), null, null, null,
                            null, null, null, null));
                    r.attach();
                    r.flow(CREDIT);
                }
            });
        }

        void pumpAll() {
            for (LoadSender s : senders) s.pump();
        }

        @Override
        public void remoteAttached(Link link) {
            load.attached.incrementAndGet();
        }

        @Override
        public void linkFlow(Link link) {
            if (link instanceof Sender) {
                for (LoadSender s : senders) if (s.link == link) s.pump();
            }
        }

        @Override
        public void remoteDisposition(Delivery delivery) {
            if (delivery instanceof OutgoingDelivery d) {
                if (d.remoteState() instanceof Accepted) {
                    load.accepted.incrementAndGet();
                } else {
                    load.errors.add("client " + index + ": outcome " + d.remoteState());
                }
            }
        }

        @Override
        public void delivery(IncomingDelivery d) {
            if (d.isPartial() || d.isAborted()) return;
            ByteBuffer payload = ByteBuffer.wrap(d.readPayload());
            int c = payload.getInt();
            int k = payload.getInt();
            long seq = payload.getLong();
            d.disposition(Accepted.INSTANCE, true);
            Receiver r = d.receiver();
            if (r.credit() < CREDIT / 2) r.flow(CREDIT);
            load.clients.get(c).senders[k].received(seq);
            load.received.incrementAndGet();
        }

        @Override
        public void remoteDetached(Link link) {
            load.errors.add("client " + index + ": link " + link.name() + " detached: " + link.remoteError());
        }
    }

    /** A sending link that keeps at most {@link #WINDOW} messages on their way. */
    private static final class LoadSender {
        final LoadClient owner;
        final Sender link;
        final int index;
        final AtomicInteger inFlight = new AtomicInteger();
        final BitSet seen = new BitSet();
        long next;

        LoadSender(LoadClient owner, Sender link, int index) {
            this.owner = owner;
            this.link = link;
            this.index = index;
        }

        /** On the owner's thread: sends while running, within the window and the credit. */
        void pump() {
            Load load = owner.load;
            while (load.running && inFlight.get() < WINDOW && link.state() == EndpointState.OPENED
                    && link.credit() - link.queued() > 0 && load.sent.get() < MAX_MESSAGES) {
                ByteBuffer payload = ByteBuffer.allocate(16).putInt(owner.index).putInt(index).putLong(next);
                link.send(BinaryValue.wrap(ByteBuffer.allocate(8).putLong(next).array()), payload.array());
                next++;
                inFlight.incrementAndGet();
                load.sent.incrementAndGet();
            }
        }

        /** On any receiver's thread: one of ours arrived. */
        void received(long seq) {
            synchronized (seen) {
                if (seen.get((int) seq)) {
                    owner.load.duplicates.incrementAndGet();
                    return;
                }
                seen.set((int) seq);
            }
            if (inFlight.decrementAndGet() == WINDOW - 1) {
                owner.engine.post(this::pump);
            }
        }
    }
}
