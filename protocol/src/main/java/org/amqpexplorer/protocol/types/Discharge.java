package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;

/**
 * discharge (4.5.3): ends a transaction, committing it or (with fail) rolling it back; sent as the
 * amqp-value of a message. The txn-id is a binary (transaction-id, 4.5.4).
 */
public record Discharge(
        @Amqp(value = "*", mandatory = true, requires = "txn-id") AmqpValue txnId,
        @Amqp("boolean") Boolean fail) implements Composite {

    public Discharge {
        Checks.mandatory(txnId, "discharge.txn-id");
    }
}
