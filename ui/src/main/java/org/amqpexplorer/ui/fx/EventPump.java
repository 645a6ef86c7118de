package org.amqpexplorer.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Carries events from protocol threads to the FX thread in batches. Any thread may {@link #offer} an event; the
 * buffer is bounded, and an event that finds it full is dropped and counted, never waited for. Once per pulse
 * (each frame the FX thread renders, about 60 times a second, while {@link #start() started}) everything
 * buffered is drained and handed to the consumer as one list, so a view-model makes one change per pulse
 * however fast events come.
 *
 * @param <T> the event type; events must be immutable or no longer touched by the offering thread
 */
public final class EventPump<T> {

    private final ArrayBlockingQueue<T> buffer;
    private final Consumer<? super List<T>> batchConsumer;
    private final AtomicLong dropped = new AtomicLong();
    private final ReadOnlyLongWrapper droppedShown = new ReadOnlyLongWrapper(this, "dropped");
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    /**
     * @param capacity      how many events may wait between two pulses
     * @param batchConsumer receives each non-empty batch, on the thread that calls {@link #pulse()}
     */
    public EventPump(int capacity, Consumer<? super List<T>> batchConsumer) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.batchConsumer = Objects.requireNonNull(batchConsumer, "batchConsumer");
    }

    /** Buffers an event (any thread, never blocks); returns false, and counts a drop, if the buffer is full. */
    public boolean offer(T event) {
        if (buffer.offer(event)) return true;
        dropped.incrementAndGet();
        return false;
    }

    /**
     * Drains everything buffered and hands it over as one batch; updates {@link #droppedProperty()}. The pulse
     * timer calls this on the FX thread; tests may call it directly.
     */
    public void pulse() {
        int waiting = buffer.size();
        if (waiting > 0) {
            List<T> batch = new ArrayList<>(waiting);
            buffer.drainTo(batch);
            batchConsumer.accept(batch);
        }
        long d = dropped.get();
        if (d != droppedShown.get()) droppedShown.set(d);
    }

    /** Starts draining once per pulse. Call on the FX thread. */
    public void start() {
        timer.start();
    }

    /** Stops draining; events keep being buffered, up to the capacity. Call on the FX thread. */
    public void stop() {
        timer.stop();
    }

    public int capacity() {
        return buffer.size() + buffer.remainingCapacity();
    }

    /** Events waiting for the next pulse. */
    public int waiting() {
        return buffer.size();
    }

    /** Events dropped because the buffer was full, as of the last pulse. */
    public ReadOnlyLongProperty droppedProperty() {
        return droppedShown.getReadOnlyProperty();
    }
}
