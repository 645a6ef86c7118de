package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;

/** disposition (2.7.6): the state or settlement of a range of deliveries changed. */
public record Disposition(
        @Amqp(value = "role", mandatory = true) Role role,
        @Amqp(value = "delivery-number", mandatory = true) Long first,
        @Amqp("delivery-number") Long last,
        @Amqp(value = "boolean", defaultValue = "false") Boolean settled,
        @Amqp(value = "*", requires = "delivery-state") AmqpValue state,
        @Amqp(value = "boolean", defaultValue = "false") Boolean batchable) implements Performative {

    public Disposition {
        Checks.mandatory(role, "disposition.role");
        Checks.mandatory(first, "disposition.first");
    }

    /** 2.7.6: an absent last means the range is just first. */
    public long lastOrFirst() {
        return last != null ? last : first;
    }

    public boolean settledOrDefault() {
        return settled != null && settled;
    }

    public boolean batchableOrDefault() {
        return batchable != null && batchable;
    }
}
