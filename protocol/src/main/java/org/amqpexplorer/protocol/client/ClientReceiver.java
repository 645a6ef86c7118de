package org.amqpexplorer.protocol.client;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.DeliveryState;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * A receiving link. Whole messages wait here until taken ({@link #receive}, {@link #receiveAsync}); link credit
 * (2.6.7) is topped up as they are taken, so that granted credit plus messages waiting never exceed the credit
 * window: a slow taker slows the sender instead of filling memory.
 */
public final class ClientReceiver extends ClientLink {
    private final int creditWindow;
    private final long limit;
    private final CompletableFuture<ClientReceiver> attached = new CompletableFuture<>();

    // Shared between the connection's thread and takers, under the lock.
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ReceivedMessage> ready = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<ReceivedMessage>> waiters = new ArrayDeque<>();
    private ClientException closedWith;

    // Owned by the connection's thread.
    private long arrived;
    private final Map<IncomingDelivery, ByteArrayOutputStream> partial = new HashMap<>();
    private final Map<IncomingDelivery, CompletableFuture<Void>> awaitingSettlement = new HashMap<>();

    ClientReceiver(ClientSession session, String address, DeliveryGuarantee guarantee, int creditWindow, long limit) {
        super(session, address, guarantee);
        this.creditWindow = creditWindow;
        this.limit = limit;
    }

    CompletableFuture<ClientReceiver> attached() {
        return attached;
    }

    /**
     * The next message, as soon as there is one. Fails once the link has ended and every message that arrived
     * before has been taken.
     */
    public CompletableFuture<ReceivedMessage> receiveAsync() {
        lock.lock();
        try {
            ReceivedMessage m = ready.poll();
            if (m != null) {
                connection.post(this::topUpCredit);
                return CompletableFuture.completedFuture(m);
            }
            if (closedWith != null) return CompletableFuture.failedFuture(closedWith);
            CompletableFuture<ReceivedMessage> f = new CompletableFuture<>();
            waiters.add(f);
            return f;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next message.
     *
     * @return the message, or null if none arrived within {@code timeout}
     * @throws ClientException if the link has ended (after every message that arrived before was taken)
     */
    public ReceivedMessage receive(Duration timeout) {
        CompletableFuture<ReceivedMessage> f = receiveAsync();
        try {
            return f.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (f.cancel(false)) {
                lock.lock();
                try {
                    waiters.remove(f);
                } finally {
                    lock.unlock();
                }
                return null;
            }
            return f.join(); // completed just now: the message is ours
        } catch (ExecutionException e) {
            throw Await.unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for a message");
        }
    }

    @Override
    Attach template(String name) {
        return new Attach(name, 0L, Role.RECEIVER, guarantee.senderSettleMode(), guarantee.receiverSettleMode(),
                Source.of(address), Target.of(null), null, null, null, null, null, null, null);
    }

    @Override
    Link create(Session session, Attach template) {
        return session.receiver(template);
    }

    @Override
    AmqpValue peerTerminus(Attach remote) {
        return remote.source();
    }

    @Override
    String refusal(Attach remote) {
        // 2.7.3: our attach's rcv-settle-mode is the one in use, and any snd-settle-mode is handled; but the
        // sender's rcv-settle-mode says what it wants of us. One that wants first may settle on our outcome
        // without telling us (ActiveMQ Artemis acknowledges, settles and sends no disposition), so settling
        // second would wait forever: exactly-once is refused up front, as a sender refuses it.
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && remote.rcvSettleModeOrDefault() != ReceiverSettleMode.SECOND) {
            return "the peer's sender at '" + address + "' wants the receiver to settle first (rcv-settle-mode first): "
                    + "exactly-once is not available";
        }
        return null;
    }

    @Override
    void attachSucceeded() {
        topUpCredit();
        attached.complete(this);
    }

    @Override
    void failed(ClientException why) {
        attached.completeExceptionally(why);
        List<CompletableFuture<ReceivedMessage>> waiting;
        lock.lock();
        try {
            closedWith = why;
            waiting = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            lock.unlock();
        }
        for (CompletableFuture<ReceivedMessage> w : waiting) w.completeExceptionally(why);
        List<CompletableFuture<Void>> settling = new ArrayList<>(awaitingSettlement.values());
        awaitingSettlement.clear();
        for (CompletableFuture<Void> s : settling) s.completeExceptionally(why);
        partial.clear();
    }

    // ---- the connection's thread

    /**
     * Grants credit up to the window, less the messages waiting to be taken and never beyond the limit; only
     * once half the window is used, so that a flow does not follow every message.
     */
    private void topUpCredit() {
        if (failure != null) return;
        Receiver r = (Receiver) link;
        long waiting;
        lock.lock();
        try {
            waiting = ready.size();
        } finally {
            lock.unlock();
        }
        long target = creditWindow - waiting;
        if (limit > 0) target = Math.min(target, limit - arrived);
        long credit = r.credit();
        if (target > credit && credit <= creditWindow / 2) r.flow(target);
    }

    void delivery(IncomingDelivery d) {
        if (failure != null) return;
        if (d.isAborted()) {
            partial.remove(d);
            arrived++; // 2.6.14: an aborted delivery used its credit
            topUpCredit();
            return;
        }
        // Reading as frames arrive keeps the session's window open for messages larger than it.
        byte[] bytes = d.readPayload();
        ByteArrayOutputStream sofar = partial.get(d);
        if (d.isPartial()) {
            if (sofar == null) partial.put(d, sofar = new ByteArrayOutputStream());
            sofar.writeBytes(bytes);
            return;
        }
        if (sofar != null) {
            partial.remove(d);
            sofar.writeBytes(bytes);
            bytes = sofar.toByteArray();
        }
        arrived++;
        hand(new ReceivedMessage(this, d, bytes));
    }

    private void hand(ReceivedMessage m) {
        while (true) {
            CompletableFuture<ReceivedMessage> w;
            lock.lock();
            try {
                w = waiters.poll();
                if (w == null) {
                    ready.add(m);
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (w.complete(m)) { // false if the taker gave up waiting meanwhile: try the next one
                topUpCredit();
                return;
            }
        }
    }

    /** Sets our outcome; settles at once unless we settle second (exactly-once), then when the sender has. */
    void dispose(IncomingDelivery d, DeliveryState outcome, CompletableFuture<Void> done) {
        if (d.isSettled()) { // sent settled (at-most-once): nothing to say
            done.complete(null);
            return;
        }
        if (failure != null) {
            done.completeExceptionally(failure);
            return;
        }
        boolean settle = d.isRemotelySettled() || ((Receiver) link).settleMode() == ReceiverSettleMode.FIRST;
        try {
            d.disposition(outcome, settle);
        } catch (IllegalStateException e) {
            done.completeExceptionally(new ClientException("cannot settle delivery " + d.deliveryId() + ": " + e.getMessage()));
            return;
        }
        if (d.isSettled()) done.complete(null);
        else awaitingSettlement.put(d, done);
    }

    void remoteDisposition(IncomingDelivery d) {
        if (d.isRemotelySettled()) {
            CompletableFuture<Void> done = awaitingSettlement.remove(d);
            if (done != null) done.complete(null);
        }
    }
}
