package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BooleanValue;

/** role (2.8.1): which end of a link this is; false is sender. Restricted boolean. */
public enum Role implements Choice {
    SENDER(BooleanValue.FALSE),
    RECEIVER(BooleanValue.TRUE);

    private final AmqpValue value;

    Role(AmqpValue value) {
        this.value = value;
    }

    @Override
    public AmqpValue value() {
        return value;
    }
}
