package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.BinaryValue;

/** sasl-challenge (5.3.3.3). */
public record SaslChallenge(@Amqp(value = "binary", mandatory = true) BinaryValue challenge) implements SaslFrame {

    public SaslChallenge {
        Checks.mandatory(challenge, "sasl-challenge.challenge");
    }
}
