package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;

/** declared (4.5.5): the outcome of a declare: the new transaction's id (a binary). */
public record Declared(@Amqp(value = "*", mandatory = true, requires = "txn-id") AmqpValue txnId) implements Outcome {

    public Declared {
        Checks.mandatory(txnId, "declared.txn-id");
    }
}
