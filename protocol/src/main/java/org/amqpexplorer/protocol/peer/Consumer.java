package org.amqpexplorer.protocol.peer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.Outcome;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.TransactionalState;

/**
 * A link on which the peer delivers a queue's messages to a client (the peer is the sender). Lives on its
 * connection's thread, except for {@link #inbox}, {@link #wanted} and {@link #wake()}, which the queue uses.
 *
 * <p>Settlement (2.6.12): with snd-settle-mode settled a message is gone once handed to the engine (at most
 * once); otherwise it stays acquired until the client's outcome, and the peer settles when the outcome arrives
 * (at least once; with rcv-settle-mode second the client settles after that, exactly once). Outcomes (3.4):
 * accepted removes the message; rejected drops it and tells the observers; released puts it back at the front
 * as it was; modified puts it back with the delivery-count raised only if delivery-failed is set, and never
 * again to this link if undeliverable-here is. That is the spec's rule, not a simpler "every redelivery
 * counts": a released message was not processed, so its count stays. A delivery settled without an outcome
 * takes the source's default-outcome, or accepted. Deliveries left unsettled when the link or connection goes
 * are released.
 */
final class Consumer implements Queue.Attachment {

    final PeerConnection owner;
    final Sender link;
    final Queue queue;
    /** The queue was made for this link (dynamic) and goes with it. */
    private final boolean ownsQueue;
    private final long maxMessageSize;
    private final boolean presettled;
    private final AmqpValue defaultOutcome;

    /** How many more messages the queue may put in the inbox; guarded by the queue's lock. */
    long wanted;
    /** Messages the queue acquired for this link, to be sent on its own thread. */
    final ConcurrentLinkedQueue<StoredMessage> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean woken = new AtomicBoolean();

    private final Map<OutgoingDelivery, StoredMessage> unsettled = new LinkedHashMap<>();
    private long nextTag;
    private long reportedAvailable = -1;
    private boolean detached;

    Consumer(PeerConnection owner, Sender link, Queue queue, boolean ownsQueue, Source source) {
        this.owner = owner;
        this.link = link;
        this.queue = queue;
        this.ownsQueue = ownsQueue;
        Long max = link.remoteAttach().maxMessageSize();
        this.maxMessageSize = max == null ? 0 : max;
        this.presettled = link.settleMode() == SenderSettleMode.SETTLED;
        this.defaultOutcome = source == null ? null : source.defaultOutcome();
    }

    /** Whether this link may have the message: not refused here, and within the client's max-message-size. */
    boolean accepts(StoredMessage m) {
        return !m.isUndeliverableTo(this) && (maxMessageSize == 0 || m.size() <= maxMessageSize);
    }

    /** From the queue, on any thread: the inbox has messages; the connection's thread sends them. */
    void wake() {
        if (woken.compareAndSet(false, true)) {
            owner.connection.post(this::pump);
        }
    }

    /** The client's flow changed our credit or asked for drain. */
    void flowed() {
        pump();
        long available = queue.depth();
        if (available != reportedAvailable && isOpen()) {
            // 2.6.7 available: what waits here beyond the credit.
            reportedAvailable = available;
            link.available(available);
        }
    }

    /**
     * Sends what the inbox holds as far as credit goes, gives the rest back, and takes more from the queue for
     * the credit left. Credit here is the engine's link-credit less the deliveries it has not started yet.
     */
    void pump() {
        woken.set(false);
        if (detached) {
            return;
        }
        long room = isOpen() ? Math.max(0, link.credit() - link.queued()) : 0;
        List<StoredMessage> back = new ArrayList<>();
        for (StoredMessage m = inbox.poll(); m != null; m = inbox.poll()) {
            if (room > 0) {
                send(m);
                room--;
            } else {
                back.add(m);
            }
        }
        for (StoredMessage m : queue.update(this, room, back, link.isDrain())) {
            send(m);
        }
    }

    private void send(StoredMessage m) {
        BinaryValue tag = BinaryValue.wrap(ByteBuffer.allocate(8).putLong(nextTag++).array());
        if (presettled) {
            link.send(tag, m.payload(), m.messageFormat(), true);
            queue.settled(m);
        } else {
            unsettled.put(link.send(tag, m.payload(), m.messageFormat(), false), m);
        }
    }

    /** The client's disposition for a delivery of ours. */
    void disposition(OutgoingDelivery d) {
        StoredMessage m = unsettled.get(d);
        if (m == null) {
            return;
        }
        AmqpValue state = d.remoteState();
        if (state instanceof TransactionalState ts) {
            // 4.4.2: an outcome inside a transaction takes effect when the transaction is discharged.
            if (ts.outcome() == null && !d.isRemotelySettled()) {
                return;
            }
            Transaction tx = owner.transactions.find(ts.txnId());
            if (tx == null) {
                owner.closeLink(link, new ErrorCondition(ErrorCondition.TRANSACTION_UNKNOWN_ID,
                        "disposition in transaction " + ts.txnId() + ", which is not active"));
                return;
            }
            unsettled.remove(d);
            tx.acquired(this, m, ts.outcome() == null ? outcomeWhenSettled() : ts.outcome(), d);
            return;
        }
        AmqpValue outcome = state instanceof Outcome ? state : d.isRemotelySettled() ? outcomeWhenSettled() : null;
        if (outcome == null) {
            return; // e.g. received (3.4.1): not an outcome yet
        }
        unsettled.remove(d);
        if (!d.isSettled()) {
            // The sender settles once it knows the outcome; with rcv-settle-mode second the receiver then settles.
            d.disposition(outcome, true);
        }
        settle(m, outcome);
    }

    private AmqpValue outcomeWhenSettled() {
        return defaultOutcome instanceof Outcome ? defaultOutcome : Accepted.INSTANCE;
    }

    /** Applies an outcome to a message this link acquired (now, or at a transaction's commit). */
    void settle(StoredMessage m, AmqpValue outcome) {
        switch (outcome) {
            case Accepted a -> queue.settled(m);
            case Rejected r -> {
                queue.settled(m);
                owner.peer.emit(new PeerEvent.MessageRejected(queue.address, owner.id, r.error(), m.payload().clone()));
            }
            case Modified mod -> {
                StoredMessage back = m.redelivered(Boolean.TRUE.equals(mod.deliveryFailed()), mod.messageAnnotations());
                if (Boolean.TRUE.equals(mod.undeliverableHere())) {
                    back = back.undeliverableTo(this);
                }
                queue.requeue(m, back);
            }
            // Released, and outcomes this peer does not know: back as it was (3.4.4).
            default -> queue.requeue(m, m.redelivered(false, null));
        }
    }

    boolean isOpen() {
        return link.state() == EndpointState.OPENED;
    }

    /**
     * The link is going (detached, session ended, connection gone): deliveries not yet started are abandoned,
     * and every message not settled goes back to the queue's front, released. A queue made for this link is
     * deleted.
     */
    void detached() {
        if (detached) {
            return;
        }
        detached = true;
        queue.detach(this);
        List<StoredMessage> back = new ArrayList<>();
        for (Map.Entry<OutgoingDelivery, StoredMessage> e : unsettled.entrySet()) {
            OutgoingDelivery d = e.getKey();
            if (!d.isSent() && !d.isAborted() && link.session().state() == EndpointState.OPENED) {
                d.abort();
            }
            back.add(e.getValue());
        }
        unsettled.clear();
        for (StoredMessage m = inbox.poll(); m != null; m = inbox.poll()) {
            back.add(m);
        }
        queue.requeue(back);
        if (ownsQueue) {
            owner.peer.nodes.delete(queue);
        }
    }

    @Override
    public void nodeDeleted(Queue deleted) {
        owner.connection.post(() -> owner.closeLink(link, PeerConnection.deleted(deleted)));
    }
}
