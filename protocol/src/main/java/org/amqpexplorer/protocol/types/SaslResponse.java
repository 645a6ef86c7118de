package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.BinaryValue;

/** sasl-response (5.3.3.4). */
public record SaslResponse(@Amqp(value = "binary", mandatory = true) BinaryValue response) implements SaslFrame {

    public SaslResponse {
        Checks.mandatory(response, "sasl-response.response");
    }
}
