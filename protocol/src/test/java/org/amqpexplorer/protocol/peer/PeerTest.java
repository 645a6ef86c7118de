package org.amqpexplorer.protocol.peer;

import static org.amqpexplorer.protocol.peer.TestClient.message;
import static org.amqpexplorer.protocol.peer.TestClient.receiving;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.TestCertificates;
import org.amqpexplorer.protocol.transport.TlsOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Coordinator;
import org.amqpexplorer.protocol.types.Declare;
import org.amqpexplorer.protocol.types.Declared;
import org.amqpexplorer.protocol.types.Discharge;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.amqpexplorer.protocol.types.TransactionalState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in peer against our own client engine over real sockets: the node behaviour, link by link. */
class PeerTest {

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final BlockingQueue<PeerEvent> events = new LinkedBlockingQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private Peer peer(PeerOptions options) throws Exception {
        Peer p = Peer.start(options, events::add);
        open.add(p);
        return p;
    }

    private Peer peer() throws Exception {
        return peer(PeerOptions.DEFAULT.withPort(0));
    }

    private TestClient client(Peer peer) throws Exception {
        TestClient c = TestClient.connect(peer);
        open.add(c);
        return c;
    }

    private static QueueSnapshot queue(Peer peer, String address) {
        return peer.queues().stream().filter(q -> q.address().equals(address)).findFirst().orElse(null);
    }

    /** Waits (on the test thread) until the queue looks like this. */
    private static void awaitQueue(Peer peer, String address, int depth, long unsettled) throws InterruptedException {
        long end = System.nanoTime() + TestClient.WAIT.toNanos();
        QueueSnapshot q = null;
        while (System.nanoTime() < end) {
            q = queue(peer, address);
            if (q != null && q.depth() == depth && q.unsettled() == unsettled) return;
            Thread.sleep(5);
        }
        throw new AssertionError("queue " + address + " did not reach depth " + depth + ", unsettled " + unsettled + ": " + q);
    }

    private static <T extends PeerEvent> T awaitEvent(BlockingQueue<PeerEvent> events, Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TestClient.WAIT.toNanos();
        while (System.nanoTime() < end) {
            PeerEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) return type.cast(e);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + TestClient.WAIT);
    }

    private static String condition(AmqpValue state) {
        return ((Rejected) state).error().condition();
    }

    // ---- queues, credit, settlement

    @Test
    void messagesSentToAnAddressAreDeliveredAndAcceptedAtLeastOnce() throws Exception {
        Peer peer = peer();
        TestClient producer = client(peer);
        Sender sender = producer.sender("orders");
        List<OutgoingDelivery> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) sent.add(producer.send(sender, message("order " + i)));
        producer.until(() -> sent.stream().allMatch(d -> d.isSettled() && d.remoteState() instanceof Accepted),
                "the peer accepts every message");
        awaitQueue(peer, "orders", 3, 0);

        TestClient consumer = client(peer);
        Receiver receiver = consumer.receiver("orders");
        consumer.flow(receiver, 10);
        for (int i = 0; i < 3; i++) {
            TestClient.Received r = consumer.next(receiver);
            assertEquals("order " + i, r.text());
            assertFalse(r.delivery().isRemotelySettled(), "unsettled: at least once");
            consumer.settle(r, Accepted.INSTANCE);
        }
        awaitQueue(peer, "orders", 0, 0);
        assertEquals(1, queue(peer, "orders").consumers());
    }

    @Test
    void preSettledDeliveriesAreGoneOnceSent() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("fire-and-forget");
        c.send(sender, message("one"));
        awaitQueue(peer, "fire-and-forget", 1, 0);
        Receiver receiver = c.receiver(receiving("fire-and-forget", SenderSettleMode.SETTLED, null));
        c.flow(receiver, 5);
        TestClient.Received r = c.next(receiver);
        assertTrue(r.delivery().isRemotelySettled(), "sent settled: at most once");
        assertEquals("one", r.text());
        awaitQueue(peer, "fire-and-forget", 0, 0);
    }

    @Test
    void exactlyOnceThePeerSettlesOnTheOutcomeThenTheReceiverSettles() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender(new Attach("eo-send", 0L, Role.SENDER, null, ReceiverSettleMode.SECOND,
                Source.of("c"), Target.of("exactly"), null, null, null, null, null, null, null));
        assertEquals(ReceiverSettleMode.SECOND, c.call(() -> sender.remoteAttach().rcvSettleMode()));
        OutgoingDelivery in = c.send(sender, message("once"));
        // The peer answers unsettled; our engine settles on that (2.6.12); the peer settles after us.
        c.until(() -> in.remoteState() instanceof Accepted && in.isSettled(), "the client settles after the peer's outcome");
        awaitQueue(peer, "exactly", 1, 0);

        Receiver receiver = c.receiver(receiving("exactly", null, ReceiverSettleMode.SECOND));
        c.flow(receiver, 1);
        TestClient.Received r = c.next(receiver);
        c.run(() -> r.delivery().disposition(Accepted.INSTANCE, false));
        c.until(() -> r.delivery().isRemotelySettled() && r.delivery().isSettled(),
                "the peer settles on the outcome, then the receiver");
        assertEquals(Accepted.INSTANCE, c.call(() -> r.delivery().remoteState()));
        awaitQueue(peer, "exactly", 0, 0);
    }

    @Test
    void drainSendsWhatIsThereThenGivesBackTheRestOfTheCredit() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("drained");
        c.send(sender, message("a"));
        c.send(sender, message("b"));
        awaitQueue(peer, "drained", 2, 0);

        Receiver receiver = c.receiver("drained");
        c.run(() -> receiver.flow(5, true));
        assertEquals("a", c.next(receiver).text());
        assertEquals("b", c.next(receiver).text());
        c.until(receiver::isDrained, "the drain completes");
        assertEquals(0, c.call(receiver::credit));
        assertEquals(5, c.call(receiver::deliveryCount), "2 deliveries and 3 credits given back");

        // Nothing there: the whole credit comes back at once.
        c.run(() -> receiver.flow(3, true));
        c.until(() -> receiver.isDrained() && receiver.deliveryCount() == 8, "an empty queue drains at once");
        assertNull(c.poll(receiver, 100));
    }

    @Test
    void aFlowIsAnsweredWithWhatIsAvailable() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("waiting");
        for (int i = 0; i < 5; i++) c.send(sender, message("m" + i));
        awaitQueue(peer, "waiting", 5, 0);
        Receiver receiver = c.receiver("waiting");
        c.flow(receiver, 2);
        c.next(receiver);
        c.next(receiver);
        c.until(() -> receiver.available() == 3, "available counts what waits beyond the credit");
    }

    @Test
    void competingReceiversTakeTurns() throws Exception {
        Peer peer = peer();
        TestClient a = client(peer);
        TestClient b = client(peer);
        Receiver ra = a.receiver("shared");
        Receiver rb = b.receiver("shared");
        a.flow(ra, 10);
        a.until(() -> a.flowsOn(ra) > 0, "the peer has seen a's credit");
        b.flow(rb, 10);
        b.until(() -> b.flowsOn(rb) > 0, "the peer has seen b's credit");

        TestClient producer = client(peer);
        Sender sender = producer.sender("shared");
        for (int i = 0; i < 10; i++) producer.send(sender, message(Integer.toString(i)));
        List<String> gotA = new ArrayList<>();
        List<String> gotB = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gotA.add(a.next(ra).text());
            gotB.add(b.next(rb).text());
        }
        assertEquals(List.of("0", "2", "4", "6", "8"), gotA);
        assertEquals(List.of("1", "3", "5", "7", "9"), gotB);
    }

    // ---- outcomes

    @Test
    void releasedGoesBackToTheFrontWithItsCountUnchanged() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("released");
        c.send(sender, message("first"));
        c.send(sender, message("second"));
        Receiver receiver = c.receiver("released");
        c.flow(receiver, 1);
        TestClient.Received first = c.next(receiver);
        c.settle(first, Released.INSTANCE);
        awaitQueue(peer, "released", 2, 0);
        c.flow(receiver, 2);
        TestClient.Received again = c.next(receiver);
        assertEquals("first", again.text());
        assertNull(again.message().header(), "3.4.4: released leaves the message as it was");
        assertEquals("second", c.next(receiver).text());
    }

    @Test
    void modifiedCountsOnlyFailedDeliveriesAndHonoursUndeliverableHere() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("modified");
        byte[] durable = new Message(new Header(true, null, null, null, null), null, null, null, null,
                Body.value(new StringValue("payload")), null).toBytes();
        c.send(sender, durable);
        Receiver receiver = c.receiver("modified");
        c.flow(receiver, 1);

        // delivery-failed: the count goes up, first-acquirer becomes false, the rest stays.
        c.settle(c.next(receiver), new Modified(true, null, null));
        c.flow(receiver, 1);
        TestClient.Received second = c.next(receiver);
        Header h = second.message().header();
        assertEquals(1, h.deliveryCountOrDefault());
        assertEquals(Boolean.FALSE, h.firstAcquirer());
        assertTrue(h.durableOrDefault());
        assertEquals("payload", second.text());

        // Not failed, with annotations: the count stays, the annotations are merged in.
        MapValue note = new MapValue(Map.of(new SymbolValue("x-note"), new StringValue("seen")));
        c.settle(second, new Modified(false, null, note));
        c.flow(receiver, 1);
        TestClient.Received third = c.next(receiver);
        assertEquals(1, third.message().header().deliveryCountOrDefault());
        assertEquals(new StringValue("seen"), third.message().messageAnnotations().value().get(new SymbolValue("x-note")));

        // undeliverable-here: never again to this link; another link gets it.
        c.settle(third, new Modified(null, true, null));
        c.flow(receiver, 5);
        assertNull(c.poll(receiver, 200), "not redelivered to the link that refused it");
        awaitQueue(peer, "modified", 1, 0);
        Receiver other = c.receiver("modified");
        c.flow(other, 1);
        assertEquals("payload", c.next(other).text());
    }

    @Test
    void rejectedIsDroppedAndReported() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("rejects");
        c.send(sender, message("bad"));
        Receiver receiver = c.receiver("rejects");
        c.flow(receiver, 1);
        ErrorCondition why = new ErrorCondition("app:bad-order", "no such product");
        c.settle(c.next(receiver), new Rejected(why));
        PeerEvent.MessageRejected e = awaitEvent(events, PeerEvent.MessageRejected.class);
        assertEquals("rejects", e.address());
        assertEquals(why, e.error());
        assertEquals("bad", ((StringValue) ((Body.ValueBody) Message.decode(e.payload()).body()).section().value()).value());
        awaitQueue(peer, "rejects", 0, 0);
    }

    // ---- transactions

    private static byte[] control(AmqpValue body) {
        return Message.of(Body.value(body)).toBytes();
    }

    @Test
    void outcomesInATransactionTakeEffectAtCommitAndComeBackAtRollback() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender("txq");
        c.send(sender, message("a"));
        c.send(sender, message("b"));
        awaitQueue(peer, "txq", 2, 0);
        Sender coordinator = c.sender(new Attach("txn-ctl", 0L, Role.SENDER, null, null, Source.of("c"),
                new Coordinator(List.of(Coordinator.LOCAL_TRANSACTIONS)), null, null, null, null, null, null, null));
        assertInstanceOf(Coordinator.class, c.call(() -> coordinator.remoteAttach().target()));

        OutgoingDelivery declare = c.send(coordinator, control(new Declare(null)));
        c.until(() -> declare.remoteState() instanceof Declared, "declared");
        AmqpValue txn = ((Declared) c.call(declare::remoteState)).txnId();

        Receiver receiver = c.receiver("txq");
        c.flow(receiver, 2);
        for (int i = 0; i < 2; i++) c.settle(c.next(receiver), new TransactionalState(txn, Accepted.INSTANCE));
        awaitQueue(peer, "txq", 0, 2); // 4.4.2: held by the transaction until it is discharged

        OutgoingDelivery rollback = c.send(coordinator, control(new Discharge(txn, true)));
        c.until(() -> rollback.remoteState() instanceof Accepted, "rolled back");
        awaitQueue(peer, "txq", 2, 0);
        c.flow(receiver, 2);
        TestClient.Received a = c.next(receiver);
        assertEquals("a", a.text(), "back in their order");
        assertEquals(1, a.message().header().deliveryCountOrDefault(), "a rolled-back acquisition counts as a failed delivery");
        TestClient.Received b = c.next(receiver);

        OutgoingDelivery again = c.send(coordinator, control(new Declare(null)));
        c.until(() -> again.remoteState() instanceof Declared, "declared again");
        AmqpValue second = ((Declared) c.call(again::remoteState)).txnId();
        c.settle(a, new TransactionalState(second, Accepted.INSTANCE));
        c.settle(b, new TransactionalState(second, Accepted.INSTANCE));
        OutgoingDelivery commit = c.send(coordinator, control(new Discharge(second, false)));
        c.until(() -> commit.remoteState() instanceof Accepted, "committed");
        awaitQueue(peer, "txq", 0, 0);

        OutgoingDelivery unknown = c.send(coordinator, control(new Discharge(second, false)));
        c.until(() -> unknown.remoteState() != null, "an answer to a discharge of a finished transaction");
        assertEquals(ErrorCondition.TRANSACTION_UNKNOWN_ID, condition(c.call(unknown::remoteState)));
    }

    @Test
    void transactionalSendsArriveAtCommitAndNotAtRollback() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender coordinator = c.sender(new Attach("txn-ctl", 0L, Role.SENDER, null, null, Source.of("c"),
                new Coordinator(null), null, null, null, null, null, null, null));
        Sender sender = c.sender("txsend");
        AmqpValue[] txn = new AmqpValue[1];
        for (boolean commit : new boolean[] {false, true}) {
            OutgoingDelivery declare = c.send(coordinator, control(new Declare(null)));
            c.until(() -> declare.remoteState() instanceof Declared, "declared");
            txn[0] = ((Declared) c.call(declare::remoteState)).txnId();
            OutgoingDelivery d = c.call(() -> sender.send(TestClient.tag(), message(commit ? "kept" : "dropped"), 0, false,
                    new TransactionalState(txn[0], null)));
            c.until(() -> d.remoteState() instanceof TransactionalState ts && ts.outcome() instanceof Accepted,
                    "4.4.1: the outcome comes inside the transaction");
            awaitQueue(peer, "txsend", 0, 0);
            OutgoingDelivery discharge = c.send(coordinator, control(new Discharge(txn[0], !commit)));
            c.until(() -> discharge.remoteState() instanceof Accepted, "discharged");
            awaitQueue(peer, "txsend", commit ? 1 : 0, 0);
        }
        OutgoingDelivery stray = c.call(() -> sender.send(TestClient.tag(), message("late"), 0, false,
                new TransactionalState(txn[0], null)));
        c.until(() -> stray.remoteState() != null, "an answer for a transaction that is over");
        assertEquals(ErrorCondition.TRANSACTION_UNKNOWN_ID, condition(c.call(stray::remoteState)));
        Receiver receiver = c.receiver("txsend");
        c.flow(receiver, 5);
        assertEquals("kept", c.next(receiver).text());
        assertNull(c.poll(receiver, 200));
    }

    @Test
    void aTransactionRollsBackWhenItsCoordinatorLinkGoes() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        c.send(c.sender("txgone"), message("m"));
        Sender coordinator = c.sender(new Attach("txn-ctl", 0L, Role.SENDER, null, null, Source.of("c"),
                new Coordinator(null), null, null, null, null, null, null, null));
        OutgoingDelivery declare = c.send(coordinator, control(new Declare(null)));
        c.until(() -> declare.remoteState() instanceof Declared, "declared");
        AmqpValue txn = ((Declared) c.call(declare::remoteState)).txnId();
        Receiver receiver = c.receiver("txgone");
        c.flow(receiver, 1);
        c.settle(c.next(receiver), new TransactionalState(txn, Accepted.INSTANCE));
        awaitQueue(peer, "txgone", 0, 1);
        c.run(coordinator::close);
        awaitQueue(peer, "txgone", 1, 0);
    }

    // ---- limits

    @Test
    void aFullQueueRejectsNamingTheMessageLimitAndTheLinkCarriesOn() throws Exception {
        Peer peer = peer(PeerOptions.DEFAULT.withPort(0).withQueueLimits(2, 1 << 20));
        TestClient c = client(peer);
        Sender sender = c.sender("small");
        OutgoingDelivery one = c.send(sender, message("1"));
        OutgoingDelivery two = c.send(sender, message("2"));
        OutgoingDelivery three = c.send(sender, message("3"));
        c.until(() -> three.remoteState() != null, "the third has an outcome");
        assertInstanceOf(Accepted.class, c.call(one::remoteState));
        assertInstanceOf(Accepted.class, c.call(two::remoteState));
        Rejected rejected = (Rejected) c.call(three::remoteState);
        assertEquals(ErrorCondition.RESOURCE_LIMIT_EXCEEDED, rejected.error().condition());
        assertTrue(rejected.error().description().contains("message limit of 2"), rejected.error().description());
        assertEquals(EndpointState.OPENED, c.call(sender::state), "the link is not broken");
        assertEquals(ErrorCondition.RESOURCE_LIMIT_EXCEEDED, awaitEvent(events, PeerEvent.MessageRefused.class).error().condition());

        Receiver receiver = c.receiver("small");
        c.flow(receiver, 1);
        c.settle(c.next(receiver), Accepted.INSTANCE);
        awaitQueue(peer, "small", 1, 0);
        OutgoingDelivery four = c.send(sender, message("4"));
        c.until(() -> four.remoteState() instanceof Accepted, "room again after one is consumed");
    }

    @Test
    void aFullQueueRejectsNamingTheByteLimit() throws Exception {
        Peer peer = peer(PeerOptions.DEFAULT.withPort(0).withQueueLimits(100, 1000));
        TestClient c = client(peer);
        Sender sender = c.sender("bytes");
        OutgoingDelivery one = c.send(sender, new byte[600]);
        OutgoingDelivery two = c.send(sender, new byte[600]);
        c.until(() -> two.remoteState() != null, "the second has an outcome");
        assertInstanceOf(Accepted.class, c.call(one::remoteState));
        Rejected rejected = (Rejected) c.call(two::remoteState);
        assertEquals(ErrorCondition.RESOURCE_LIMIT_EXCEEDED, rejected.error().condition());
        assertTrue(rejected.error().description().contains("byte limit of 1000"), rejected.error().description());
        assertEquals(EndpointState.OPENED, c.call(sender::state));
    }

    // ---- dynamic nodes

    @Test
    void aDynamicSourceMakesAQueueThatGoesWithItsLink() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Receiver receiver = c.receiver(new Attach("temp", 0L, Role.RECEIVER, null, null,
                new Source(null, null, null, null, true, null, null, null, null, null, null), Target.of("c"),
                null, null, null, null, null, null, null));
        Source answered = (Source) c.call(() -> receiver.remoteAttach().source());
        String address = ((StringValue) answered.address()).value();
        assertTrue(answered.dynamicOrDefault());
        assertTrue(queue(peer, address).dynamic());
        assertEquals(address, awaitEvent(events, PeerEvent.QueueCreated.class).address());

        TestClient other = client(peer);
        Sender sender = other.sender(address);
        other.send(sender, message("to the temporary queue"));
        c.flow(receiver, 1);
        TestClient.Received r = c.next(receiver);
        assertEquals("to the temporary queue", r.text());
        c.settle(r, Accepted.INSTANCE);

        c.run(receiver::close);
        assertEquals(address, awaitEvent(events, PeerEvent.QueueDeleted.class).address());
        assertNull(queue(peer, address));
        other.until(() -> sender.remoteError() != null, "the other link is closed");
        assertEquals(ErrorCondition.RESOURCE_DELETED, other.call(() -> sender.remoteError().condition()));
    }

    @Test
    void aDynamicTargetMakesAQueueToo() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Sender sender = c.sender(new Attach("temp-out", 0L, Role.SENDER, null, null, Source.of("c"),
                new Target(null, null, null, null, true, null, null), null, null, null, null, null, null, null));
        String address = ((StringValue) ((Target) c.call(() -> sender.remoteAttach().target())).address()).value();
        c.send(sender, message("x"));
        awaitQueue(peer, address, 1, 0);
        c.run(sender::close);
        c.until(() -> sender.state() == EndpointState.CLOSED, "detached");
        assertNull(queue(peer, address));
    }

    // ---- connections going

    @Test
    void aConnectionThatDropsReleasesItsUnsettledDeliveries() throws Exception {
        Peer peer = peer();
        TestClient producer = client(peer);
        Sender sender = producer.sender("dropped");
        for (int i = 0; i < 3; i++) producer.send(sender, message("m" + i));
        awaitQueue(peer, "dropped", 3, 0);

        TestClient doomed = client(peer);
        Receiver receiver = doomed.receiver("dropped");
        doomed.flow(receiver, 10);
        for (int i = 0; i < 3; i++) doomed.next(receiver);
        awaitQueue(peer, "dropped", 0, 3);
        doomed.transport.shutdown(); // the socket goes, with no close
        awaitQueue(peer, "dropped", 3, 0);
        assertEquals(0, queue(peer, "dropped").consumers());
        PeerEvent.ConnectionClosed closed = awaitEvent(events, PeerEvent.ConnectionClosed.class);
        assertNotNull(closed.reason(), "a dropped socket is not a clean close");

        TestClient next = client(peer);
        Receiver again = next.receiver("dropped");
        next.flow(again, 10);
        for (int i = 0; i < 3; i++) assertEquals("m" + i, next.next(again).text(), "in their original order");
    }

    @Test
    void observersSeeEachConnectionWithItsEngine() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        PeerEvent.ConnectionAccepted accepted = awaitEvent(events, PeerEvent.ConnectionAccepted.class);
        assertNotNull(accepted.connection());
        assertEquals(1, peer.connectionCount());
        c.close();
        PeerEvent.ConnectionClosed closed = awaitEvent(events, PeerEvent.ConnectionClosed.class);
        assertEquals(accepted.connectionId(), closed.connectionId());
        assertNull(closed.reason(), "a clean close");
        assertEquals(0, peer.connectionCount());
    }

    @Test
    void closingThePeerClosesEveryConnectionWithConnectionForced() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        peer.close();
        c.await(TransportEvent.Closed.class);
        assertEquals(ErrorCondition.CONNECTION_FORCED, c.connection.remoteError().condition());
        assertEquals(0, peer.connectionCount());
        assertTrue(events.stream().anyMatch(e -> e instanceof PeerEvent.ConnectionClosed closed
                && closed.reason().contains(ErrorCondition.CONNECTION_FORCED)), events.toString());
    }

    @Test
    void aLinkWithoutAnAddressIsRefused() throws Exception {
        Peer peer = peer();
        TestClient c = client(peer);
        Receiver receiver = c.receiver(new Attach("nowhere", 0L, Role.RECEIVER, null, null, null, Target.of("c"),
                null, null, null, null, null, null, null));
        c.until(() -> receiver.remoteError() != null, "refused");
        assertEquals(ErrorCondition.NOT_FOUND, c.call(() -> receiver.remoteError().condition()));
        assertNull(c.call(() -> receiver.remoteAttach().source()), "2.6.3: no terminus of the peer's");
        Sender sender = c.sender("still-fine");
        OutgoingDelivery d = c.send(sender, message("ok"));
        c.until(() -> d.remoteState() instanceof Accepted, "the session carries on");
    }

    // ---- security

    @Test
    void usersAndTlsAreRequiredWhenConfigured(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Peer CA");
        Path keyStore = TestCertificates.keyStore(dir, "peer", TestCertificates.issue(ca, "peer", "localhost"), ca);
        TlsOptions serverTls = TlsOptions.DEFAULT.withKeyStore(keyStore, TestCertificates.PASSWORD);
        Peer peer = peer(PeerOptions.DEFAULT.withPort(0).withTls(serverTls, true)
                .withUsers(SaslUsers.of(Map.of("alice", "secret"))));
        TlsOptions trust = TlsOptions.DEFAULT.withTrustStore(TestCertificates.pem(dir, "ca", ca.certificate()), null);

        ClientOptions right = ClientOptions.of(AmqpUrl.parse("amqps://alice:secret@localhost:" + peer.port()))
                .withTls(trust).withTimeouts(TestClient.WAIT, TestClient.WAIT);
        TestClient c = TestClient.connect(right);
        open.add(c);
        assertNotNull(c.await(TransportEvent.Connected.class).tls());
        Sender sender = c.sender("secure");
        OutgoingDelivery d = c.send(sender, message("s"));
        c.until(() -> d.remoteState() instanceof Accepted, "accepted over TLS after SASL");
        PeerEvent.ConnectionAuthenticated auth = awaitEvent(events, PeerEvent.ConnectionAuthenticated.class);
        assertEquals("alice", auth.identity());

        ClientOptions wrong = ClientOptions.of(AmqpUrl.parse("amqps://alice:guess@localhost:" + peer.port()))
                .withTls(trust).withTimeouts(TestClient.WAIT, TestClient.WAIT);
        BlockingQueue<TransportEvent> refused = new LinkedBlockingQueue<>();
        Connection engine = Connection.initiator();
        Transport.connect(wrong, engine, refused::add);
        engine.post(engine::open);
        TransportEvent.Failed failed = null;
        for (TransportEvent e; failed == null && (e = refused.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (e instanceof TransportEvent.Failed f) failed = f;
        }
        assertNotNull(failed, "a wrong password fails");
        assertTrue(failed.reason().contains("wrong user name or password"), failed.reason());
        assertEquals(EndpointState.OPENED, c.call(sender::state), "the good connection is untouched");
    }
}
