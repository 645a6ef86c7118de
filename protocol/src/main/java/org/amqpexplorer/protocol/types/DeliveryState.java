package org.amqpexplorer.protocol.types;

/** The state of a delivery at an endpoint (3.4): found in transfer, disposition and the unsettled map. */
public sealed interface DeliveryState extends Composite permits Received, Outcome, TransactionalState {
}
