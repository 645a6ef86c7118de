package org.amqpexplorer.protocol.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.amqpexplorer.protocol.codec.Described;

/**
 * One received frame (2.3): its header fields, its decoded body and the payload after the body, over the frame's
 * own bytes, which stay available for the trace. Immutable; equal when the bytes are.
 */
public final class Frame {
    /** The fixed part of the frame header: size, data offset, type and the two type-specific bytes. */
    public static final int HEADER_SIZE = 8;
    /** MIN-MAX-FRAME-SIZE (2.7.1): every peer accepts frames this large; also the limit for SASL frames (5.3.1). */
    public static final int MIN_MAX_FRAME_SIZE = 512;

    private final byte[] bytes;
    private final FrameType type;
    private final Described body;
    private final int payloadOffset;

    /** Takes ownership of {@code bytes}, the whole frame; {@code payloadOffset} is where the body ends. */
    Frame(byte[] bytes, FrameType type, Described body, int payloadOffset) {
        this.bytes = bytes;
        this.type = type;
        this.body = body;
        this.payloadOffset = payloadOffset;
    }

    public FrameType type() {
        return type;
    }

    /** The channel (bytes 6–7). For SASL frames these bytes carry no meaning and are ignored (5.3.1). */
    public int channel() {
        return (bytes[6] & 0xFF) << 8 | bytes[7] & 0xFF;
    }

    /** The frame's total size, header included. */
    public int size() {
        return bytes.length;
    }

    /** Where the body starts: DOFF × 4, after any extended header. */
    public int dataOffset() {
        return (bytes[4] & 0xFF) * 4;
    }

    /** The performative or SASL frame body, or null for an empty frame (a heartbeat, 2.4.5). */
    public Described body() {
        return body;
    }

    /** An empty frame: no body at all. */
    public boolean isEmpty() {
        return body == null;
    }

    /** Where the payload starts in the frame: the first byte after the body. */
    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadSize() {
        return bytes.length - payloadOffset;
    }

    /** The bytes after the body (for a transfer, a section of the message), as a read-only view. */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(bytes, payloadOffset, bytes.length - payloadOffset).slice().asReadOnlyBuffer();
    }

    /** Copies the payload into {@code destination} from {@code offset} on (no view objects); returns its size. */
    public int copyPayload(byte[] destination, int offset) {
        int size = bytes.length - payloadOffset;
        System.arraycopy(bytes, payloadOffset, destination, offset, size);
        return size;
    }

    /** The whole frame as received, as a read-only view. */
    public ByteBuffer bytes() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** A copy of the whole frame as received. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return type + " frame (ch=" + channel() + ", size=" + bytes.length + ") "
                + (body == null ? "empty" : body + (payloadSize() > 0 ? " + " + payloadSize() + " payload bytes" : ""));
    }
}
