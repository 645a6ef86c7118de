package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.UByteValue;

/** sasl-code (5.3.3.6): the outcome of a SASL exchange. Restricted ubyte. */
public enum SaslCode implements Choice {
    OK(new UByteValue(0)),
    AUTH(new UByteValue(1)),
    SYS(new UByteValue(2)),
    SYS_PERM(new UByteValue(3)),
    SYS_TEMP(new UByteValue(4));

    private final AmqpValue value;

    SaslCode(AmqpValue value) {
        this.value = value;
    }

    @Override
    public AmqpValue value() {
        return value;
    }
}
