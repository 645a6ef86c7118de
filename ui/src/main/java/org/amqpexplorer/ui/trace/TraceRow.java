package org.amqpexplorer.ui.trace;

import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.CompositeType;
import org.amqpexplorer.protocol.types.Field;
import org.amqpexplorer.protocol.types.SaslFrame;

/** A row of the trace table: a frame and its number in the trace; the summary is made once, when first shown. */
final class TraceRow {
    private final long number;
    private final TraceFrame frame;
    private String summary;

    TraceRow(long number, TraceFrame frame) {
        this.number = number;
        this.frame = frame;
    }

    /** Counts from 1 in the order frames were captured (or read from a file). */
    long number() {
        return number;
    }

    TraceFrame frame() {
        return frame;
    }

    /** Only ever called on the FX thread, so the lazy field needs no lock. */
    String summary() {
        if (summary == null) summary = FrameSummary.of(frame);
        return summary;
    }

    /** The session channel, or null for what belongs to no session: protocol headers and SASL frames. */
    Integer channel() {
        return frame.isHeader() || frame.body() instanceof SaslFrame ? null : frame.channel();
    }

    /** Whether the frame carries an error: a close, end or detach with one. */
    boolean hasError() {
        if (!(frame.body() instanceof Composite c)) return false;
        CompositeType<?> type = c.compositeType();
        Field error = type.field("error");
        return error != null && ValueText.fieldValue(type, c, error.index()) != null;
    }

    /** The link handle, for the performatives that carry one (attach, flow, transfer, detach), else null. */
    Long handle() {
        if (!(frame.body() instanceof Composite c)) return null;
        CompositeType<?> type = c.compositeType();
        Field handle = type.field("handle");
        return handle == null ? null : (Long) ValueText.fieldValue(type, c, handle.index());
    }
}
