package org.amqpexplorer.protocol.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.amqpexplorer.protocol.types.ErrorCondition;

/**
 * A node (2.1) of the built-in peer: a queue of messages in memory, in arrival order, shared by every connection
 * whose links attach to its address.
 *
 * <p>Thread-safe. Its lock guards its own data only and is never held while calling into an engine: a message
 * for a consumer goes into that consumer's inbox, and the consumer's connection is told with a post once the
 * lock is released (the consumer then sends it on its own thread, or gives it back). Consumers that still want
 * messages wait in a ring, so competing consumers take turns, one message each.
 *
 * <p>The limits count every message the queue answers for: those waiting, those acquired by a consumer and not
 * yet settled (they may come back), and those sent in a transaction not yet discharged (they may arrive).
 */
final class Queue {

    final String address;
    final boolean dynamic;
    private final long maxMessages;
    private final long maxBytes;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<StoredMessage> messages = new ArrayDeque<>();
    private long bytes;
    private long acquired;
    private long acquiredBytes;
    private long reserved;
    private long reservedBytes;
    private final Set<Attachment> attachments = new LinkedHashSet<>();
    private int consumers;
    /** Consumers whose {@link Consumer#wanted} is above zero, in turn order. */
    private final ArrayDeque<Consumer> hungry = new ArrayDeque<>();
    private boolean deleted;

    Queue(String address, boolean dynamic, long maxMessages, long maxBytes) {
        this.address = address;
        this.dynamic = dynamic;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** A link to this queue: told when the queue is deleted. */
    interface Attachment {
        /** Called on any thread, without the queue's lock; must hand the work to the link's own connection. */
        void nodeDeleted(Queue queue);
    }

    /** Registers a link; false if the queue was deleted meanwhile (attach to a fresh one instead). */
    boolean attach(Attachment attachment) {
        lock.lock();
        try {
            if (deleted) {
                return false;
            }
            if (attachments.add(attachment) && attachment instanceof Consumer) {
                consumers++;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a link. After this a consumer gets nothing more in its inbox. */
    void detach(Attachment attachment) {
        lock.lock();
        try {
            if (attachments.remove(attachment) && attachment instanceof Consumer c) {
                consumers--;
                hungry.remove(c);
                c.wanted = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- messages in

    /**
     * Adds a message at the end and hands it to a waiting consumer. Returns null, or why it was refused:
     * amqp:resource-limit-exceeded naming the limit, or amqp:resource-deleted.
     */
    ErrorCondition offer(StoredMessage message) {
        List<Consumer> wake;
        lock.lock();
        try {
            ErrorCondition refusal = refusal(message);
            if (refusal != null) {
                return refusal;
            }
            messages.addLast(message);
            bytes += message.size();
            wake = dispatch();
        } finally {
            lock.unlock();
        }
        wake(wake);
        return null;
    }

    /** Makes room for a message sent in a transaction (4.4.1); null, or why there is none. */
    ErrorCondition reserve(StoredMessage message) {
        lock.lock();
        try {
            ErrorCondition refusal = refusal(message);
            if (refusal == null) {
                reserved++;
                reservedBytes += message.size();
            }
            return refusal;
        } finally {
            lock.unlock();
        }
    }

    /** The transaction committed: the reserved message joins the queue. */
    void commitReserved(StoredMessage message) {
        List<Consumer> wake;
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            reserved--;
            reservedBytes -= message.size();
            messages.addLast(message);
            bytes += message.size();
            wake = dispatch();
        } finally {
            lock.unlock();
        }
        wake(wake);
    }

    /** The transaction rolled back: the reserved message never arrives. */
    void cancelReserved(StoredMessage message) {
        lock.lock();
        try {
            if (!deleted) {
                reserved--;
                reservedBytes -= message.size();
            }
        } finally {
            lock.unlock();
        }
    }

    private ErrorCondition refusal(StoredMessage message) {
        if (deleted) {
            return new ErrorCondition(ErrorCondition.RESOURCE_DELETED, "queue '" + address + "' was deleted");
        }
        long heldMessages = messages.size() + acquired + reserved;
        if (heldMessages + 1 > maxMessages) {
            return new ErrorCondition(ErrorCondition.RESOURCE_LIMIT_EXCEEDED, "queue '" + address
                    + "' is full: its message limit of " + maxMessages + " is reached");
        }
        long heldBytes = bytes + acquiredBytes + reservedBytes;
        if (heldBytes + message.size() > maxBytes) {
            return new ErrorCondition(ErrorCondition.RESOURCE_LIMIT_EXCEEDED, "queue '" + address
                    + "' is full: a message of " + message.size() + " bytes would pass its byte limit of " + maxBytes
                    + " (" + heldBytes + " bytes held)");
        }
        return null;
    }

    // ---- messages out

    /**
     * On the consumer's own thread: gives back what it could not send (to the front, in order), sets how many
     * more messages it can take ({@code room}, less what already waits in its inbox), and hands it at once as
     * many as the queue has for it. With {@code drain} (2.6.7) the consumer takes what is here now and nothing
     * later: the engine gives the rest of its credit back.
     */
    List<StoredMessage> update(Consumer consumer, long room, List<StoredMessage> back, boolean drain) {
        List<StoredMessage> taken = new ArrayList<>();
        List<Consumer> wake;
        lock.lock();
        try {
            putBack(back);
            if (deleted || !attachments.contains(consumer)) {
                return taken;
            }
            long wanted = room - consumer.inbox.size();
            while (wanted > 0) {
                StoredMessage m = take(consumer);
                if (m == null) {
                    break;
                }
                taken.add(m);
                wanted--;
            }
            consumer.wanted = drain ? 0 : Math.max(0, wanted);
            // A consumer already waiting keeps its turn; one that starts waiting goes last.
            if (consumer.wanted == 0) {
                hungry.remove(consumer);
            } else if (!hungry.contains(consumer)) {
                hungry.addLast(consumer);
            }
            wake = dispatch();
        } finally {
            lock.unlock();
        }
        wake(wake);
        return taken;
    }

    /** An acquired message is settled for good (accepted, rejected, or sent pre-settled): it leaves the queue. */
    void settled(StoredMessage message) {
        lock.lock();
        try {
            if (!deleted) {
                acquired--;
                acquiredBytes -= message.size();
            }
        } finally {
            lock.unlock();
        }
    }

    /** An acquired message comes back, possibly changed ({@code back}), to the front of the queue. */
    void requeue(StoredMessage acquiredMessage, StoredMessage back) {
        requeue(List.of(acquiredMessage), List.of(back));
    }

    /** Acquired messages come back unchanged, to the front, keeping their order. */
    void requeue(List<StoredMessage> back) {
        requeue(back, back);
    }

    /**
     * Acquired messages come back to the front, in order, as {@code back} has them (the same messages, possibly
     * changed for redelivery).
     */
    void requeue(List<StoredMessage> acquiredMessages, List<StoredMessage> back) {
        if (back.isEmpty()) {
            return;
        }
        List<Consumer> wake;
        lock.lock();
        try {
            if (deleted) {
                return;
            }
            for (StoredMessage m : acquiredMessages) {
                acquired--;
                acquiredBytes -= m.size();
            }
            for (int i = back.size() - 1; i >= 0; i--) {
                messages.addFirst(back.get(i));
                bytes += back.get(i).size();
            }
            wake = dispatch();
        } finally {
            lock.unlock();
        }
        wake(wake);
    }

    private void putBack(List<StoredMessage> back) {
        if (deleted) {
            return;
        }
        for (int i = back.size() - 1; i >= 0; i--) {
            StoredMessage m = back.get(i);
            acquired--;
            acquiredBytes -= m.size();
            messages.addFirst(m);
            bytes += m.size();
        }
    }

    /** The first message this consumer may have, now acquired by it; null if none. */
    private StoredMessage take(Consumer consumer) {
        for (Iterator<StoredMessage> it = messages.iterator(); it.hasNext(); ) {
            StoredMessage m = it.next();
            if (consumer.accepts(m)) {
                it.remove();
                bytes -= m.size();
                acquired++;
                acquiredBytes += m.size();
                return m;
            }
        }
        return null;
    }

    /** Hands waiting messages to waiting consumers, one each in turn; returns the consumers to wake. */
    private List<Consumer> dispatch() {
        List<Consumer> wake = null;
        List<Consumer> skipped = null;
        while (!messages.isEmpty() && !hungry.isEmpty()) {
            Consumer c = hungry.pollFirst();
            StoredMessage m = take(c);
            if (m == null) {
                // Nothing here it may have; it stays in the ring for later messages.
                if (skipped == null) {
                    skipped = new ArrayList<>();
                }
                skipped.add(c);
                continue;
            }
            c.wanted--;
            c.inbox.add(m);
            if (c.wanted > 0) {
                hungry.addLast(c);
            }
            if (wake == null) {
                wake = new ArrayList<>();
            }
            if (!wake.contains(c)) {
                wake.add(c);
            }
        }
        if (skipped != null) {
            hungry.addAll(skipped);
        }
        return wake;
    }

    private static void wake(List<Consumer> consumers) {
        if (consumers != null) {
            for (Consumer c : consumers) {
                c.wake();
            }
        }
    }

    // ---- the queue itself

    /** Messages waiting to be delivered. */
    int depth() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    QueueSnapshot snapshot() {
        lock.lock();
        try {
            return new QueueSnapshot(address, messages.size(), bytes, consumers, acquired, dynamic);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every message and returns the links still attached, to be told (without the lock). */
    List<Attachment> delete() {
        lock.lock();
        try {
            deleted = true;
            messages.clear();
            bytes = 0;
            hungry.clear();
            List<Attachment> left = new ArrayList<>(attachments);
            attachments.clear();
            consumers = 0;
            return left;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Queue[" + address + "]";
    }
}
