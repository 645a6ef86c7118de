package org.amqpexplorer.protocol.types;

import java.util.Locale;

import org.amqpexplorer.protocol.codec.AmqpValue;

/** A choice of one of the spec's restricted types (e.g. {@code role}), implemented by the enums of this package. */
public interface Choice {
    /** The value that stands for this choice on the wire. */
    AmqpValue value();

    /** The spec's name for this choice, e.g. {@code unsettled-state}. */
    default String choiceName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
