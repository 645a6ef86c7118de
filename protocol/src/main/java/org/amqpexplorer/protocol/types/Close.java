package org.amqpexplorer.protocol.types;

/** close (2.7.9): closes a connection. */
public record Close(@Amqp("error") ErrorCondition error) implements Performative {
}
