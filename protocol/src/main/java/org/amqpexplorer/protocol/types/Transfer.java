package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;

/**
 * transfer (2.7.5): one frame of a delivery; the payload (message bytes) follows it in the frame and is not
 * part of this record. {@code state} is usually a delivery state record ({@code Received}, {@code Accepted} …).
 */
public record Transfer(
        @Amqp(value = "handle", mandatory = true) Long handle,
        @Amqp("delivery-number") Long deliveryId,
        @Amqp("delivery-tag") BinaryValue deliveryTag,
        @Amqp("message-format") Long messageFormat,
        @Amqp("boolean") Boolean settled,
        @Amqp(value = "boolean", defaultValue = "false") Boolean more,
        @Amqp("receiver-settle-mode") ReceiverSettleMode rcvSettleMode,
        @Amqp(value = "*", requires = "delivery-state") AmqpValue state,
        @Amqp(value = "boolean", defaultValue = "false") Boolean resume,
        @Amqp(value = "boolean", defaultValue = "false") Boolean aborted,
        @Amqp(value = "boolean", defaultValue = "false") Boolean batchable) implements Performative {

    public Transfer {
        Checks.mandatory(handle, "transfer.handle");
    }

    public boolean moreOrDefault() {
        return more != null && more;
    }

    public boolean resumeOrDefault() {
        return resume != null && resume;
    }

    public boolean abortedOrDefault() {
        return aborted != null && aborted;
    }

    public boolean batchableOrDefault() {
        return batchable != null && batchable;
    }
}
