package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.BinaryValue;

/** data (3.2.6): a body section of opaque bytes. */
public record Data(@Amqp("binary") BinaryValue value) implements Section {

    public Data {
        Checks.mandatory(value, "data");
    }
}
