package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.junit.jupiter.api.Test;

/**
 * Link recovery (2.6.13) between two of our engines while the connection between them is cut at random bytes:
 * each cut loses whatever was on the wire, both engines see the transport go, and a new connection attaches the
 * link again by name. At-least-once must lose nothing; exactly-once must also hand nothing over twice. The
 * receiving application gives a third of its outcomes late, so that a cut can find messages handed over with
 * no outcome yet (resumed on the next connection) as well as outcomes on the wire (settled by a resumed
 * transfer) and settlements on the wire (forgotten at the next attach).
 */
class LinkRecoveryFaultTest {

    /** How many messages may be unsettled at the sender, and the receiver's credit window. */
    private static final int IN_FLIGHT = 60;
    private static final long MAX_FRAME_SIZE = 2048;

    /** A client container that sends and a server container that receives, and the connection between them. */
    static final class Containers {
        final ReceiverSettleMode mode;
        final LinkRecovery clientRecovery = new LinkRecovery();
        final LinkRecovery serverRecovery = new LinkRecovery();
        final RecoverableSender sender;
        /** How many times each message reached the receiving application. */
        final Map<Integer, Integer> handed = new HashMap<>();
        final Map<BinaryValue, AmqpValue> outcomes = new HashMap<>();
        /** Messages the application takes its time over: it gives their outcome when the pump is over. */
        final List<BinaryValue> deferred = new ArrayList<>();
        Connection client;
        Connection server;
        /** Bytes the current connection may still carry before it is cut. */
        long budget;
        int connections;
        int drops;

        Containers(ReceiverSettleMode mode) {
            this.mode = mode;
            this.sender = clientRecovery.sender(new Attach("orders", 0L, Role.SENDER, SenderSettleMode.UNSETTLED, mode,
                    Source.of("client"), Target.of("orders"), null, null, null, null, null, null, null), outcomes::put);
        }

        RecoverableReceiver receiver() {
            return serverRecovery.receiver("orders");
        }

        /** A new connection, cut after this many bytes (either way), and the link attached again on it. */
        void connect(long budget) {
            this.budget = budget;
            connections++;
            client = Connection.initiator();
            server = Connection.acceptor();
            client.handler(clientRecovery.handler(null));
            server.handler(serverRecovery.handler(new ConnectionHandler() {
                @Override
                public void remoteOpened(Connection connection) {
                    connection.open(new Open("server", null, MAX_FRAME_SIZE, null, null, null, null, null, null, null));
                }

                @Override
                public void remoteAttached(Link link) {
                    // The first time only: afterwards the recovery layer answers by name.
                    if (link instanceof Receiver r && r.localAttach() == null) {
                        Attach theirs = r.remoteAttach();
                        serverRecovery.receiver(new Attach(theirs.name(), 0L, Role.RECEIVER, null, mode, theirs.source(),
                                theirs.target(), null, null, null, null, null, null, null), IN_FLIGHT,
                                Containers.this::handed).attach(r);
                    }
                }
            }));
            client.open(new Open("client", null, MAX_FRAME_SIZE, null, null, null, null, null, null, null));
            Session session = client.session();
            session.begin();
            sender.attach(session);
        }

        private void handed(RecoverableReceiver receiver, BinaryValue tag, byte[] payload) {
            int n = ByteBuffer.wrap(tag.toByteArray()).getInt();
            assertArrayEquals(payload(n), payload, "message " + n + " arrived intact");
            handed.merge(n, 1, Integer::sum);
            if (n % 3 == 0) {
                deferred.add(tag);
            } else {
                receiver.disposition(tag, Accepted.INSTANCE);
            }
        }

        /** The application's late outcomes: sent at once if the link is up, else in the next attach's map. */
        void decideDeferred() {
            for (BinaryValue tag : deferred) {
                receiver().disposition(tag, Accepted.INSTANCE);
            }
            deferred.clear();
        }

        /** Moves bytes both ways until both ends are quiet; false if the connection was cut on the way. */
        boolean pump() {
            while (true) {
                int moved = move(client, server);
                if (moved < 0) {
                    return false;
                }
                int back = move(server, client);
                if (back < 0) {
                    return false;
                }
                if (moved == 0 && back == 0) {
                    return true;
                }
            }
        }

        /** Moves what one end has for the other; -1 if the budget ran out on the way (the rest is lost). */
        int move(Connection from, Connection to) {
            if (!from.hasOutput()) {
                return 0;
            }
            ByteBuffer bytes = from.takeOutput();
            int size = bytes.remaining();
            if (size > budget) {
                bytes.limit(bytes.position() + (int) budget);
                to.feed(bytes);
                cut();
                return -1;
            }
            budget -= size;
            to.feed(bytes);
            return size;
        }

        void cut() {
            client.transportClosed();
            server.transportClosed();
            drops++;
        }
    }

    static BinaryValue tag(int n) {
        return BinaryValue.of(ByteBuffer.allocate(4).putInt(n).array());
    }

    /** Message n: 1 to 5000 bytes (up to three frames), its content derived from n. */
    static byte[] payload(int n) {
        byte[] bytes = new byte[1 + (int) ((n * 7919L) % 5000)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (n * 31 + i);
        }
        return bytes;
    }

    /**
     * Sends {@code count} messages while cutting the connection at random bytes: a quarter of the cuts come
     * within the first 4000 bytes (open, attach, the resumed deliveries), the rest anywhere in the first
     * {@code spread} bytes.
     */
    static Containers run(ReceiverSettleMode mode, int count, long spread, long seed) {
        Random random = new Random(seed);
        Containers c = new Containers(mode);
        int next = 0;
        while (c.outcomes.size() < count) {
            long budget = c.drops >= 400 ? Long.MAX_VALUE
                    : random.nextInt(4) == 0 ? random.nextInt(4000) : (long) (random.nextDouble() * spread);
            c.connect(budget);
            while (true) {
                int before = c.outcomes.size();
                int sentBefore = next;
                while (next < count && c.sender.unsettled() < IN_FLIGHT) {
                    c.sender.send(tag(next), payload(next));
                    next++;
                }
                if (!c.pump()) {
                    break;
                }
                if (c.outcomes.size() == count) {
                    break;
                }
                // Decided once the pump is over: a cut leaves them undecided into the next attach.
                boolean decided = !c.deferred.isEmpty();
                c.decideDeferred();
                if (c.outcomes.size() == before && next == sentBefore && !decided) {
                    throw new AssertionError("stalled at " + c.outcomes.size() + " outcomes: " + c.sender + ", "
                            + c.receiver());
                }
            }
        }
        return c;
    }

    private static void report(String name, Containers c, int count, long nanos) {
        RecoverableReceiver r = c.receiver();
        long twice = c.handed.values().stream().filter(n -> n > 1).count();
        System.out.printf("%s: sent %d, delivered %d (%d handed more than once), resent %d, resumed %d, "
                        + "deduplicated %d, ignored %d, drops %d, connections %d, %d ms%n", name, count, r.delivered(),
                twice, c.sender.resent(), c.sender.resumed(), r.duplicates(), r.ignored(), c.drops, c.connections,
                nanos / 1_000_000);
    }

    /** One message, the connection cut once as the test says, then a new connection that runs until quiet. */
    private static Containers oneMessageCut(ReceiverSettleMode mode, boolean settlementReachesTheSender) {
        Containers c = new Containers(mode);
        c.connect(Long.MAX_VALUE);
        c.pump();
        c.sender.send(tag(1), payload(1));
        c.move(c.client, c.server);
        if (settlementReachesTheSender) {
            c.move(c.server, c.client);
        }
        c.cut();
        c.connect(Long.MAX_VALUE);
        c.pump();
        return c;
    }

    @Test
    void exactlyOnceTheReceiversOutcomeLostWithTheConnection() {
        Containers c = oneMessageCut(ReceiverSettleMode.SECOND, false);
        assertEquals(Map.of(1, 1), c.handed, "handed over once");
        assertEquals(Map.of(tag(1), Accepted.INSTANCE), c.outcomes, "its map told the sender the outcome (3.4.6 tag 3)");
        assertEquals(0, c.sender.resent());
        assertEquals(1, c.receiver().duplicates(), "the settling resumed transfer, not handed over");
        assertEquals(0, c.receiver().unsettled());
    }

    @Test
    void exactlyOnceTheSendersSettlementLostWithTheConnection() {
        Containers c = oneMessageCut(ReceiverSettleMode.SECOND, true);
        assertEquals(Map.of(1, 1), c.handed);
        assertEquals(Map.of(tag(1), Accepted.INSTANCE), c.outcomes);
        assertEquals(0, c.receiver().duplicates());
        assertEquals(0, c.receiver().unsettled(), "only in the receiver's map: settled at the attach (2.6.13)");
    }

    @Test
    void atLeastOnceTheReceiversSettlementLostSendsTheMessageAgain() {
        Containers c = oneMessageCut(ReceiverSettleMode.FIRST, false);
        assertEquals(Map.of(1, 2), c.handed, "at-least-once: the receiver had forgotten it, so it came again");
        assertEquals(1, c.sender.resent());
        assertEquals(Map.of(tag(1), Accepted.INSTANCE), c.outcomes);
    }

    @Test
    void atLeastOnceLosesNothingAcrossFiftyDrops() {
        int count = 10_000;
        long start = System.nanoTime();
        Containers c = run(ReceiverSettleMode.FIRST, count, 600_000, 1);
        report("at-least-once", c, count, System.nanoTime() - start);
        assertTrue(c.drops >= 50, "dropped " + c.drops + " times");
        assertEquals(count, c.handed.size(), "every message reached the application");
        assertEquals(count, c.outcomes.size());
        assertTrue(c.outcomes.values().stream().allMatch(Accepted.INSTANCE::equals), "every outcome is accepted");
        assertEquals(0, c.sender.unsettled());
    }

    @Test
    void exactlyOnceLosesNothingAndHandsNothingOverTwiceAcrossFiftyDrops() {
        int count = 10_000;
        long start = System.nanoTime();
        Containers c = run(ReceiverSettleMode.SECOND, count, 600_000, 2);
        c.decideDeferred();
        c.pump();
        report("exactly-once", c, count, System.nanoTime() - start);
        assertTrue(c.drops >= 50, "dropped " + c.drops + " times");
        assertEquals(count, c.handed.size(), "every message reached the application");
        assertTrue(c.handed.values().stream().allMatch(n -> n == 1), "none twice");
        assertTrue(c.outcomes.values().stream().allMatch(Accepted.INSTANCE::equals), "every outcome is accepted");
        assertEquals(0, c.sender.unsettled());
        assertEquals(0, c.receiver().unsettled(), "the receiver heard every settlement");
    }
}
