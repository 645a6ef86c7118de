package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/** footer (3.2.9): annotations computed over the bare message, such as hashes or signatures. */
public record Footer(@Amqp("annotations") MapValue value) implements Section {

    public Footer {
        Checks.mandatory(value, "footer");
    }
}
