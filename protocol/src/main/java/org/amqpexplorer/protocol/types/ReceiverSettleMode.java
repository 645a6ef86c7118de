package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.UByteValue;

/** receiver-settle-mode (2.8.3): when the receiver settles deliveries. Restricted ubyte. */
public enum ReceiverSettleMode implements Choice {
    FIRST(new UByteValue(0)),
    SECOND(new UByteValue(1));

    private final AmqpValue value;

    ReceiverSettleMode(AmqpValue value) {
        this.value = value;
    }

    @Override
    public AmqpValue value() {
        return value;
    }
}
