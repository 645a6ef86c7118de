package org.amqpexplorer.protocol.client;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;

/**
 * How a sent delivery ended (2.6.12): the receiver's outcome once the delivery is settled, or none for a
 * delivery sent settled (at-most-once), which is done once its last transfer is written.
 *
 * @param state the receiver's delivery state (3.4), usually an {@link org.amqpexplorer.protocol.types.Outcome};
 *              null for a delivery sent settled, or settled by the receiver without a state
 */
public record DeliveryOutcome(BinaryValue tag, long deliveryId, boolean presettled, AmqpValue state) {

    /** Whether this is what a sender hopes for: accepted, or sent settled. */
    public boolean isSuccess() {
        return presettled || state instanceof Accepted;
    }

    /** The outcome in words: {@code accepted}, {@code rejected: amqp:…: …}, {@code released}, {@code modified (…)}. */
    public String describe() {
        if (presettled) return "sent settled (at-most-once)";
        return switch (state) {
            case null -> "settled by the receiver without an outcome";
            case Accepted a -> "accepted";
            case Rejected r -> "rejected: " + ClientException.describe(r.error());
            case Released r -> "released";
            case Modified m -> "modified (delivery-failed=" + Boolean.TRUE.equals(m.deliveryFailed())
                    + ", undeliverable-here=" + Boolean.TRUE.equals(m.undeliverableHere()) + ")";
            default -> "settled with the state " + state;
        };
    }
}
