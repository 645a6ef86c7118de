package org.amqpexplorer.protocol.transport;

/** A connection that could not be made or kept: the message is for people and says what went wrong. */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
