package org.amqpexplorer.protocol.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.DecodeLimits;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.DescribedTypes;

/**
 * Reads a byte stream, fed in chunks split anywhere, into protocol headers and frames, handed to a {@link Handler}
 * in stream order. The stream starts with a protocol header (2.2); frames follow, of the type that header names:
 * SASL frames after the SASL header, AMQP frames after the AMQP header. After the SASL outcome the connection
 * calls {@link #expectHeader()} for the AMQP header that follows (5.3.2); after a TLS header {@link #feed} returns
 * early, leaving the rest to TLS, and a header is expected next (5.2).
 *
 * <p>Every frame header is checked before the frame's memory is allocated: a size below 8 or above the
 * max-frame-size, a data offset below 2 or beyond the frame, or an unexpected type is a framing error. The first
 * error is final: later calls throw it again. One limit applies to SASL and AMQP frames alike; 5.3.1 fixes SASL
 * frames at 512 bytes, which a connection enforces by setting that limit until the SASL outcome. Exceptions the
 * handler throws pass through, and the rest of that chunk is not consumed. Not thread-safe: one per connection.
 */
public final class FrameDecoder {

    /** Receives what the decoder reads. May call {@link #expectHeader()} and {@link #maxFrameSize(int)}. */
    public interface Handler {
        void header(ProtocolHeader header);

        void frame(Frame frame);
    }

    /** The largest max-frame-size a frame buffer (a Java array) can honour. */
    public static final int LARGEST_MAX_FRAME_SIZE = Integer.MAX_VALUE - 8;
    /** A large frame's buffer starts this big and grows as its bytes arrive, so memory follows what was sent. */
    private static final int INITIAL_FRAME_BUFFER = 64 * 1024;

    private enum State { HEADER, FRAME_HEADER, FRAME_BODY }

    private final Handler handler;
    private final DescribedTypes describedTypes;
    private final DecodeLimits decodeLimits;
    private int maxFrameSize;

    private State state = State.HEADER;
    /** The frame type the last protocol header announced. */
    private FrameType frameType;
    /** The protocol header or frame header being read. */
    private final byte[] head = new byte[8];
    private int headFill;
    private byte[] frame;
    private int frameSize;
    private int frameFill;
    private long frameStart;
    private long position;
    private FramingException failure;

    public FrameDecoder(Handler handler, DescribedTypes describedTypes, int maxFrameSize) {
        this(handler, describedTypes, maxFrameSize, DecodeLimits.DEFAULT);
    }

    /**
     * @param describedTypes turns performatives and SASL frame bodies into their typed form
     * @param maxFrameSize   the largest frame accepted: the max-frame-size this side announces
     */
    public FrameDecoder(Handler handler, DescribedTypes describedTypes, int maxFrameSize, DecodeLimits decodeLimits) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.describedTypes = Objects.requireNonNull(describedTypes, "describedTypes");
        this.decodeLimits = Objects.requireNonNull(decodeLimits, "decodeLimits");
        maxFrameSize(maxFrameSize);
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Sets the largest frame accepted from now on: at least 512 (2.7.1). */
    public void maxFrameSize(int maxFrameSize) {
        if (maxFrameSize < Frame.MIN_MAX_FRAME_SIZE || maxFrameSize > LARGEST_MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("max-frame-size must be in " + Frame.MIN_MAX_FRAME_SIZE + ".."
                    + LARGEST_MAX_FRAME_SIZE + ", was " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    /** How many bytes of the stream were consumed. */
    public long position() {
        return position;
    }

    /** The error that stopped this decoder, or null. */
    public FramingException failure() {
        return failure;
    }

    /**
     * Makes the next bytes a protocol header: after the SASL outcome (5.3.2), or for the stream inside TLS.
     *
     * @throws IllegalStateException in the middle of a frame
     */
    public void expectHeader() {
        if (failure != null) throw new IllegalStateException("decoder failed", failure);
        if (state == State.FRAME_BODY || headFill != 0) throw new IllegalStateException("in the middle of a frame");
        state = State.HEADER;
    }

    /** Consumes the remaining bytes of {@code bytes} (up to a TLS header, see {@link #feed(byte[], int, int)}). */
    public int feed(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            int n = feed(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.position() + n);
            return n;
        }
        byte[] chunk = new byte[Math.min(bytes.remaining(), 8192)];
        int total = 0;
        while (bytes.hasRemaining()) {
            int n = Math.min(bytes.remaining(), chunk.length);
            bytes.get(bytes.position(), chunk, 0, n);
            int used = feed(chunk, 0, n);
            bytes.position(bytes.position() + used);
            total += used;
            if (used < n) break;
        }
        return total;
    }

    /**
     * Consumes bytes, handing each complete header and frame to the handler as soon as it is read. Returns how many
     * bytes were consumed: all of them, unless a TLS header was read, after which the rest belongs to TLS.
     *
     * @throws FramingException on the first framing or decode error, and on every call after it
     */
    public int feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (failure != null) throw failure;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (state) {
                case HEADER -> {
                    if (readHeaderByte(bytes[i++]) == ProtocolHeader.TLS) return i - offset;
                }
                case FRAME_HEADER -> {
                    if (headFill == 0 && end - i >= Frame.HEADER_SIZE) {
                        // The whole header is here: the same checks, without a step per byte.
                        System.arraycopy(bytes, i, head, 0, Frame.HEADER_SIZE);
                        i += Frame.HEADER_SIZE;
                        frameStart = position;
                        position += Frame.HEADER_SIZE;
                        checkFrameSize();
                        checkDataOffset();
                        checkFrameType();
                        startFrameBody();
                    } else {
                        readFrameHeaderByte(bytes[i++]);
                    }
                }
                case FRAME_BODY -> {
                    int n = Math.min(end - i, frameSize - frameFill);
                    ensureFrameCapacity(frameFill + n);
                    System.arraycopy(bytes, i, frame, frameFill, n);
                    i += n;
                    frameFill += n;
                    position += n;
                    if (frameFill == frameSize) completeFrame();
                }
            }
        }
        return i - offset;
    }

    /** Returns the header if this byte completed one. */
    private ProtocolHeader readHeaderByte(byte b) {
        long at = position++;
        head[headFill++] = b;
        if (headFill <= 4 && !ProtocolHeader.prefixMatches(headFill - 1, b)) {
            throw fail(ProtocolHeader.notAmqp(Arrays.copyOf(head, headFill), at));
        }
        if (headFill < ProtocolHeader.SIZE) return null;
        headFill = 0;
        ProtocolHeader header;
        try {
            header = ProtocolHeader.complete(head, position - ProtocolHeader.SIZE);
        } catch (ProtocolHeaderException e) {
            throw fail(e);
        }
        switch (header) {
            case AMQP -> { frameType = FrameType.AMQP; state = State.FRAME_HEADER; }
            case SASL -> { frameType = FrameType.SASL; state = State.FRAME_HEADER; }
            case TLS -> state = State.HEADER;
        }
        handler.header(header);
        return header;
    }

    /** Reads one of the 8 frame header bytes, checking each field as soon as it is complete. */
    private void readFrameHeaderByte(byte b) {
        if (headFill == 0) frameStart = position;
        position++;
        head[headFill++] = b;
        switch (headFill) {
            case 4 -> checkFrameSize();
            case 5 -> checkDataOffset();
            case 6 -> checkFrameType();
            case 8 -> startFrameBody();
            default -> { }
        }
    }

    private void checkFrameSize() {
        long size = Integer.toUnsignedLong((head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF);
        if (size < Frame.HEADER_SIZE) throw framingError("frame size " + size + " is less than the 8-byte frame header", frameStart);
        if (size > maxFrameSize) throw framingError("frame size " + size + " exceeds max-frame-size " + maxFrameSize, frameStart);
        frameSize = (int) size;
    }

    private void checkDataOffset() {
        int doff = head[4] & 0xFF;
        if (doff < 2) throw framingError("data offset " + doff + " is less than 2", frameStart + 4);
        if (doff * 4 > frameSize) throw framingError("data offset " + doff + " (" + doff * 4 + " bytes) is beyond the frame size " + frameSize, frameStart + 4);
    }

    private void checkFrameType() {
        FrameType type = FrameType.ofCode(head[5] & 0xFF);
        if (type == null) throw framingError(String.format("unknown frame type 0x%02x", head[5] & 0xFF), frameStart + 5);
        if (type != frameType) throw framingError(type + " frame after the " + frameType + " protocol header", frameStart + 5);
    }

    private void startFrameBody() {
        headFill = 0;
        frame = new byte[Math.min(frameSize, INITIAL_FRAME_BUFFER)];
        System.arraycopy(head, 0, frame, 0, Frame.HEADER_SIZE);
        frameFill = Frame.HEADER_SIZE;
        state = State.FRAME_BODY;
        if (frameFill == frameSize) completeFrame();
    }

    private void ensureFrameCapacity(int needed) {
        if (frame.length < needed) {
            frame = Arrays.copyOf(frame, (int) Math.min(frameSize, Math.max(needed, 2L * frame.length)));
        }
    }

    private void completeFrame() {
        byte[] bytes = frame;
        frame = null;
        state = State.FRAME_HEADER;
        handler.frame(decodeFrame(bytes, frameStart));
    }

    /** Decodes the body of a complete frame that starts at stream offset {@code start}. */
    private Frame decodeFrame(byte[] bytes, long start) {
        int bodyOffset = (bytes[4] & 0xFF) * 4;
        if (bodyOffset == bytes.length) {
            // 2.3.2: an empty AMQP frame is a heartbeat; a SASL frame carries exactly one SASL frame body (5.3.1)
            if (frameType == FrameType.SASL) throw framingError("SASL frame without a body", start);
            return new Frame(bytes, frameType, null, bodyOffset);
        }
        Decoder decoder = new Decoder(bytes, bodyOffset, bytes.length - bodyOffset, decodeLimits, describedTypes);
        AmqpValue body;
        try {
            body = decoder.readValue();
        } catch (DecodeException e) {
            throw fail(new FramingException(FramingException.Condition.DECODE_ERROR, "frame body: " + e.reason(),
                    start + bodyOffset + Math.max(0, e.offset())));
        }
        if (!(body instanceof Described described)) {
            throw fail(new FramingException(FramingException.Condition.DECODE_ERROR, "frame body is a "
                    + body.type().specName() + ", not a described performative", start + bodyOffset));
        }
        int payloadOffset = bodyOffset + decoder.position();
        if (frameType == FrameType.SASL && payloadOffset != bytes.length) {
            throw framingError("SASL frame has " + (bytes.length - payloadOffset) + " bytes after its body", start + payloadOffset);
        }
        return new Frame(bytes, frameType, described, payloadOffset);
    }

    private FramingException framingError(String reason, long at) {
        return fail(new FramingException(FramingException.Condition.FRAMING_ERROR, reason, at));
    }

    private FramingException fail(FramingException e) {
        failure = e;
        frame = null;
        return e;
    }
}
