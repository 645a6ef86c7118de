package org.amqpexplorer.protocol.sasl;

/**
 * The client side of one SASL mechanism (5.3.3): the initial response, then a response to each challenge,
 * then a check of the server's additional data in the outcome.
 */
public interface SaslClientMechanism {

    /** The mechanism's registered name, e.g. {@code "PLAIN"}. */
    String name();

    /** The initial response sent in sasl-init; null for none. */
    byte[] initialResponse();

    /** The response to a sasl-challenge. */
    byte[] challenge(byte[] challenge) throws SaslException;

    /**
     * Checks the additional data of a successful sasl-outcome (SCRAM's server signature). Mechanisms that
     * expect none accept null.
     */
    void verifyOutcome(byte[] additionalData) throws SaslException;
}
