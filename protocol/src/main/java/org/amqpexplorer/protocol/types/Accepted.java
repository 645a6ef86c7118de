package org.amqpexplorer.protocol.types;

/** accepted (3.4.2): the message was processed. */
public record Accepted() implements Outcome {
    public static final Accepted INSTANCE = new Accepted();
}
