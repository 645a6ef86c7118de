package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;

/** declare (4.5.2): asks the coordinator for a new transaction; sent as the amqp-value of a message. */
public record Declare(@Amqp(value = "*", requires = "global-tx-id") AmqpValue globalId) implements Composite {
}
