package org.amqpexplorer.protocol.codec;

/**
 * A described value (1.2): a descriptor (in practice a ulong code or a symbol) and the value it describes.
 * {@link DescribedValue} is the generic form; the composite types of the spec (performatives, sections,
 * delivery states …) implement this interface too, so they can stand wherever a value can.
 */
public non-sealed interface Described extends AmqpValue {

    AmqpValue descriptor();

    /** The value being described (for a composite type, its fields as a list). */
    AmqpValue described();

    @Override
    default AmqpType type() {
        return AmqpType.DESCRIBED;
    }
}
