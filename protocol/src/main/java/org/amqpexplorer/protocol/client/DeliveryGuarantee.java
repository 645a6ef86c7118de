package org.amqpexplorer.protocol.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * The three delivery guarantees of 2.6.12 and the settle modes that give them on a link's attach (2.7.3).
 */
public enum DeliveryGuarantee {
    /** The sender settles before sending: nothing is acknowledged. */
    AT_MOST_ONCE(SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST),
    /** The receiver settles with its outcome; the sender then forgets the delivery. */
    AT_LEAST_ONCE(SenderSettleMode.UNSETTLED, ReceiverSettleMode.FIRST),
    /** The receiver states its outcome without settling, the sender settles, then the receiver does. */
    EXACTLY_ONCE(SenderSettleMode.UNSETTLED, ReceiverSettleMode.SECOND);

    private final SenderSettleMode senderSettleMode;
    private final ReceiverSettleMode receiverSettleMode;

    DeliveryGuarantee(SenderSettleMode senderSettleMode, ReceiverSettleMode receiverSettleMode) {
        this.senderSettleMode = senderSettleMode;
        this.receiverSettleMode = receiverSettleMode;
    }

    public SenderSettleMode senderSettleMode() {
        return senderSettleMode;
    }

    public ReceiverSettleMode receiverSettleMode() {
        return receiverSettleMode;
    }

    /** The name as written in text, e.g. {@code at-least-once}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * From its text, e.g. {@code exactly-once}.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static DeliveryGuarantee ofText(String text) {
        for (DeliveryGuarantee g : values()) {
            if (g.text().equals(text)) return g;
        }
        throw new IllegalArgumentException("'" + text + "' is not one of "
                + Arrays.stream(values()).map(DeliveryGuarantee::text).collect(Collectors.joining(", ")));
    }
}
