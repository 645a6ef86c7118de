package org.amqpexplorer.protocol.types;

/** A terminal delivery state (3.4): what finally happened to a delivery. */
public sealed interface Outcome extends DeliveryState permits Accepted, Rejected, Released, Modified, Declared {
}
