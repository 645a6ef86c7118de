package org.amqpexplorer.ui.flowlab;

import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.ui.trace.Direction;
import org.amqpexplorer.ui.trace.FrameSummary;
import org.amqpexplorer.ui.trace.TraceFrame;

/**
 * One frame (or protocol header) between the two ends of a connection, as the sequence diagram draws it.
 *
 * @param seq        numbers the connection's frames from 1, in the order the engine saw them
 * @param sent       sent by this end (an arrow to the peer), else received
 * @param channel    the frame's channel: ours for a sent frame, the peer's for a received one
 * @param localChannel the session's channel at this end, or -1 for frames of no session
 * @param handle     the link handle the frame carries (attach, flow, transfer, detach), or -1
 * @param label      a short description for the arrow, e.g. {@code transfer #3 h0 more 4 KiB}; null to make it from
 *                   the body when asked (so the connection's thread does not spend time on words)
 * @param effect     what the frame changed at this end, e.g. {@code h0 credit 5→4 · in-window 8→7}; may be empty
 * @param body       the performative, or null for a heartbeat or a header
 *
 * <p>The trace holds the same event's body (the very object), which is how a frame of the diagram is found there.
 */
record LadderEntry(long seq, long time, boolean sent, int channel, int localChannel, String performative,
                   long handle, String label, String effect, Described body, ProtocolHeader header, int payloadSize,
                   int frameSize) {

    /** The arrow's text, made from the frame when it was not given. */
    @Override
    public String label() {
        if (label != null) return label;
        return header != null ? header.name() + " protocol header" : FrameLabel.of(body, payloadSize);
    }

    LadderEntry withEffect(String effect) {
        return new LadderEntry(seq, time, sent, channel, localChannel, performative, handle, label, effect, body,
                header, payloadSize, frameSize);
    }

    /** The trace's one-line summary of the frame (built when asked: a tooltip, the step list). */
    String summary(String connection) {
        return FrameSummary.of(traceFrame(connection));
    }

    /** This entry as a trace entry without bytes. */
    TraceFrame traceFrame(String connection) {
        Direction d = sent ? Direction.SENT : Direction.RECEIVED;
        return header != null ? TraceFrame.header(connection, d, time, header)
                : TraceFrame.frame(connection, d, time, channel, body, payloadSize, frameSize, null);
    }

    /**
     * Whether {@code f} (a frame of the trace) is this entry's frame: the trace's entry was made from the same
     * engine event, so it holds the very same body; a heartbeat or header has none, and is matched by its fields.
     */
    boolean matches(String connection, TraceFrame f) {
        if (body != null) return f.body() == body;
        return f.connection().equals(connection) && f.time() == time && (f.direction() == Direction.SENT) == sent
                && f.channel() == channel && f.frameSize() == frameSize && f.performative().equals(performative)
                && f.body() == null;
    }
}
