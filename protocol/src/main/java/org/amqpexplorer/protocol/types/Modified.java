package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/** modified (3.4.5): released, with changes to apply to the message before it is redelivered. */
public record Modified(
        @Amqp("boolean") Boolean deliveryFailed,
        @Amqp("boolean") Boolean undeliverableHere,
        @Amqp("fields") MapValue messageAnnotations) implements Outcome {
}
