package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.BinaryValue;

/** sasl-init (5.3.3.2): the mechanism the client chose, with its initial response. */
public record SaslInit(
        @Amqp(value = "symbol", mandatory = true) String mechanism,
        @Amqp("binary") BinaryValue initialResponse,
        @Amqp("string") String hostname) implements SaslFrame {

    public SaslInit {
        Checks.mandatory(mechanism, "sasl-init.mechanism");
    }
}
