package org.amqpexplorer.ui.trace;

import org.amqpexplorer.protocol.types.Composite;

/**
 * The one-line summary of a trace entry, e.g.
 * {@code flow(next-in-id:5,in-window:2048,next-out-id:0,out-window:2048,handle:0,delivery-count:0,link-credit:100)}.
 * Built from the composite's field table, so every performative (and every nested composite: source, target,
 * error, delivery state) is summarised the same way. Frames with a payload end with its size.
 */
public final class FrameSummary {
    /** Long values (large maps, many capabilities) are cut here: the detail pane shows everything. */
    static final int MAX_LENGTH = 600;

    private FrameSummary() {
    }

    public static String of(TraceFrame frame) {
        String text;
        if (frame.isHeader()) {
            text = frame.header().name() + " protocol header (protocol id " + frame.header().protocolId() + ", version 1.0.0)";
        } else if (frame.isEmptyFrame()) {
            text = "empty frame (heartbeat)";
        } else {
            text = frame.body() instanceof Composite c ? ValueText.composite(c) : ValueText.value(frame.body(), 16);
            if (frame.payloadSize() > 0) text += " payload " + ValueText.bytes(frame.payloadSize());
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }
}
