package org.amqpexplorer.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Transport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two engines exchanging 1 KiB messages in memory: two of ours, and two of Proton-J's, in the same run. Each
 * invocation sends a batch of messages on one link and moves bytes between the two ends until the batch has
 * arrived (presettled) or arrived and been settled at both ends (at-least-once: the receiver accepts and
 * settles first, the sender settles on hearing it). The score is messages per second. Both sides use the same
 * frame size, credit and tags, and the receiving application reads every payload.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class EngineBenchmark {

    public enum Settlement { PRESETTLED, AT_LEAST_ONCE }

    static final int BATCH = 1000;
    static final int MESSAGE_SIZE = 1024;
    static final int MAX_FRAME_SIZE = 64 * 1024;
    static final int CREDIT = 2 * BATCH;

    @Param
    public Settlement settlement;

    static final byte[] MESSAGE = new byte[MESSAGE_SIZE];
    static final byte[][] TAG_BYTES = new byte[BATCH][];
    static final BinaryValue[] TAGS = new BinaryValue[BATCH];

    static {
        for (int i = 0; i < MESSAGE_SIZE; i++) {
            MESSAGE[i] = (byte) (i * 31);
        }
        for (int i = 0; i < BATCH; i++) {
            TAG_BYTES[i] = ByteBuffer.allocate(4).putInt(i).array();
            TAGS[i] = BinaryValue.of(TAG_BYTES[i]);
        }
    }

    private Ours ours;
    private ProtonJ protonJ;

    @Setup
    public void setup() {
        ours = new Ours(settlement == Settlement.PRESETTLED);
        protonJ = new ProtonJ(settlement == Settlement.PRESETTLED);
        // One batch each before measuring: links attached, credit granted, everything allocated once.
        ours();
        protonJ();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ours() {
        return ours.batch(TAGS, MESSAGE);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long protonJ() {
        return protonJ.batch(TAG_BYTES, MESSAGE);
    }

    /** Our engines: a client that sends, a server that receives. */
    static final class Ours {
        final boolean presettled;
        final Connection client = Connection.initiator();
        final Connection server = Connection.acceptor();
        final Sender sender;
        long received;
        long settled;
        long bytes;

        Ours(boolean presettled) {
            this.presettled = presettled;
            server.handler(new ConnectionHandler() {
                @Override
                public void remoteOpened(Connection connection) {
                    connection.open(new Open("server", null, (long) MAX_FRAME_SIZE, null, null, null, null, null, null, null));
                }

                @Override
                public void remoteAttached(Link link) {
                    link.attach();
                    ((Receiver) link).flow(CREDIT);
                }

                @Override
                public void delivery(IncomingDelivery delivery) {
                    if (delivery.isPartial()) {
                        return;
                    }
                    bytes += delivery.readPayload().length;
                    received++;
                    if (!delivery.isSettled()) {
                        delivery.disposition(Accepted.INSTANCE, true);
                    }
                    Receiver receiver = delivery.receiver();
                    if (receiver.credit() < CREDIT / 2) {
                        receiver.flow(CREDIT);
                    }
                }
            });
            client.handler(new ConnectionHandler() {
                @Override
                public void remoteDisposition(Delivery delivery) {
                    if (delivery.isRemotelySettled()) {
                        settled++;
                    }
                }
            });
            client.open(new Open("client", null, (long) MAX_FRAME_SIZE, null, null, null, null, null, null, null));
            Session session = client.session();
            session.begin(Session.DEFAULT_BEGIN);
            sender = session.sender(new Attach("bench", 0L, Role.SENDER,
                    presettled ? SenderSettleMode.SETTLED : SenderSettleMode.UNSETTLED, null,
                    org.amqpexplorer.protocol.types.Source.of("client"), org.amqpexplorer.protocol.types.Target.of("queue"),
                    null, null, null, null, null, null, null));
            sender.attach();
            pump();
        }

        long batch(BinaryValue[] tags, byte[] message) {
            long receivedTarget = received + tags.length;
            long settledTarget = settled + tags.length;
            for (BinaryValue tag : tags) {
                sender.send(tag, message, 0, presettled);
            }
            while (received < receivedTarget || !presettled && settled < settledTarget) {
                if (!pump()) {
                    throw new IllegalStateException("stalled at " + received + " received, " + settled + " settled");
                }
            }
            return bytes;
        }

        /** Moves bytes both ways until both are quiet; false if nothing moved at all. */
        boolean pump() {
            boolean any = false;
            while (true) {
                boolean moved = false;
                if (client.hasOutput()) {
                    server.feed(client.takeOutput());
                    moved = true;
                }
                if (server.hasOutput()) {
                    client.feed(server.takeOutput());
                    moved = true;
                }
                if (!moved) {
                    return any;
                }
                any = true;
            }
        }
    }

    /** Proton-J's engines, driven the usual way: transports fed and drained, a collector's events handled. */
    static final class ProtonJ {
        final boolean presettled;
        final org.apache.qpid.proton.engine.Connection clientConnection = Proton.connection();
        final Transport clientTransport = Proton.transport();
        final Collector clientEvents = Proton.collector();
        final org.apache.qpid.proton.engine.Connection serverConnection = Proton.connection();
        final Transport serverTransport = Proton.transport();
        final Collector serverEvents = Proton.collector();
        final org.apache.qpid.proton.engine.Sender sender;
        final byte[] readBuffer = new byte[MESSAGE_SIZE];
        long received;
        long settled;
        long bytes;

        ProtonJ(boolean presettled) {
            this.presettled = presettled;
            clientTransport.setMaxFrameSize(MAX_FRAME_SIZE);
            clientTransport.bind(clientConnection);
            clientConnection.collect(clientEvents);
            serverTransport.setMaxFrameSize(MAX_FRAME_SIZE);
            serverTransport.bind(serverConnection);
            serverConnection.collect(serverEvents);

            clientConnection.setContainer("client");
            clientConnection.open();
            var session = clientConnection.session();
            session.open();
            sender = session.sender("bench");
            sender.setSenderSettleMode(presettled ? org.apache.qpid.proton.amqp.transport.SenderSettleMode.SETTLED
                    : org.apache.qpid.proton.amqp.transport.SenderSettleMode.UNSETTLED);
            Source source = new Source();
            source.setAddress("client");
            sender.setSource(source);
            Target target = new Target();
            target.setAddress("queue");
            sender.setTarget(target);
            sender.open();
            pump();
        }

        long batch(byte[][] tags, byte[] message) {
            long receivedTarget = received + tags.length;
            long settledTarget = settled + tags.length;
            for (byte[] tag : tags) {
                var delivery = sender.delivery(tag);
                sender.send(message, 0, message.length);
                sender.advance();
                if (presettled) {
                    delivery.settle();
                }
            }
            while (received < receivedTarget || !presettled && settled < settledTarget) {
                if (!pump()) {
                    throw new IllegalStateException("stalled at " + received + " received, " + settled + " settled");
                }
            }
            return bytes;
        }

        boolean pump() {
            boolean any = false;
            while (true) {
                handleServerEvents();
                handleClientEvents();
                boolean moved = move(clientTransport, serverTransport);
                moved |= move(serverTransport, clientTransport);
                if (!moved) {
                    return any;
                }
                any = true;
            }
        }

        private static boolean move(Transport from, Transport to) {
            boolean moved = false;
            int pending;
            while ((pending = from.pending()) > 0) {
                ByteBuffer head = from.head();
                ByteBuffer tail = to.tail();
                int n = Math.min(pending, tail.remaining());
                tail.put(head.slice(head.position(), n));
                to.process();
                from.pop(n);
                moved = true;
            }
            return moved;
        }

        private void handleServerEvents() {
            Event event;
            while ((event = serverEvents.peek()) != null) {
                switch (event.getType()) {
                    case CONNECTION_REMOTE_OPEN -> event.getConnection().open();
                    case SESSION_REMOTE_OPEN -> {
                        // The same window as ours (2048 frames): Proton-J sizes it in bytes of max-frame-size.
                        event.getSession().setIncomingCapacity(2048 * MAX_FRAME_SIZE);
                        event.getSession().open();
                    }
                    case LINK_REMOTE_OPEN -> {
                        var link = event.getLink();
                        link.setSource(link.getRemoteSource());
                        link.setTarget(link.getRemoteTarget());
                        link.open();
                        ((org.apache.qpid.proton.engine.Receiver) link).flow(CREDIT);
                    }
                    case DELIVERY -> {
                        var receiver = (org.apache.qpid.proton.engine.Receiver) event.getDelivery().getLink();
                        var delivery = receiver.current();
                        while (delivery != null && delivery.isReadable() && !delivery.isPartial()) {
                            bytes += receiver.recv(readBuffer, 0, readBuffer.length);
                            receiver.advance();
                            received++;
                            if (!delivery.remotelySettled()) {
                                delivery.disposition(org.apache.qpid.proton.amqp.messaging.Accepted.getInstance());
                            }
                            delivery.settle();
                            delivery = receiver.current();
                        }
                        if (receiver.getCredit() < CREDIT / 2) {
                            receiver.flow(CREDIT - receiver.getCredit());
                        }
                    }
                    default -> {
                    }
                }
                serverEvents.pop();
            }
        }

        private void handleClientEvents() {
            Event event;
            while ((event = clientEvents.peek()) != null) {
                if (event.getType() == Event.Type.DELIVERY && event.getDelivery().remotelySettled()) {
                    settled++;
                    event.getDelivery().settle();
                }
                clientEvents.pop();
            }
        }
    }
}
