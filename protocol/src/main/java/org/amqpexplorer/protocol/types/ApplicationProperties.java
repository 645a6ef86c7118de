package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/** application-properties (3.2.5): the application's own properties, keyed by string. */
public record ApplicationProperties(@Amqp("map") MapValue value) implements Section {

    public ApplicationProperties {
        Checks.mandatory(value, "application-properties");
    }
}
