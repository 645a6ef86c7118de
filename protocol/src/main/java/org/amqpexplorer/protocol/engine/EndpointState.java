package org.amqpexplorer.protocol.engine;

/**
 * Where a connection, session or link stands, combining what this end has sent and what the peer has sent
 * (2.4.6, 2.5.5, 2.6.3 collapse to these): open means open/begin/attach, close means close/end/detach.
 */
public enum EndpointState {
    /** Nothing sent or received yet. */
    UNOPENED,
    /** We opened; the peer has not answered. */
    OPEN_SENT,
    /** The peer opened; we have not answered. */
    OPEN_RECEIVED,
    /** Both ends open. */
    OPENED,
    /** We closed; the peer has not closed yet. */
    CLOSE_SENT,
    /** The peer closed; we have not closed yet. */
    CLOSE_RECEIVED,
    /** Both ends closed (or the transport went away). */
    CLOSED;

    /** The combined state of one side's and the other side's half. */
    static EndpointState of(Half local, Half remote) {
        return switch (local) {
            case NONE -> switch (remote) {
                case NONE -> UNOPENED;
                case OPEN -> OPEN_RECEIVED;
                case CLOSED -> CLOSE_RECEIVED;
            };
            case OPEN -> switch (remote) {
                case NONE -> OPEN_SENT;
                case OPEN -> OPENED;
                case CLOSED -> CLOSE_RECEIVED;
            };
            case CLOSED -> remote == Half.CLOSED ? CLOSED : CLOSE_SENT;
        };
    }

    /** What one end has said so far. */
    enum Half { NONE, OPEN, CLOSED }
}
