package org.amqpexplorer.protocol.types;

/** received (3.4.1): how much of a delivery has arrived, to resume it. */
public record Received(
        @Amqp(value = "uint", mandatory = true) Long sectionNumber,
        @Amqp(value = "ulong", mandatory = true) Long sectionOffset) implements DeliveryState {

    public Received {
        Checks.mandatory(sectionNumber, "received.section-number");
        Checks.mandatory(sectionOffset, "received.section-offset");
    }
}
