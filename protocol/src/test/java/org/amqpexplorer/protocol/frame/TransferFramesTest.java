package org.amqpexplorer.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.junit.jupiter.api.Test;

class TransferFramesTest {
    private static final TransferFrames.Performative TRANSFER = (first, more) -> RawFrames.transfer(0, first, more);

    /** Payload bytes a single frame can carry next to the first transfer with more=false. */
    private static int roomInOneFrame(int maxFrameSize) {
        return maxFrameSize - 8 - Encoder.encode(RawFrames.transfer(0, true, false)).length;
    }

    private static byte[] payload(int length) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) p[i] = (byte) (i * 31 + 7);
        return p;
    }

    /** Writes every frame of the delivery and decodes them back. */
    private static List<Frame> split(int maxFrameSize, TransferFrames.Performative performative, byte[] payload) {
        TransferFrames frames = new TransferFrames(new FrameWriter(maxFrameSize), 4, performative, payload, 0, payload.length);
        Encoder out = new Encoder();
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        int count = 0;
        while (frames.hasNext()) {
            int before = out.size();
            int size = frames.writeNext(out);
            assertEquals(out.size() - before, size);
            if (++count > payload.length + 1) throw new AssertionError("does not end");
        }
        assertEquals(0, frames.remaining());
        RawFrames.Recorder r = new RawFrames.Recorder();
        new FrameDecoder(r, DescribedTypes.NONE, maxFrameSize).feed(out.array(), 0, out.size());
        return r.frames();
    }

    private static byte[] joinedPayload(List<Frame> frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Frame f : frames) {
            ByteBuffer p = f.payload();
            byte[] b = new byte[p.remaining()];
            p.get(b);
            all.writeBytes(b);
        }
        return all.toByteArray();
    }

    private static boolean more(Frame f) {
        ListValue fields = (ListValue) ((DescribedValue) f.body()).described();
        return fields.size() > 5 && fields.get(5).equals(BooleanValue.TRUE);
    }

    @Test
    void payloadThatFitsGoesInOneFrame() {
        int room = roomInOneFrame(512);
        for (int length : new int[] {0, 1, room - 1, room}) {
            List<Frame> frames = split(512, TRANSFER, payload(length));
            assertEquals(1, frames.size(), "payload " + length);
            assertEquals(RawFrames.transfer(0, true, false), frames.get(0).body());
            assertEquals(length, frames.get(0).payloadSize());
        }
    }

    @Test
    void oneByteMoreTakesTwoFrames() {
        int room = roomInOneFrame(512);
        List<Frame> frames = split(512, TRANSFER, payload(room + 1));
        assertEquals(2, frames.size());
        assertEquals(RawFrames.transfer(0, true, true), frames.get(0).body());
        assertEquals(512, frames.get(0).size());
        assertEquals(RawFrames.transfer(0, false, false), frames.get(1).body());
        assertEquals(4, frames.get(1).channel());
        assertEquals(ByteBuffer.wrap(payload(room + 1)), ByteBuffer.wrap(joinedPayload(frames)));
    }

    @Property(tries = 200)
    void splitKeepsEveryByteWithinTheLimit(@ForAll @IntRange(min = 512, max = 2048) int maxFrameSize,
                                           @ForAll @IntRange(min = 0, max = 6000) int length) {
        byte[] payload = payload(length);
        List<Frame> frames = split(maxFrameSize, TRANSFER, payload);
        assertEquals(ByteBuffer.wrap(payload), ByteBuffer.wrap(joinedPayload(frames)));
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            boolean last = i == frames.size() - 1;
            assertTrue(f.size() <= maxFrameSize);
            assertEquals(!last, more(f), "more on frame " + i);
            assertEquals(RawFrames.transfer(0, i == 0, !last), f.body());
            // every frame but the last is full: no more frames than needed
            if (!last) assertEquals(maxFrameSize, f.size());
        }
    }

    @Test
    void performativeThatShrinksWithMoreEndsWithAnEmptyLastFrame() {
        // a contrived transfer whose more=true form is smaller than its more=false form: all payload may fit only in
        // the more=true frame, and then a last frame without payload ends the delivery
        TransferFrames.Performative odd = (first, more) -> new DescribedValue(new ULongValue(RawFrames.TRANSFER),
                more ? ListValue.of(new UIntValue(0), BooleanValue.TRUE)
                        : ListValue.of(new UIntValue(0), new UIntValue(1), new UIntValue(2), new UIntValue(3)));
        int moreRoom = 512 - 8 - Encoder.encode(odd.transfer(true, true)).length;
        List<Frame> frames = split(512, odd, payload(moreRoom));
        assertEquals(2, frames.size());
        assertEquals(moreRoom, frames.get(0).payloadSize());
        assertEquals(0, frames.get(1).payloadSize());
        assertEquals(odd.transfer(false, false), frames.get(1).body());
    }

    @Test
    void transferThatLeavesNoRoomIsFrameSizeTooSmall() {
        TransferFrames.Performative huge = (first, more) -> new DescribedValue(new ULongValue(RawFrames.TRANSFER),
                ListValue.of(new UIntValue(0), BinaryValue.of(new byte[first ? 600 : 10])));
        TransferFrames frames = new TransferFrames(new FrameWriter(512), 0, huge, new byte[10], 0, 10);
        Encoder out = new Encoder();
        FramingException e = assertThrows(FramingException.class, () -> frames.writeNext(out));
        assertEquals(FramingException.Condition.FRAME_SIZE_TOO_SMALL, e.condition());
        assertEquals(0, out.size());
        assertTrue(frames.hasNext());

        // the more=false form fits, but the more=true form leaves no byte for the payload it must carry
        TransferFrames.Performative tight = (first, more) -> new DescribedValue(new ULongValue(RawFrames.TRANSFER),
                ListValue.of(new UIntValue(0), BinaryValue.of(new byte[more ? 510 - 8 - 10 : 400])));
        TransferFrames t = new TransferFrames(new FrameWriter(512), 0, tight, new byte[200], 0, 200);
        assertEquals(FramingException.Condition.FRAME_SIZE_TOO_SMALL, assertThrows(FramingException.class, () -> t.writeNext(out)).condition());
        assertEquals(0, out.size());
    }

    @Test
    void framesCanBeWrittenOneAtATime() {
        // the session's outgoing window may allow one frame now and the rest later
        byte[] payload = payload(2000);
        TransferFrames frames = new TransferFrames(new FrameWriter(512), 1, TRANSFER, payload, 0, payload.length);
        List<Integer> remaining = new ArrayList<>();
        Encoder out = new Encoder();
        while (frames.hasNext()) {
            frames.writeNext(out);
            remaining.add(frames.remaining());
        }
        assertEquals(0, remaining.get(remaining.size() - 1));
        for (int i = 1; i < remaining.size(); i++) assertTrue(remaining.get(i) < remaining.get(i - 1));
        assertFalse(frames.hasNext());
        assertThrows(NoSuchElementException.class, () -> frames.writeNext(out));
    }

    @Test
    void payloadSliceIsRespected() {
        byte[] backing = payload(1500);
        TransferFrames frames = new TransferFrames(new FrameWriter(512), 0, TRANSFER, backing, 100, 1000);
        Encoder out = new Encoder();
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        while (frames.hasNext()) frames.writeNext(out);
        RawFrames.Recorder r = new RawFrames.Recorder();
        new FrameDecoder(r, DescribedTypes.NONE, 512).feed(out.array(), 0, out.size());
        assertEquals(ByteBuffer.wrap(backing, 100, 1000), ByteBuffer.wrap(joinedPayload(r.frames())));
        assertThrows(IndexOutOfBoundsException.class, () -> new TransferFrames(new FrameWriter(), 0, TRANSFER, backing, 1000, 501));
    }
}
