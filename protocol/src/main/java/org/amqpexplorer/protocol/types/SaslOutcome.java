package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.BinaryValue;

/** sasl-outcome (5.3.3.5): the result of the SASL exchange. */
public record SaslOutcome(
        @Amqp(value = "sasl-code", mandatory = true) SaslCode code,
        @Amqp("binary") BinaryValue additionalData) implements SaslFrame {

    public SaslOutcome {
        Checks.mandatory(code, "sasl-outcome.code");
    }
}
