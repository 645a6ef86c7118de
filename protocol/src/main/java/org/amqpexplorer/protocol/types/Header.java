package org.amqpexplorer.protocol.types;

/** header (3.2.1): how the message is to be delivered. */
public record Header(
        @Amqp(value = "boolean", defaultValue = "false") Boolean durable,
        @Amqp(value = "ubyte", defaultValue = "4") Integer priority,
        @Amqp("milliseconds") Long ttl,
        @Amqp(value = "boolean", defaultValue = "false") Boolean firstAcquirer,
        @Amqp(value = "uint", defaultValue = "0") Long deliveryCount) implements Section {

    public boolean durableOrDefault() {
        return durable != null && durable;
    }

    public int priorityOrDefault() {
        return priority != null ? priority : 4;
    }

    public boolean firstAcquirerOrDefault() {
        return firstAcquirer != null && firstAcquirer;
    }

    public long deliveryCountOrDefault() {
        return deliveryCount != null ? deliveryCount : 0;
    }
}
