package org.amqpexplorer.protocol.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A connection's observers. Call sites check {@link #enabled()} before building an event, so an engine nobody
 * observes builds none.
 */
final class Events {

    private final LongSupplier clock;
    private final List<EngineObserver> observers = new ArrayList<>();
    /** Those of the observers that asked for raw frame bytes. */
    private final List<EngineObserver> rawBytesObservers = new ArrayList<>();

    Events(LongSupplier clock) {
        this.clock = clock;
    }

    boolean enabled() {
        return !observers.isEmpty();
    }

    /** Whether some observer wants each frame's raw bytes (they cost a copy). */
    boolean rawBytesWanted() {
        return !rawBytesObservers.isEmpty();
    }

    long now() {
        return clock.getAsLong();
    }

    void add(EngineObserver observer, boolean rawBytes) {
        observers.add(observer);
        if (rawBytes) {
            rawBytesObservers.add(observer);
        }
    }

    void remove(EngineObserver observer) {
        observers.remove(observer);
        rawBytesObservers.remove(observer);
    }

    void emit(EngineEvent event) {
        for (int i = 0; i < observers.size(); i++) {
            observers.get(i).onEvent(event);
        }
    }
}
