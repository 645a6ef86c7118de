package org.amqpexplorer.protocol.types;

/** end (2.7.8): ends a session. */
public record End(@Amqp("error") ErrorCondition error) implements Performative {
}
