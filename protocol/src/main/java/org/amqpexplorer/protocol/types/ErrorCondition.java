package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/**
 * error (2.8.14): why a connection, session or link ended or a delivery was rejected. Named
 * {@code ErrorCondition} (as in Proton) so it does not hide {@link java.lang.Error}. The constants are the
 * condition symbols the spec defines (2.8.15-2.8.18, 4.5.8).
 */
public record ErrorCondition(
        @Amqp(value = "symbol", mandatory = true, requires = "error-condition") String condition,
        @Amqp("string") String description,
        @Amqp("fields") MapValue info) implements Composite {

    // 2.8.15 amqp-error
    public static final String INTERNAL_ERROR = "amqp:internal-error";
    public static final String NOT_FOUND = "amqp:not-found";
    public static final String UNAUTHORIZED_ACCESS = "amqp:unauthorized-access";
    public static final String DECODE_ERROR = "amqp:decode-error";
    public static final String RESOURCE_LIMIT_EXCEEDED = "amqp:resource-limit-exceeded";
    public static final String NOT_ALLOWED = "amqp:not-allowed";
    public static final String INVALID_FIELD = "amqp:invalid-field";
    public static final String NOT_IMPLEMENTED = "amqp:not-implemented";
    public static final String RESOURCE_LOCKED = "amqp:resource-locked";
    public static final String PRECONDITION_FAILED = "amqp:precondition-failed";
    public static final String RESOURCE_DELETED = "amqp:resource-deleted";
    public static final String ILLEGAL_STATE = "amqp:illegal-state";
    public static final String FRAME_SIZE_TOO_SMALL = "amqp:frame-size-too-small";
    // 2.8.16 connection-error
    public static final String CONNECTION_FORCED = "amqp:connection:forced";
    public static final String CONNECTION_FRAMING_ERROR = "amqp:connection:framing-error";
    public static final String CONNECTION_REDIRECT = "amqp:connection:redirect";
    // 2.8.17 session-error
    public static final String SESSION_WINDOW_VIOLATION = "amqp:session:window-violation";
    public static final String SESSION_ERRANT_LINK = "amqp:session:errant-link";
    public static final String SESSION_HANDLE_IN_USE = "amqp:session:handle-in-use";
    public static final String SESSION_UNATTACHED_HANDLE = "amqp:session:unattached-handle";
    // 2.8.18 link-error
    public static final String LINK_DETACH_FORCED = "amqp:link:detach-forced";
    public static final String LINK_TRANSFER_LIMIT_EXCEEDED = "amqp:link:transfer-limit-exceeded";
    public static final String LINK_MESSAGE_SIZE_EXCEEDED = "amqp:link:message-size-exceeded";
    public static final String LINK_REDIRECT = "amqp:link:redirect";
    public static final String LINK_STOLEN = "amqp:link:stolen";
    // 4.5.8 transaction-error
    public static final String TRANSACTION_UNKNOWN_ID = "amqp:transaction:unknown-id";
    public static final String TRANSACTION_ROLLBACK = "amqp:transaction:rollback";
    public static final String TRANSACTION_TIMEOUT = "amqp:transaction:timeout";

    public ErrorCondition {
        Checks.mandatory(condition, "error.condition");
    }

    public ErrorCondition(String condition, String description) {
        this(condition, description, null);
    }
}
