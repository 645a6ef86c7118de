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

    /**
     * Reads the described value of a type with numeric descriptor {@code code} straight from the bytes,
     * without building its generic value first (faster); or returns null, having read nothing, for a
     * descriptor it does not read this way. The decoder stands after the descriptor; this reads exactly the
     * described value, with the decoder's typed reads ({@link Decoder#readList}, {@link Decoder#readUInt} …).
     * It must give what {@link #toTyped} gives for the same bytes. When it throws a
     * {@link DecodeException}, the decoder reads the value again the generic way, through {@link #toTyped},
     * so the error reported is always that one.
     */
    default Described read(long code, Decoder decoder) {
        return null;
    }
}
