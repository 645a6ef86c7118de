package org.amqpexplorer.protocol.types;

/** A section of a message (3.2), in the order a message holds them. */
public sealed interface Section extends Composite permits Header, DeliveryAnnotations, MessageAnnotations,
        Properties, ApplicationProperties, Data, AmqpSequence, AmqpValueSection, Footer {
}
