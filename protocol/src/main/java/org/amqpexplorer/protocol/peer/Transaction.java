package org.amqpexplorer.protocol.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;

/**
 * One local transaction (4.4): the messages sent in it, waiting in their queues' reservations, and the outcomes
 * given in it, waiting to be applied. Belongs to the connection that declared it and lives on its thread.
 *
 * <p>Commit: the sent messages join their queues, the outcomes take effect. Rollback: the sent messages are
 * dropped, and every message acquired in the transaction goes back to its queue as a failed delivery
 * (delivery-count + 1, as 3.4.5 delivery-failed): the client did have it, so its next receipt is a redelivery
 * (e.g. JMSRedelivered). 4.4.2 leaves what a rolled-back acquisition means to the resource; this is what
 * brokers do. A delivery the client had not settled is settled by the peer at discharge.
 */
final class Transaction {

    final BinaryValue id;
    /** The coordinator link that declared it: when that link goes, the transaction is rolled back. */
    final Link controller;
    private final List<Enqueued> enqueued = new ArrayList<>();
    private final List<Acquired> acquired = new ArrayList<>();

    private record Enqueued(Queue queue, StoredMessage message) {
    }

    private record Acquired(Consumer consumer, StoredMessage message, AmqpValue outcome, OutgoingDelivery delivery) {
    }

    Transaction(BinaryValue id, Link controller) {
        this.id = id;
        this.controller = controller;
    }

    /** A message sent in this transaction; its queue has reserved room for it. */
    void enqueued(Queue queue, StoredMessage message) {
        enqueued.add(new Enqueued(queue, message));
    }

    /** An outcome given in this transaction for a message a consumer acquired. */
    void acquired(Consumer consumer, StoredMessage message, AmqpValue outcome, OutgoingDelivery delivery) {
        acquired.add(new Acquired(consumer, message, outcome, delivery));
    }

    void commit() {
        for (Enqueued e : enqueued) {
            e.queue().commitReserved(e.message());
        }
        for (Acquired a : acquired) {
            settle(a.delivery(), a.outcome());
            a.consumer().settle(a.message(), a.outcome());
        }
    }

    void rollback() {
        for (Enqueued e : enqueued) {
            e.queue().cancelReserved(e.message());
        }
        // Each queue gets its messages back in one go, in the order they were acquired.
        Map<Queue, List<StoredMessage>> taken = new LinkedHashMap<>();
        Map<Queue, List<StoredMessage>> back = new LinkedHashMap<>();
        for (Acquired a : acquired) {
            settle(a.delivery(), null);
            Queue q = a.consumer().queue;
            taken.computeIfAbsent(q, k -> new ArrayList<>()).add(a.message());
            back.computeIfAbsent(q, k -> new ArrayList<>()).add(a.message().redelivered(true, null));
        }
        taken.forEach((q, messages) -> q.requeue(messages, back.get(q)));
    }

    private static void settle(OutgoingDelivery d, AmqpValue state) {
        if (!d.isSettled() && d.link().state() == EndpointState.OPENED) {
            d.disposition(state, true);
        }
    }
}
