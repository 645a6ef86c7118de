package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;

/** transactional-state (4.5.6): a delivery's state within a transaction, with its provisional outcome. */
public record TransactionalState(
        @Amqp(value = "*", mandatory = true, requires = "txn-id") AmqpValue txnId,
        @Amqp(value = "*", requires = "outcome") AmqpValue outcome) implements DeliveryState {

    public TransactionalState {
        Checks.mandatory(txnId, "transactional-state.txn-id");
    }
}
