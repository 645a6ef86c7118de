package org.amqpexplorer.protocol.codec;

/**
 * Turns described values with known descriptors into their typed form (the spec's composite types).
 * Unknown descriptors stay generic {@link DescribedValue}s: they are never an error.
 */
@FunctionalInterface
public interface DescribedTypes {
    /** Leaves every described value generic. */
    DescribedTypes NONE = (descriptor, described) -> null;

    /**
     * The typed value for this descriptor and described value, or null if the descriptor is not known.
     *
     * @throws DecodeException if the descriptor is known but the value does not fit its type
     */
    Described toTyped(AmqpValue descriptor, AmqpValue described);
}
