package org.amqpexplorer.protocol.sasl;

/**
 * The server side of one SASL mechanism, for one authentication exchange. Each step takes the client's
 * response (the initial response first) and answers with a challenge, success, or failure.
 */
public interface SaslServerMechanism {

    String name();

    /** The next step, given the client's latest response (possibly null or empty). */
    Step respond(byte[] response);

    /** What the server answers to a client response. */
    sealed interface Step {
        /** Another challenge for the client. */
        record Challenge(byte[] data) implements Step { }

        /** Authenticated as {@code identity}; {@code additionalData} goes into the outcome (or null). */
        record Success(String identity, byte[] additionalData) implements Step { }

        /** Not authenticated; {@code reason} is for the server's log and never contains a secret. */
        record Failure(String reason) implements Step { }
    }
}
