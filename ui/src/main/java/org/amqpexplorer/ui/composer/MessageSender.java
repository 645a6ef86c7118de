package org.amqpexplorer.ui.composer;

/**
 * What the composer hands a send to: the host (the main window) gives it a link to send on. Called on the FX
 * thread; must not block it: take the job to the connection's own thread, send {@link SendJob#count()}
 * messages from {@link SendJob#message(int)} at most {@link SendJob#ratePerSecond()} per second, and report
 * each one's fate back through the job's methods (from any thread).
 */
@FunctionalInterface
public interface MessageSender {
    void send(SendJob job);
}
