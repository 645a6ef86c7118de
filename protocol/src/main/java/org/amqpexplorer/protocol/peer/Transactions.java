package org.amqpexplorer.protocol.peer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Declare;
import org.amqpexplorer.protocol.types.Declared;
import org.amqpexplorer.protocol.types.Discharge;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Rejected;

/**
 * A connection's transaction coordinator (4.2): the messages on coordinator links declare and discharge
 * transactions. Transaction ids are unique across the peer, but a transaction is known only on the connection
 * that declared it. Lives on the connection's thread.
 */
final class Transactions {

    private final Peer peer;
    private final Map<BinaryValue, Transaction> active = new LinkedHashMap<>();

    Transactions(Peer peer) {
        this.peer = peer;
    }

    /** The active transaction with this id, or null. */
    Transaction find(AmqpValue txnId) {
        return txnId instanceof BinaryValue id ? active.get(id) : null;
    }

    /** A control message on a coordinator link: declare (4.5.2) or discharge (4.5.3). */
    void control(Producer coordinator, IncomingDelivery d, byte[] payload) {
        AmqpValue body = body(payload);
        if (body instanceof Declare declare) {
            if (declare.globalId() != null) {
                coordinator.answer(d, rejected(ErrorCondition.NOT_IMPLEMENTED, "distributed transactions are not offered"));
                return;
            }
            BinaryValue id = BinaryValue.wrap(ByteBuffer.allocate(8).putLong(peer.nextTransactionId()).array());
            active.put(id, new Transaction(id, coordinator.link));
            coordinator.answer(d, new Declared(id));
        } else if (body instanceof Discharge discharge) {
            Transaction tx = discharge.txnId() instanceof BinaryValue id ? active.remove(id) : null;
            if (tx == null) {
                coordinator.answer(d, rejected(ErrorCondition.TRANSACTION_UNKNOWN_ID,
                        "transaction " + discharge.txnId() + " is not active"));
                return;
            }
            if (Boolean.TRUE.equals(discharge.fail())) {
                tx.rollback();
            } else {
                tx.commit();
            }
            coordinator.answer(d, Accepted.INSTANCE);
        } else {
            coordinator.answer(d, rejected(ErrorCondition.DECODE_ERROR,
                    "a coordinator takes a message whose amqp-value is a declare or a discharge (4.5.2, 4.5.3)"));
        }
    }

    private static AmqpValue body(byte[] payload) {
        try {
            return Message.decode(payload).body() instanceof Body.ValueBody v ? v.section().value() : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    private static Rejected rejected(String condition, String description) {
        return new Rejected(new ErrorCondition(condition, description));
    }

    /** The coordinator link went: the transactions it declared roll back. */
    void coordinatorDetached(Link controller) {
        for (Transaction tx : new ArrayList<>(active.values())) {
            if (tx.controller == controller) {
                active.remove(tx.id);
                tx.rollback();
            }
        }
    }

    /** The connection went: everything still active rolls back. */
    void rollbackAll() {
        List<Transaction> all = new ArrayList<>(active.values());
        active.clear();
        for (Transaction tx : all) {
            tx.rollback();
        }
    }
}
