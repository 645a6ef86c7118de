package org.amqpexplorer.protocol.engine;

/**
 * Receives every {@link EngineEvent} of a connection, on the thread that drives the engine, in the order things
 * happened. Must not call back into the engine; hand events on (e.g. to a queue) instead.
 */
@FunctionalInterface
public interface EngineObserver {
    void onEvent(EngineEvent event);
}
