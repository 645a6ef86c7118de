package org.amqpexplorer.protocol.client;

import org.amqpexplorer.protocol.types.ErrorCondition;

/**
 * Why a client operation failed, in one line a person can read: the transport's reason, the peer's error
 * condition and description, an outcome other than the one hoped for, or a time-out.
 */
public final class ClientException extends RuntimeException {
    private final transient ErrorCondition condition;

    public ClientException(String reason) {
        this(reason, null);
    }

    /** @param condition the peer's error behind this, if any */
    public ClientException(String reason, ErrorCondition condition) {
        super(reason);
        this.condition = condition;
    }

    /** The error condition the peer sent (in a close, end, detach or rejected outcome), or null. */
    public ErrorCondition condition() {
        return condition;
    }

    /** {@code amqp:not-found: no such node}, or the condition alone when there is no description. */
    static String describe(ErrorCondition error) {
        if (error == null) return "no error given";
        return error.description() == null || error.description().isEmpty()
                ? error.condition() : error.condition() + ": " + error.description();
    }
}
