package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/** message-annotations (3.2.3): annotations for the infrastructure, kept with the message. */
public record MessageAnnotations(@Amqp("annotations") MapValue value) implements Section {

    public MessageAnnotations {
        Checks.mandatory(value, "message-annotations");
    }
}
