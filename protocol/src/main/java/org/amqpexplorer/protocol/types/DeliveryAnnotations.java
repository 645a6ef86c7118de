package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/** delivery-annotations (3.2.2): annotations for the next hop only, not kept with the message. */
public record DeliveryAnnotations(@Amqp("annotations") MapValue value) implements Section {

    public DeliveryAnnotations {
        Checks.mandatory(value, "delivery-annotations");
    }
}
