package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.UIntValue;

/** terminus-durability (3.5.5): what state of a terminus is kept durably. Restricted uint. */
public enum TerminusDurability implements Choice {
    NONE(new UIntValue(0)),
    CONFIGURATION(new UIntValue(1)),
    UNSETTLED_STATE(new UIntValue(2));

    private final AmqpValue value;

    TerminusDurability(AmqpValue value) {
        this.value = value;
    }

    @Override
    public AmqpValue value() {
        return value;
    }
}
