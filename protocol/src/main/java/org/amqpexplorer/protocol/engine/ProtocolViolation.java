package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.engine.EngineEvent.Scope;
import org.amqpexplorer.protocol.types.ErrorCondition;

/**
 * Thrown inside the engine when the peer broke a rule; caught where frames are dispatched, which then ends the
 * connection, session or link with {@link #error()}. Never leaves the engine.
 */
final class ProtocolViolation extends RuntimeException {

    private final Scope scope;
    private final Session session;
    private final Link link;
    private final ErrorCondition error;

    private ProtocolViolation(Scope scope, Session session, Link link, String condition, String description) {
        super(condition + ": " + description, null, false, false);
        this.scope = scope;
        this.session = session;
        this.link = link;
        this.error = new ErrorCondition(condition, description);
    }

    static ProtocolViolation ofConnection(String condition, String description) {
        return new ProtocolViolation(Scope.CONNECTION, null, null, condition, description);
    }

    static ProtocolViolation ofSession(Session session, String condition, String description) {
        return new ProtocolViolation(Scope.SESSION, session, null, condition, description);
    }

    static ProtocolViolation ofLink(Link link, String condition, String description) {
        return new ProtocolViolation(Scope.LINK, link.session, link, condition, description);
    }

    Scope scope() {
        return scope;
    }

    Session session() {
        return session;
    }

    Link link() {
        return link;
    }

    ErrorCondition error() {
        return error;
    }
}
