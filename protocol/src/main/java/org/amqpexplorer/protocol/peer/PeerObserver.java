package org.amqpexplorer.protocol.peer;

/**
 * Hears what the built-in peer does. Called on the thread where it happens (the listener's, or a connection's
 * own), so it must be quick and thread-safe, and must not block: hand the event on (e.g. to a queue the GUI
 * drains). An exception it throws is reported to the thread's uncaught-exception handler and does not
 * disturb the connection.
 */
@FunctionalInterface
public interface PeerObserver {
    void onEvent(PeerEvent event);
}
