package org.amqpexplorer.protocol.frame;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.Encoder;

/**
 * Splits one delivery's payload over as many transfer frames as the peer's max-frame-size requires (2.6.14,
 * 2.7.5): every frame but the last has more=true. Frames are written one at a time, so the caller can stop when
 * the session's outgoing window closes and go on later.
 */
public final class TransferFrames {

    /**
     * The transfer performative for one frame: the first frame carries every field of the delivery; continuation
     * frames need only the handle (2.7.5). {@code more} is whether further frames of this delivery follow.
     */
    @FunctionalInterface
    public interface Performative {
        Described transfer(boolean first, boolean more);
    }

    private final FrameWriter writer;
    private final int channel;
    private final Performative performative;
    private final byte[] payload;
    private int offset;
    private final int end;
    private boolean first = true;
    private boolean done;

    public TransferFrames(FrameWriter writer, int channel, Performative performative, byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        FrameWriter.checkChannel(channel);
        this.writer = Objects.requireNonNull(writer, "writer");
        this.channel = channel;
        this.performative = Objects.requireNonNull(performative, "performative");
        this.payload = payload;
        this.offset = offset;
        this.end = offset + length;
    }

    /** Whether a frame of this delivery remains to be written. */
    public boolean hasNext() {
        return !done;
    }

    /** Payload bytes not yet written. */
    public int remaining() {
        return end - offset;
    }

    /**
     * Writes the next frame, as much payload as fits; returns the frame's size.
     *
     * @throws FramingException with {@code amqp:frame-size-too-small} if a transfer does not fit the peer's
     *                          max-frame-size even with no payload; nothing is written then
     */
    public int writeNext(Encoder out) {
        if (done) throw new NoSuchElementException("all frames of this delivery are written");
        long room = writer.maxFrameSize() - Frame.HEADER_SIZE;
        int rest = end - offset;
        int lastSize = writer.encodeBody(performative.transfer(first, false));
        if (lastSize > room) throw tooSmall(lastSize, "does not fit");
        if (lastSize + (long) rest <= room) return write(out, rest, true);
        int moreSize = writer.encodeBody(performative.transfer(first, true));
        if (moreSize >= room) throw tooSmall(moreSize, "leaves no room for payload");
        return write(out, (int) Math.min(rest, room - moreSize), false);
    }

    /** Writes the frame around the body just encoded, with the next {@code length} payload bytes. */
    private int write(Encoder out, int length, boolean last) {
        int size = writer.writeEncodedFrame(out, FrameType.AMQP, channel, payload, offset, length);
        offset += length;
        first = false;
        done = last;
        return size;
    }

    private FramingException tooSmall(int bodySize, String problem) {
        return new FramingException(FramingException.Condition.FRAME_SIZE_TOO_SMALL, "a transfer of " + bodySize
                + " bytes " + problem + " in a frame within the peer's max-frame-size " + writer.maxFrameSize(), -1);
    }
}
