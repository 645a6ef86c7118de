package org.amqpexplorer.protocol.client;

import java.util.concurrent.CompletableFuture;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.DeliveryState;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;

/**
 * A whole delivery a {@link ClientReceiver} received: what its transfers said, and its payload (decoded on
 * request). Settle it with {@link #accept()} (or another outcome) unless the sender sent it settled.
 */
public final class ReceivedMessage {
    private final ClientReceiver receiver;
    private final IncomingDelivery delivery;
    private final BinaryValue tag;
    private final long deliveryId;
    private final long messageFormat;
    private final boolean settled;
    private final AmqpValue state;
    private final byte[] payload;
    private Message message;

    ReceivedMessage(ClientReceiver receiver, IncomingDelivery delivery, byte[] payload) {
        this.receiver = receiver;
        this.delivery = delivery;
        this.tag = delivery.tag();
        this.deliveryId = delivery.deliveryId();
        this.messageFormat = delivery.messageFormat();
        this.settled = delivery.isRemotelySettled();
        this.state = delivery.remoteState();
        this.payload = payload;
    }

    public BinaryValue tag() {
        return tag;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public long messageFormat() {
        return messageFormat;
    }

    /** Whether the sender settled it (at-most-once): then there is nothing to accept. */
    public boolean isSettled() {
        return settled;
    }

    /** The delivery state the sender's transfer carried (2.7.5), usually null. */
    public AmqpValue state() {
        return state;
    }

    /** The payload as received (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadSize() {
        return payload.length;
    }

    /**
     * The payload decoded as a message (3.2).
     *
     * @throws DecodeException if it is not a valid message, e.g. another message-format or malformed sections
     */
    public synchronized Message message() {
        if (message == null) message = Message.decode(payload);
        return message;
    }

    /** Accepts it; completes once it is settled at both ends (for exactly-once: after the sender settled). */
    public CompletableFuture<Void> accept() {
        return settle(Accepted.INSTANCE);
    }

    public CompletableFuture<Void> release() {
        return settle(Released.INSTANCE);
    }

    public CompletableFuture<Void> reject(ErrorCondition error) {
        return settle(new Rejected(error));
    }

    /** Sets this outcome (3.4) and settles as the link's guarantee says. */
    public CompletableFuture<Void> settle(DeliveryState outcome) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        receiver.connection.post(() -> receiver.dispose(delivery, outcome, done));
        return done;
    }

    @Override
    public String toString() {
        return "ReceivedMessage[id=" + deliveryId + ", tag=" + tag + ", " + payload.length + " bytes]";
    }
}
