package org.amqpexplorer.protocol.types;

/** rejected (3.4.3): the message is invalid and cannot be processed. */
public record Rejected(@Amqp("error") ErrorCondition error) implements Outcome {
}
