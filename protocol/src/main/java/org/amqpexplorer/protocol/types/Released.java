package org.amqpexplorer.protocol.types;

/** released (3.4.4): the message was not (and will not be) processed here; it may be redelivered. */
public record Released() implements Outcome {
    public static final Released INSTANCE = new Released();
}
