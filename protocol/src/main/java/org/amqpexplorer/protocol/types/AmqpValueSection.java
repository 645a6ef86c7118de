package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;

/**
 * amqp-value (3.2.8): a body section holding one value of any type (null included, as
 * {@link org.amqpexplorer.protocol.codec.NullValue#NULL}). Named {@code AmqpValueSection} so it does not
 * clash with the codec's {@link AmqpValue} interface.
 */
public record AmqpValueSection(@Amqp("*") AmqpValue value) implements Section {

    public AmqpValueSection {
        Checks.mandatory(value, "amqp-value");
    }
}
