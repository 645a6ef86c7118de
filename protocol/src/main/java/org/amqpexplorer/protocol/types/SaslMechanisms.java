package org.amqpexplorer.protocol.types;

import java.util.List;

/** sasl-mechanisms (5.3.3.1): the mechanisms the server offers. */
public record SaslMechanisms(
        @Amqp(value = "symbol", mandatory = true, multiple = true) List<String> saslServerMechanisms)
        implements SaslFrame {

    public SaslMechanisms {
        saslServerMechanisms = List.copyOf(Checks.mandatory(saslServerMechanisms, "sasl-mechanisms.sasl-server-mechanisms"));
    }
}
