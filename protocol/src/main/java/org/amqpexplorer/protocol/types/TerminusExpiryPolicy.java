package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.SymbolValue;

/** terminus-expiry-policy (3.5.6): when the expiry timeout of a terminus starts. Restricted symbol. */
public enum TerminusExpiryPolicy implements Choice {
    LINK_DETACH(new SymbolValue("link-detach")),
    SESSION_END(new SymbolValue("session-end")),
    CONNECTION_CLOSE(new SymbolValue("connection-close")),
    NEVER(new SymbolValue("never"));

    private final AmqpValue value;

    TerminusExpiryPolicy(AmqpValue value) {
        this.value = value;
    }

    @Override
    public AmqpValue value() {
        return value;
    }
}
