package org.amqpexplorer.ui.trace;

import java.util.Arrays;
import java.util.Objects;

import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Composite;

/**
 * One entry of a frame trace: a frame (or a protocol header) that went over a connection, as the trace keeps it,
 * whether it came from a live engine or from a trace file.
 *
 * @param connection  names the connection, unique within a trace
 * @param time        when, in milliseconds since the epoch
 * @param channel     the frame's channel (0 for protocol headers and SASL frames)
 * @param body        the performative or SASL frame body; null for an empty frame (a heartbeat) and for a header
 * @param header      the protocol header, for a header entry; otherwise null
 * @param payloadSize the bytes after the body (for a transfer, the message bytes it carries)
 * @param frameSize   the whole frame, header included
 * @param rawBytes    the whole frame as it went over the wire, or null if it was not recorded; not copied (for a
 *                    header, its eight bytes, always known)
 */
public record TraceFrame(String connection, Direction direction, long time, int channel, Described body,
                         ProtocolHeader header, int payloadSize, int frameSize, byte[] rawBytes) {

    public TraceFrame {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(direction, "direction");
        if (header != null && body != null) throw new IllegalArgumentException("a protocol header has no body");
        if (header != null && rawBytes == null) rawBytes = header.toByteArray(); // a header's bytes are always known
    }

    /** A frame; {@code body} null for an empty frame. */
    public static TraceFrame frame(String connection, Direction direction, long time, int channel, Described body,
                                   int payloadSize, int frameSize, byte[] rawBytes) {
        return new TraceFrame(connection, direction, time, channel, body, null, payloadSize, frameSize, rawBytes);
    }

    /** A frame read by the frame package's decoder, with its bytes. */
    public static TraceFrame of(String connection, Direction direction, long time, Frame frame) {
        return frame(connection, direction, time, frame.channel(), frame.body(), frame.payloadSize(), frame.size(),
                frame.toByteArray());
    }

    /** A protocol header (2.2): its eight bytes are its raw bytes. */
    public static TraceFrame header(String connection, Direction direction, long time, ProtocolHeader header) {
        Objects.requireNonNull(header, "header");
        return new TraceFrame(connection, direction, time, 0, null, header, 0, ProtocolHeader.SIZE, null);
    }

    public boolean isHeader() {
        return header != null;
    }

    /** An empty frame (2.3.2), which a peer sends as a heartbeat. */
    public boolean isEmptyFrame() {
        return header == null && body == null;
    }

    /**
     * What the entry is, as the trace names it: the performative's spec name ({@code flow}, {@code sasl-init} …),
     * {@code described} for a body of unknown type, {@code empty} for an empty frame, {@code header} for a
     * protocol header.
     */
    public String performative() {
        if (header != null) return PERFORMATIVE_HEADER;
        if (body == null) return PERFORMATIVE_EMPTY;
        return body instanceof Composite c ? c.compositeType().name() : PERFORMATIVE_DESCRIBED;
    }

    static final String PERFORMATIVE_HEADER = "header";
    static final String PERFORMATIVE_EMPTY = "empty";
    static final String PERFORMATIVE_DESCRIBED = "described";

    /** Equal when every field is, the raw bytes by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TraceFrame f && connection.equals(f.connection) && direction == f.direction
                && time == f.time && channel == f.channel && Objects.equals(body, f.body) && header == f.header
                && payloadSize == f.payloadSize && frameSize == f.frameSize && Arrays.equals(rawBytes, f.rawBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connection, direction, time, channel, body, header, payloadSize, frameSize)
                * 31 + Arrays.hashCode(rawBytes);
    }

    @Override
    public String toString() {
        return "TraceFrame[" + connection + " " + direction.word() + " ch=" + channel + " " + performative()
                + " size=" + frameSize + (rawBytes == null ? ", no raw bytes]" : "]");
    }
}
