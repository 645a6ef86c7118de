package org.amqpexplorer.protocol.frame;

import static org.amqpexplorer.protocol.frame.RawFrames.bytes;
import static org.amqpexplorer.protocol.frame.RawFrames.concat;
import static org.amqpexplorer.protocol.frame.RawFrames.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

    @Test
    void emptyFrameIsEightBytes() {
        Encoder out = new Encoder();
        assertEquals(8, new FrameWriter().writeEmptyFrame(out, 0));
        assertEquals(8, new FrameWriter().writeEmptyFrame(out, 0x0102));
        assertArrayEquals(bytes(0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 8, 2, 0, 1, 2), out.toByteArray());
    }

    @Test
    void frameHasTheLayoutOf2_3() {
        byte[] payload = bytes(1, 2, 3);
        Encoder out = new Encoder();
        int size = new FrameWriter().writeFrame(out, FrameType.AMQP, 5, RawFrames.transfer(1, true, false), payload, 0, 3);
        byte[] expected = RawFrames.frame(0, 5, RawFrames.transfer(1, true, false), payload);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(expected.length, size);
    }

    @Test
    void writtenFramesDecode() {
        DescribedValue mechanisms = new DescribedValue(new ULongValue(0x40), ListValue.of(new SymbolValue("PLAIN")));
        Encoder out = new Encoder();
        FrameWriter w = new FrameWriter();
        FrameWriter.writeHeader(out, ProtocolHeader.SASL);
        w.writeFrame(out, FrameType.SASL, 0, mechanisms);
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        w.writeFrame(out, FrameType.AMQP, 0, open("w"));
        w.writeEmptyFrame(out, 0);
        w.writeFrame(out, FrameType.AMQP, 65535, RawFrames.transfer(3, true, true), bytes(7, 8, 9, 10), 1, 2);

        RawFrames.Recorder r = new RawFrames.Recorder();
        FrameDecoder[] d = new FrameDecoder[1];
        d[0] = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
                r.header(header);
            }

            @Override
            public void frame(Frame frame) {
                r.frame(frame);
                if (frame.type() == FrameType.SASL) d[0].expectHeader();
            }
        }, DescribedTypes.NONE, 512);
        d[0].feed(out.array(), 0, out.size());
        List<Frame> frames = r.frames();
        assertEquals(List.of(ProtocolHeader.SASL, frames.get(0), ProtocolHeader.AMQP, frames.get(1), frames.get(2), frames.get(3)), r.events);
        assertEquals(mechanisms, frames.get(0).body());
        assertEquals(FrameType.SASL, frames.get(0).type());
        assertEquals(open("w"), frames.get(1).body());
        assertEquals(true, frames.get(2).isEmpty());
        assertEquals(RawFrames.transfer(3, true, true), frames.get(3).body());
        assertEquals(65535, frames.get(3).channel());
        assertEquals(ByteBuffer.wrap(bytes(8, 9)), frames.get(3).payload());
    }

    @Test
    void frameOverThePeersMaxFrameSizeIsRefusedAndNothingWritten() {
        FrameWriter w = new FrameWriter(512);
        Encoder out = new Encoder();
        out.writeRawByte(0x42);
        int bodySize = Encoder.encode(open("x")).length;
        assertEquals(512, w.writeFrame(out, FrameType.AMQP, 0, open("x"), new byte[600], 0, 512 - 8 - bodySize));
        int written = out.size();
        FramingException e = assertThrows(FramingException.class,
                () -> w.writeFrame(out, FrameType.AMQP, 0, open("x"), new byte[600], 0, 513 - 8 - bodySize));
        assertEquals(FramingException.Condition.FRAME_SIZE_TOO_SMALL, e.condition());
        assertEquals("amqp:frame-size-too-small", e.condition().symbol().value());
        assertEquals(-1, e.offset());
        assertEquals(written, out.size());

        w.maxFrameSize(513);
        w.writeFrame(out, FrameType.AMQP, 0, open("x"), new byte[600], 0, 513 - 8 - bodySize);
        assertEquals(written + 513, out.size());
    }

    @Test
    void largestMaxFrameSizeIsTheUintMaximum() {
        FrameWriter w = new FrameWriter(0xFFFF_FFFFL);
        assertEquals(0xFFFF_FFFFL, w.maxFrameSize());
        Encoder out = new Encoder();
        assertEquals(8 + Encoder.encode(open("x")).length + 70_000,
                w.writeFrame(out, FrameType.AMQP, 0, open("x"), new byte[70_000], 0, 70_000));
    }

    @Test
    void channelIsAUshort() {
        FrameWriter w = new FrameWriter();
        Encoder out = new Encoder();
        assertThrows(IllegalArgumentException.class, () -> w.writeEmptyFrame(out, 65536));
        assertThrows(IllegalArgumentException.class, () -> w.writeFrame(out, FrameType.AMQP, -1, open("x")));
        assertThrows(IndexOutOfBoundsException.class, () -> w.writeFrame(out, FrameType.AMQP, 0, open("x"), new byte[2], 1, 2));
        assertEquals(0, out.size());
        assertArrayEquals(concat(), out.toByteArray());
    }
}
