package org.amqpexplorer.protocol.peer;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.TransactionalState;

/**
 * A link on which a client sends to the peer (the peer is the receiver): into a queue, or, without a queue, to
 * the transaction coordinator. Lives on its connection's thread. The peer grants {@link PeerOptions#linkCredit()}
 * and grants it again when half is used; it reads each delivery's payload as its frames arrive, so the session
 * window stays open, and acts when the last frame is in.
 *
 * <p>Settlement: the outcome is sent settled (rcv-settle-mode first), or unsettled for the client to settle
 * first (rcv-settle-mode second, exactly once); a message the client sent settled gets no answer.
 */
final class Producer implements Queue.Attachment {

    final PeerConnection owner;
    final Receiver link;
    /** Null for a link to the coordinator (4.2). */
    final Queue queue;
    private final boolean ownsQueue;
    private final int credit;
    private final Map<IncomingDelivery, ByteArrayOutputStream> partial = new HashMap<>();
    private boolean detached;

    Producer(PeerConnection owner, Receiver link, Queue queue, boolean ownsQueue, int credit) {
        this.owner = owner;
        this.link = link;
        this.queue = queue;
        this.ownsQueue = ownsQueue;
        this.credit = credit;
    }

    void delivery(IncomingDelivery d) {
        if (d.isAborted()) {
            partial.remove(d);
            return;
        }
        byte[] chunk = d.readPayload();
        ByteArrayOutputStream sofar = partial.get(d);
        if (d.isPartial()) {
            if (sofar == null) {
                sofar = new ByteArrayOutputStream(chunk.length * 2);
                partial.put(d, sofar);
            }
            sofar.writeBytes(chunk);
            return;
        }
        byte[] payload = chunk;
        if (sofar != null) {
            partial.remove(d);
            sofar.writeBytes(chunk);
            payload = sofar.toByteArray();
        }
        if (link.state() == EndpointState.OPENED && link.credit() <= credit / 2) {
            link.flow(credit);
        }
        if (queue == null) {
            owner.transactions.control(this, d, payload);
        } else {
            message(d, new StoredMessage(payload, d.messageFormat()));
        }
    }

    private void message(IncomingDelivery d, StoredMessage m) {
        AmqpValue state = d.remoteState();
        if (state instanceof TransactionalState ts) {
            // 4.4.1: a transactional transfer joins the queue when its transaction commits.
            Transaction tx = owner.transactions.find(ts.txnId());
            if (tx == null) {
                refused(d, new ErrorCondition(ErrorCondition.TRANSACTION_UNKNOWN_ID,
                        "transaction " + ts.txnId() + " is not active"), null);
                return;
            }
            ErrorCondition refusal = queue.reserve(m);
            if (refusal != null) {
                refused(d, refusal, ts.txnId());
                return;
            }
            tx.enqueued(queue, m);
            answer(d, new TransactionalState(ts.txnId(), Accepted.INSTANCE));
            return;
        }
        ErrorCondition refusal = queue.offer(m);
        if (refusal != null) {
            refused(d, refusal, null);
            return;
        }
        answer(d, Accepted.INSTANCE);
    }

    private void refused(IncomingDelivery d, ErrorCondition error, AmqpValue txnId) {
        Rejected rejected = new Rejected(error);
        answer(d, txnId == null ? rejected : new TransactionalState(txnId, rejected));
        owner.peer.emit(new PeerEvent.MessageRefused(queue.address, owner.id, error));
    }

    /** Sends our outcome: settled, unless rcv-settle-mode second leaves settling to the client first. */
    void answer(IncomingDelivery d, AmqpValue state) {
        if (!d.isSettled() && link.state() == EndpointState.OPENED) {
            d.disposition(state, link.settleMode() == ReceiverSettleMode.FIRST);
        }
    }

    /** The link is going: half-received deliveries are dropped, and a queue made for it is deleted. */
    void detached() {
        if (detached) {
            return;
        }
        detached = true;
        partial.clear();
        if (queue != null) {
            queue.detach(this);
            if (ownsQueue) {
                owner.peer.nodes.delete(queue);
            }
        } else {
            owner.transactions.coordinatorDetached(link);
        }
    }

    @Override
    public void nodeDeleted(Queue deleted) {
        owner.connection.post(() -> owner.closeLink(link, PeerConnection.deleted(deleted)));
    }
}
