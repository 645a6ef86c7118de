package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;

/** amqp-sequence (3.2.7): a body section holding a list of values. */
public record AmqpSequence(@Amqp("list") List<AmqpValue> value) implements Section {

    public AmqpSequence {
        value = List.copyOf(Checks.mandatory(value, "amqp-sequence"));
    }
}
