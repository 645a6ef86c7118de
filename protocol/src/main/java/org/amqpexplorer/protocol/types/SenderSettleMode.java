package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.UByteValue;

/** sender-settle-mode (2.8.2): how the sender settles deliveries. Restricted ubyte. */
public enum SenderSettleMode implements Choice {
    UNSETTLED(new UByteValue(0)),
    SETTLED(new UByteValue(1)),
    MIXED(new UByteValue(2));

    private final AmqpValue value;

    SenderSettleMode(AmqpValue value) {
        this.value = value;
    }

    @Override
    public AmqpValue value() {
        return value;
    }
}
