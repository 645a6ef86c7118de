package org.amqpexplorer.protocol.sasl;

/** A SASL exchange that cannot go on: a malformed or unexpected message, or a server that proved false. */
public class SaslException extends Exception {
    public SaslException(String message) {
        super(message);
    }
}
