package org.amqpexplorer.protocol.codec;

import java.util.Objects;

/** A described value whose descriptor is not one of the spec's composite types (or not decoded as one). */
public record DescribedValue(AmqpValue descriptor, AmqpValue described) implements Described {
    public DescribedValue {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(described, "described");
    }
}
