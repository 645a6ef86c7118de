package org.amqpexplorer.ui.trace;

import java.util.Objects;
import java.util.function.Consumer;

import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;

/**
 * An engine's frames and protocol headers as trace entries. Register the observer with raw bytes
 * ({@code connection.addObserver(observer, true)}) so the trace can show each frame's hex.
 */
public final class EngineTrace {
    private EngineTrace() {
    }

    /** The trace entry for an event, or null if the event is not a frame or protocol header. */
    public static TraceFrame toTraceFrame(String connection, EngineEvent event) {
        return switch (event) {
            case EngineEvent.FrameSent s -> TraceFrame.frame(connection, Direction.SENT, s.timestamp(), s.channel(),
                    s.body(), s.payloadSize(), s.frameSize(), s.rawBytes());
            case EngineEvent.FrameReceived r -> TraceFrame.frame(connection, Direction.RECEIVED, r.timestamp(),
                    r.channel(), r.body(), r.payloadSize(), r.frameSize(), r.rawBytes());
            case EngineEvent.HeaderSent h -> TraceFrame.header(connection, Direction.SENT, h.timestamp(), h.header());
            case EngineEvent.HeaderReceived h -> TraceFrame.header(connection, Direction.RECEIVED, h.timestamp(), h.header());
            default -> null;
        };
    }

    /**
     * An observer that hands each frame and header of one connection to {@code sink}, on the engine's thread
     * (e.g. {@code pump::offer}).
     */
    public static EngineObserver observer(String connection, Consumer<TraceFrame> sink) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(sink, "sink");
        return event -> {
            TraceFrame f = toTraceFrame(connection, event);
            if (f != null) sink.accept(f);
        };
    }
}
