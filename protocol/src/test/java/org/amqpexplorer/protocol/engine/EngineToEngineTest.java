package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.junit.jupiter.api.Test;

/** Both ends ours, joined in memory: whatever one sends, the other must make sense of. */
class EngineToEngineTest {

    /** Two engines and the bytes between them. */
    static final class Pair {
        /** Nobody observes these engines: a clock that is never asked proves no event is ever built. */
        static final ConnectionOptions UNOBSERVED = ConnectionOptions.DEFAULT.withClock(() -> {
            throw new AssertionError("an event was built with no observer");
        });
        final Connection client;
        final Connection server;

        Pair() {
            this(UNOBSERVED);
        }

        Pair(ConnectionOptions options) {
            client = Connection.initiator(options);
            server = Connection.acceptor(options);
        }

        /** Moves bytes both ways until both are quiet; returns how many rounds that took. */
        int pump() {
            for (int rounds = 0; rounds < 1_000_000; rounds++) {
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
                    return rounds;
                }
            }
            throw new AssertionError("never quiet");
        }
    }

    /** What the server application does: take every delivery, read it, settle it, keep credit topped up. */
    static final class Consumer {
        final List<byte[]> messages = new ArrayList<>();
        final List<IncomingDelivery> deliveries = new ArrayList<>();
        final long creditWindow;
        final boolean settleSecond;

        Consumer(long creditWindow, boolean settleSecond) {
            this.creditWindow = creditWindow;
            this.settleSecond = settleSecond;
        }

        void remoteAttached(Link link) {
            if (link instanceof Receiver receiver && link.localAttach() == null) {
                Attach theirs = link.remoteAttach();
                receiver.attach(new Attach(theirs.name(), 0L, Role.RECEIVER, theirs.sndSettleMode(),
                        settleSecond ? ReceiverSettleMode.SECOND : ReceiverSettleMode.FIRST, theirs.source(),
                        theirs.target(), null, null, null, null, null, null, null));
                receiver.flow(creditWindow);
            }
        }

        void delivery(IncomingDelivery delivery) {
            if (delivery.isPartial()) {
                return;
            }
            messages.add(delivery.readPayload());
            deliveries.add(delivery);
            if (!delivery.isSettled()) {
                delivery.disposition(Accepted.INSTANCE, !settleSecond);
            }
            Receiver receiver = delivery.receiver();
            if (receiver.credit() <= creditWindow / 2) {
                receiver.flow(creditWindow);
            }
        }
    }

    /** The server: answers open and begin with these limits, and consumes. */
    private static ConnectionHandler serverOf(Consumer consumer, long maxFrameSize, long incomingWindow, long nextOutgoingId) {
        return new ConnectionHandler() {
            @Override
            public void remoteOpened(Connection connection) {
                connection.open(new Open("server", null, maxFrameSize, null, null, null, null, null, null, null));
            }

            @Override
            public void remoteBegan(Session session) {
                session.begin(new Begin(null, nextOutgoingId, incomingWindow, 100L, null, null, null, null));
            }

            @Override
            public void remoteAttached(Link link) {
                consumer.remoteAttached(link);
            }

            @Override
            public void delivery(IncomingDelivery delivery) {
                consumer.delivery(delivery);
            }
        };
    }

    /** The client's open, begin and attach, answered by the server's handler. */
    private static Sender connect(Pair pair, long maxFrameSize, long incomingWindow, SenderSettleMode sndMode,
                                  ReceiverSettleMode rcvMode, long initialDeliveryCount, long nextOutgoingId) {
        pair.client.open(new Open("client", null, maxFrameSize, null, null, null, null, null, null, null));
        Session session = pair.client.session();
        session.begin(new Begin(null, nextOutgoingId, incomingWindow, 100L, null, null, null, null));
        Sender sender = session.sender(new Attach("to-queue", 0L, Role.SENDER, sndMode, rcvMode, Source.of("client"),
                Target.of("queue"), null, null, initialDeliveryCount, null, null, null, null));
        sender.attach();
        pair.pump();
        return sender;
    }

    @Test
    void aThousandMessagesOfEverySizeArriveIntactAndSettled() {
        Pair pair = new Pair();
        Consumer consumer = new Consumer(10, false);
        pair.server.handler(serverOf(consumer, 600, 8, 0xFFFF_FFF0L));
        Sender sender = connect(pair, 512, 8, SenderSettleMode.UNSETTLED, null, 0xFFFF_FFFEL, 0xFFFF_FFF0L);
        Session session = sender.session();
        assertEquals(EndpointState.OPENED, sender.state());

        Random random = new Random(42);
        List<byte[]> sent = new ArrayList<>();
        List<OutgoingDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] message = new byte[random.nextInt(i % 10 == 0 ? 5000 : 200)];
            random.nextBytes(message);
            sent.add(message);
            deliveries.add(sender.send(BinaryValue.of(Integer.toString(i).getBytes()), message));
        }
        pair.pump();
        assertEquals(sent.size(), consumer.messages.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), consumer.messages.get(i), "message " + i);
        }
        for (OutgoingDelivery d : deliveries) {
            assertTrue(d.isSettled() && d.isRemotelySettled(), d.toString());
            assertEquals(Accepted.INSTANCE, d.remoteState());
        }
        Session serverSession = pair.server.sessions().get(0);
        assertEquals(session.nextOutgoingId(), serverSession.nextIncomingId(), "transfer-ids agree across the wrap");
        assertEquals(sender.deliveryCount(), ((Receiver) serverSession.links().get(0)).deliveryCount());
        assertEquals(0, serverSession.incoming.bufferedBytes());
    }

    @Property(tries = 40)
    void anyFrameSizeWindowAndCreditDeliversEverything(@ForAll @IntRange(min = 512, max = 4096) int maxFrameSize,
                                                        @ForAll @IntRange(min = 1, max = 20) int incomingWindow,
                                                        @ForAll @IntRange(min = 1, max = 20) int credit,
                                                        @ForAll boolean exactlyOnce,
                                                        @ForAll @IntRange(min = 1, max = 40) int count,
                                                        @ForAll long seed) {
        Pair pair = new Pair();
        Consumer consumer = new Consumer(credit, exactlyOnce);
        pair.server.handler(serverOf(consumer, maxFrameSize, incomingWindow, seed & 0xFFFF_FFFFL));
        Sender sender = connect(pair, maxFrameSize, incomingWindow, SenderSettleMode.UNSETTLED,
                exactlyOnce ? ReceiverSettleMode.SECOND : ReceiverSettleMode.FIRST, seed >>> 32, seed & 0xFFFF_FFFFL);
        Random random = new Random(seed);
        List<byte[]> sent = new ArrayList<>();
        List<OutgoingDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] message = new byte[random.nextInt(3 * maxFrameSize)];
            random.nextBytes(message);
            sent.add(message);
            deliveries.add(sender.send(BinaryValue.of(new byte[] {(byte) i}), message));
        }
        pair.pump();

        assertEquals(count, consumer.messages.size());
        for (int i = 0; i < count; i++) {
            assertArrayEquals(sent.get(i), consumer.messages.get(i));
        }
        for (OutgoingDelivery d : deliveries) {
            assertTrue(d.isSettled(), d.toString());
        }
        for (IncomingDelivery d : consumer.deliveries) {
            // In mode first the receiver settles first and never hears of the sender's settling (nor needs to).
            assertTrue(d.isSettled() && d.isRemotelySettled() == exactlyOnce, d.toString());
        }
        Session serverSession = pair.server.sessions().get(0);
        assertEquals(0, serverSession.incoming.bufferedBytes(), "everything read, nothing held");
    }

    @Test
    void aSmallOutputHighWaterOnlyPacesTheOutput() {
        Pair pair = new Pair(Pair.UNOBSERVED.withOutputHighWater(1000));
        Consumer consumer = new Consumer(100, false);
        pair.server.handler(serverOf(consumer, 512, 100, 0));
        Sender sender = connect(pair, 512, 100, SenderSettleMode.UNSETTLED, null, 0, 0);
        for (int i = 0; i < 20; i++) {
            sender.send(BinaryValue.of(new byte[] {(byte) i}), new byte[3000]);
        }
        java.nio.ByteBuffer first = pair.client.takeOutput();
        assertTrue(first.remaining() < 1000 + 512, "no more than a frame past the high water");
        assertTrue(pair.client.hasOutput(), "taking output let the engine write the next frames");
        pair.server.feed(first);
        pair.pump();
        assertEquals(20, consumer.messages.size());
    }

    @Test
    void drainBetweenOurOwnEnds() {
        Pair pair = new Pair();
        List<Receiver> receivers = new ArrayList<>();
        pair.server.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                receivers.add((Receiver) link);
            }
        });
        pair.client.open();
        Session session = pair.client.session();
        session.begin();
        Sender sender = session.sender("s");
        sender.attach();
        sender.send(BinaryValue.of(new byte[] {1}), new byte[] {1});
        pair.pump();
        Receiver receiver = receivers.get(0);

        receiver.flow(5, true);
        pair.pump();
        assertTrue(receiver.isDrained());
        assertEquals(0, receiver.credit());
        assertEquals(5, receiver.deliveryCount());
        assertEquals(5, sender.deliveryCount());
        assertEquals(0, sender.credit());
    }

    @Test
    void closingShutsBothEndsDown() {
        Pair pair = new Pair();
        pair.client.open();
        Session session = pair.client.session();
        session.begin();
        session.receiver("r").attach();
        pair.pump();
        assertEquals(1, pair.server.sessions().size());

        pair.client.close();
        pair.pump();
        assertEquals(EndpointState.CLOSED, pair.client.state());
        assertEquals(EndpointState.CLOSED, pair.server.state());
        assertTrue(pair.client.isFinished());
        assertTrue(pair.server.isFinished());
    }

    @Test
    void heartbeatsKeepAnIdleConnectionAlive() {
        Pair pair = new Pair();
        pair.client.open(new Open("c", null, null, null, 1000L, null, null, null, null, null));
        pair.server.handler(new ConnectionHandler() {
            @Override
            public void remoteOpened(Connection connection) {
                connection.open(new Open("s", null, null, null, 1000L, null, null, null, null, null));
            }
        });
        pair.pump();
        for (long now = 0; now <= 10_000; now += 100) {
            pair.client.tick(now);
            pair.server.tick(now);
            pair.pump();
        }
        assertEquals(EndpointState.OPENED, pair.client.state());
        assertEquals(EndpointState.OPENED, pair.server.state());
    }
}
