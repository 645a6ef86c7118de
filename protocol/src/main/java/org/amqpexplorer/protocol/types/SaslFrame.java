package org.amqpexplorer.protocol.types;

/** The body of a SASL frame (5.3.3). */
public sealed interface SaslFrame extends Composite
        permits SaslMechanisms, SaslInit, SaslChallenge, SaslResponse, SaslOutcome {
}
