package org.amqpexplorer.protocol.frame;

import java.util.HexFormat;

/**
 * Received bytes that are not a protocol header this implementation speaks. Per 2.2 the answer is not a frame: the
 * receiver sends a protocol header it does support and closes the socket. Keeps the bytes that were received.
 */
public final class ProtocolHeaderException extends FramingException {

    public enum Problem {
        /** The bytes do not start with "AMQP". */
        NOT_AMQP,
        /** "AMQP" followed by a protocol id other than 0 (AMQP), 2 (TLS) or 3 (SASL). */
        UNKNOWN_PROTOCOL_ID,
        /** A known protocol id with a version other than 1.0.0. */
        UNSUPPORTED_VERSION
    }

    private final Problem problem;
    private final byte[] received;

    ProtocolHeaderException(Problem problem, String reason, byte[] received, long offset) {
        super(Condition.FRAMING_ERROR, reason + " (received " + HexFormat.ofDelimiter(" ").formatHex(received) + ")", offset);
        this.problem = problem;
        this.received = received.clone();
    }

    public Problem problem() {
        return problem;
    }

    /** The header bytes received, up to and including the first one found to be wrong (all 8 for an id or version). */
    public byte[] received() {
        return received.clone();
    }
}
