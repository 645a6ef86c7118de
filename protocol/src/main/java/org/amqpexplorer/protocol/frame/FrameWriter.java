package org.amqpexplorer.protocol.frame;

import java.util.Objects;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.Encoder;

/**
 * Writes protocol headers and frames (2.3) into an {@link Encoder}, checking each frame against the largest frame
 * the peer accepts. Frames are written with DOFF 2 (no extended header). Not thread-safe: one per connection.
 */
public final class FrameWriter {
    /** DOFF of a frame without extended header: the body starts right after the 8 header bytes. */
    private static final int DOFF = 2;
    /** max-frame-size is a uint; an encoding never reaches 2^31 bytes, so larger limits never bind. */
    private static final long MAX_UINT = 0xFFFF_FFFFL;
    private static final byte[] NO_PAYLOAD = new byte[0];

    /** Holds the encoded body until its size is known, so an oversized frame leaves the output untouched. */
    private final Encoder body = new Encoder();
    private long maxFrameSize;

    /** A writer bound by MIN-MAX-FRAME-SIZE, the limit before the peer's open arrives (2.4.1). */
    public FrameWriter() {
        this(Frame.MIN_MAX_FRAME_SIZE);
    }

    public FrameWriter(long maxFrameSize) {
        maxFrameSize(maxFrameSize);
    }

    /** The largest frame the peer accepts, as a uint (its open's max-frame-size). */
    public long maxFrameSize() {
        return maxFrameSize;
    }

    /** Sets the largest frame the peer accepts: at least 512 (2.7.1), at most 2^32-1. */
    public void maxFrameSize(long maxFrameSize) {
        if (maxFrameSize < Frame.MIN_MAX_FRAME_SIZE || maxFrameSize > MAX_UINT) {
            throw new IllegalArgumentException("max-frame-size must be in " + Frame.MIN_MAX_FRAME_SIZE + ".." + MAX_UINT
                    + ", was " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    public static void writeHeader(Encoder out, ProtocolHeader header) {
        byte[] h = header.toByteArray();
        out.writeRawBytes(h, 0, h.length);
    }

    /** Writes an empty frame (2.3.2), the heartbeat of 2.4.5; returns its size, 8. */
    public int writeEmptyFrame(Encoder out, int channel) {
        checkChannel(channel);
        writeFrameHeader(out, Frame.HEADER_SIZE, FrameType.AMQP, channel);
        return Frame.HEADER_SIZE;
    }

    /** Writes a frame with a body and no payload; returns the frame's size. */
    public int writeFrame(Encoder out, FrameType type, int channel, Described body) {
        return writeFrame(out, type, channel, body, NO_PAYLOAD, 0, 0);
    }

    /**
     * Writes a frame: the body (a performative or SASL frame body) followed by {@code length} payload bytes.
     *
     * @return the frame's size
     * @throws FramingException with {@code amqp:frame-size-too-small} if the frame does not fit the peer's
     *                          max-frame-size; nothing is written then
     */
    public int writeFrame(Encoder out, FrameType type, int channel, Described body, byte[] payload, int offset, int length) {
        Objects.requireNonNull(body, "body");
        Objects.checkFromIndexSize(offset, length, payload.length);
        checkChannel(channel);
        int bodySize = encodeBody(body);
        long size = (long) Frame.HEADER_SIZE + bodySize + length;
        if (size > maxFrameSize) {
            throw new FramingException(FramingException.Condition.FRAME_SIZE_TOO_SMALL, "a frame of " + size
                    + " bytes (body " + bodySize + ", payload " + length + ") exceeds the peer's max-frame-size "
                    + maxFrameSize, -1);
        }
        return writeEncodedFrame(out, type, channel, payload, offset, length);
    }

    /** Encodes {@code body} to be written by the next {@link #writeEncodedFrame}; returns its size. */
    int encodeBody(Described body) {
        this.body.reset();
        this.body.writeValue(body);
        return this.body.size();
    }

    /** Writes a frame around the body last encoded by {@link #encodeBody}; the caller checked the size. */
    int writeEncodedFrame(Encoder out, FrameType type, int channel, byte[] payload, int offset, int length) {
        int size = Frame.HEADER_SIZE + body.size() + length;
        writeFrameHeader(out, size, type, channel);
        out.writeRawBytes(body.array(), 0, body.size());
        out.writeRawBytes(payload, offset, length);
        return size;
    }

    private static void writeFrameHeader(Encoder out, int size, FrameType type, int channel) {
        out.writeRawInt(size);
        out.writeRawByte(DOFF);
        out.writeRawByte(type.code());
        out.writeRawShort(channel);
    }

    static void checkChannel(int channel) {
        if (channel < 0 || channel > 0xFFFF) throw new IllegalArgumentException("channel must be a ushort, was " + channel);
    }
}
