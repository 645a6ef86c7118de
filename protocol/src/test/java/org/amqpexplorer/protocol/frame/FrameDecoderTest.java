package org.amqpexplorer.protocol.frame;

import static org.amqpexplorer.protocol.frame.RawFrames.bytes;
import static org.amqpexplorer.protocol.frame.RawFrames.concat;
import static org.amqpexplorer.protocol.frame.RawFrames.frame;
import static org.amqpexplorer.protocol.frame.RawFrames.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.frame.FramingException.Condition;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final byte[] AMQP = ProtocolHeader.AMQP.toByteArray();
    private static final byte[] SASL = ProtocolHeader.SASL.toByteArray();

    private final RawFrames.Recorder recorder = new RawFrames.Recorder();

    private FrameDecoder decoder(int maxFrameSize) {
        return new FrameDecoder(recorder, DescribedTypes.NONE, maxFrameSize);
    }

    private static FramingException failure(byte[] stream, int maxFrameSize) {
        FrameDecoder d = new FrameDecoder(new RawFrames.Recorder(), DescribedTypes.NONE, maxFrameSize);
        return assertThrows(FramingException.class, () -> d.feed(stream, 0, stream.length));
    }

    @Test
    void headerThenPerformativeWithPayloadThenHeartbeat() {
        byte[] payload = bytes(0x00, 0x53, 0x77, 0xA1, 0x02, 'h', 'i');
        byte[] transfer = frame(0, 3, RawFrames.transfer(0, true, false), payload);
        byte[] stream = concat(AMQP, frame(0, 0, open("c1"), new byte[0]), transfer, frame(0, 0, null, new byte[0]));
        FrameDecoder d = decoder(4096);
        assertEquals(stream.length, d.feed(stream, 0, stream.length));
        assertEquals(stream.length, d.position());

        assertEquals(4, recorder.events.size());
        assertSame(ProtocolHeader.AMQP, recorder.events.get(0));
        Frame open = (Frame) recorder.events.get(1);
        assertEquals(FrameType.AMQP, open.type());
        assertEquals(0, open.channel());
        assertEquals(open("c1"), open.body());
        assertEquals(0, open.payloadSize());

        Frame t = (Frame) recorder.events.get(2);
        assertEquals(3, t.channel());
        assertEquals(RawFrames.transfer(0, true, false), t.body());
        assertEquals(transfer.length, t.size());
        assertEquals(8, t.dataOffset());
        assertEquals(payload.length, t.payloadSize());
        assertEquals(ByteBuffer.wrap(payload), t.payload());
        assertTrue(t.payload().isReadOnly());
        assertArrayEquals(transfer, t.toByteArray());
        assertEquals(ByteBuffer.wrap(transfer), t.bytes());

        Frame heartbeat = (Frame) recorder.events.get(3);
        assertTrue(heartbeat.isEmpty());
        assertNull(heartbeat.body());
        assertEquals(8, heartbeat.size());
        assertEquals(0, heartbeat.payloadSize());
    }

    @Test
    void extendedHeaderIsSkipped() {
        // 2.3.1: DOFF counts 4-byte words; bytes 8..DOFF*4 are an extended header this version ignores
        byte[] body = Encoder.encode(open("x"));
        byte[] stream = concat(AMQP, RawFrames.frame(5, 0, 2, body, bytes(9, 9)), RawFrames.frame(3, 0, 1, new byte[0], new byte[0]));
        FrameDecoder d = decoder(512);
        d.feed(stream, 0, stream.length);
        Frame f = (Frame) recorder.events.get(1);
        assertEquals(20, f.dataOffset());
        assertEquals(open("x"), f.body());
        assertEquals(ByteBuffer.wrap(bytes(9, 9)), f.payload());
        assertEquals(20 + body.length, f.payloadOffset());
        Frame empty = (Frame) recorder.events.get(2);
        assertTrue(empty.isEmpty());
        assertEquals(12, empty.size());
        assertEquals(1, empty.channel());
    }

    @Test
    void frameAtExactlyMaxFrameSizeIsAccepted() {
        byte[] f = RawFrames.frame(2, 0, 0, Encoder.encode(open("x")), new byte[512 - 8 - Encoder.encode(open("x")).length]);
        assertEquals(512, f.length);
        FrameDecoder d = decoder(512);
        d.feed(concat(AMQP, f), 0, AMQP.length + f.length);
        assertEquals(512, ((Frame) recorder.events.get(1)).size());
    }

    @Test
    void frameOverMaxFrameSizeFailsBeforeItsBodyArrives() {
        FrameDecoder d = decoder(512);
        d.feed(AMQP, 0, 8);
        // only the size field: the frame is rejected on its declared size, with nothing allocated for it
        FramingException e = assertThrows(FramingException.class, () -> d.feed(bytes(0, 0, 2, 1), 0, 4));
        assertEquals(Condition.FRAMING_ERROR, e.condition());
        assertEquals("frame size 513 exceeds max-frame-size 512", e.reason());
        assertEquals(8, e.offset());
        assertEquals(12, d.position());
    }

    @Test
    void hugeDeclaredSizeIsRejectedEvenWithTheLargestLimit() {
        FramingException e = failure(concat(AMQP, bytes(0xFF, 0xFF, 0xFF, 0xFF)), FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        assertEquals("frame size 4294967295 exceeds max-frame-size " + FrameDecoder.LARGEST_MAX_FRAME_SIZE, e.reason());
    }

    @Test
    void largeFrameBufferGrowsWithTheBytesThatArrive() {
        // a 100 MB frame whose bytes have not come: accepted so far, waiting for more
        FrameDecoder d = decoder(FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        byte[] start = concat(AMQP, bytes(0x06, 0, 0, 0, 2, 0, 0, 0), Encoder.encode(open("big")));
        d.feed(start, 0, start.length);
        assertEquals(start.length, d.position());
        assertEquals(List.of(ProtocolHeader.AMQP), recorder.events);
        recorder.events.clear();

        // a 200 kB frame in odd chunks, through buffer growth
        byte[] payload = new byte[200_000];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) i;
        byte[] body = Encoder.encode(open("big"));
        byte[] f = RawFrames.frame(2, 0, 0, body, payload);
        FrameDecoder d2 = decoder(FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        d2.feed(AMQP, 0, 8);
        for (int at = 0; at < f.length; at += 7001) d2.feed(f, at, Math.min(7001, f.length - at));
        assertEquals(ByteBuffer.wrap(payload), recorder.frames().get(0).payload());
    }

    @Test
    void sizeBelowTheHeaderIsAFramingError() {
        FramingException e = failure(concat(AMQP, bytes(0, 0, 0, 7, 2, 0, 0)), 512);
        assertEquals("frame size 7 is less than the 8-byte frame header", e.reason());
        assertEquals(8, e.offset());
    }

    @Test
    void dataOffsetBelowTwoIsAFramingError() {
        FramingException e = failure(concat(AMQP, bytes(0, 0, 0, 8, 1, 0, 0, 0)), 512);
        assertEquals(Condition.FRAMING_ERROR, e.condition());
        assertEquals("data offset 1 is less than 2", e.reason());
        assertEquals(12, e.offset());
    }

    @Test
    void dataOffsetBeyondTheFrameIsAFramingError() {
        FramingException e = failure(concat(AMQP, bytes(0, 0, 0, 12, 4, 0, 0, 0)), 512);
        assertEquals("data offset 4 (16 bytes) is beyond the frame size 12", e.reason());
        assertEquals(12, e.offset());
    }

    @Test
    void unknownFrameTypeIsAFramingError() {
        FramingException e = failure(concat(AMQP, bytes(0, 0, 0, 8, 2, 7, 0, 0)), 512);
        assertEquals("unknown frame type 0x07", e.reason());
        assertEquals(13, e.offset());
    }

    @Test
    void frameTypeMustMatchTheProtocolHeader() {
        assertEquals("SASL frame after the AMQP protocol header",
                failure(concat(AMQP, frame(1, 0, open("x"), new byte[0])), 512).reason());
        assertEquals("AMQP frame after the SASL protocol header",
                failure(concat(SASL, frame(0, 0, open("x"), new byte[0])), 512).reason());
    }

    @Test
    void malformedBodyIsADecodeErrorAtItsOffset() {
        // descriptor 0x10, then list8 claiming 5 bytes with only 2 present
        byte[] body = bytes(0x00, 0x53, 0x10, 0xC0, 0x05, 0x01, 0x40);
        FramingException e = failure(concat(AMQP, RawFrames.frame(2, 0, 0, body, new byte[0])), 512);
        assertEquals(Condition.DECODE_ERROR, e.condition());
        assertTrue(e.reason().startsWith("frame body: list needs 5 bytes"), e.reason());
        assertEquals(8 + 8 + 5, e.offset());
    }

    @Test
    void bodyMustBeDescribed() {
        FramingException e = failure(concat(AMQP, frame(0, 0, new IntValue(5), new byte[0])), 512);
        assertEquals(Condition.DECODE_ERROR, e.condition());
        assertEquals("frame body is a int, not a described performative", e.reason());
        assertEquals(16, e.offset());
    }

    @Test
    void saslFrameCarriesExactlyOneBody() {
        DescribedValue init = new DescribedValue(new ULongValue(RawFrames.SASL_INIT), ListValue.of(new SymbolValue("ANONYMOUS")));
        FramingException trailing = failure(concat(SASL, frame(1, 0, init, bytes(1))), 512);
        assertEquals("SASL frame has 1 bytes after its body", trailing.reason());
        assertEquals(8 + 8 + Encoder.encode(init).length, trailing.offset());
        FramingException empty = failure(concat(SASL, frame(1, 0, null, new byte[0])), 512);
        assertEquals("SASL frame without a body", empty.reason());
        assertEquals(8, empty.offset());
    }

    @Test
    void describedTypesTurnBodiesIntoTypedValues() {
        record Open(String containerId) implements Described {
            @Override
            public AmqpValue descriptor() {
                return new ULongValue(RawFrames.OPEN);
            }

            @Override
            public AmqpValue described() {
                return ListValue.of(new StringValue(containerId));
            }
        }
        DescribedTypes types = (descriptor, described) -> {
            if (!descriptor.equals(new ULongValue(RawFrames.OPEN))) return null;
            if (described instanceof ListValue l && l.size() == 1 && l.get(0) instanceof StringValue s) return new Open(s.value());
            throw new DecodeException("open needs a container-id");
        };
        byte[] good = concat(AMQP, frame(0, 0, open("typed"), new byte[0]), frame(0, 0, RawFrames.transfer(1, true, false), new byte[0]));
        new FrameDecoder(recorder, types, 512).feed(good, 0, good.length);
        assertEquals(new Open("typed"), recorder.frames().get(0).body());
        assertInstanceOf(DescribedValue.class, recorder.frames().get(1).body());

        byte[] bad = concat(AMQP, frame(0, 0, new DescribedValue(new ULongValue(RawFrames.OPEN), ListValue.EMPTY), new byte[0]));
        FrameDecoder d = new FrameDecoder(new RawFrames.Recorder(), types, 512);
        FramingException e = assertThrows(FramingException.class, () -> d.feed(bad, 0, bad.length));
        assertEquals(Condition.DECODE_ERROR, e.condition());
        assertEquals("frame body: open needs a container-id", e.reason());
        assertEquals(16, e.offset());
    }

    @Test
    void staysFailedAfterAnError() {
        FrameDecoder d = decoder(512);
        byte[] bad = concat(AMQP, bytes(0, 0, 0, 8, 0));
        FramingException first = assertThrows(FramingException.class, () -> d.feed(bad, 0, bad.length));
        assertSame(first, d.failure());
        assertSame(first, assertThrows(FramingException.class, () -> d.feed(AMQP, 0, 8)));
        assertSame(first, assertThrows(FramingException.class, () -> d.feed(new byte[0], 0, 0)));
        assertThrows(IllegalStateException.class, d::expectHeader);
        assertEquals(13, d.position());
    }

    @Test
    void saslThenAmqpHeaderWhenTheConnectionSaysSo() {
        DescribedValue outcome = new DescribedValue(new ULongValue(0x44), ListValue.of(new UByteValue(0)));
        byte[] stream = concat(SASL, frame(1, 0, outcome, new byte[0]), AMQP, frame(0, 0, open("after-sasl"), new byte[0]));
        FrameDecoder[] decoder = new FrameDecoder[1];
        decoder[0] = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
                recorder.header(header);
            }

            @Override
            public void frame(Frame frame) {
                recorder.frame(frame);
                // 5.3.2: after the sasl-outcome the next layer's header follows
                if (frame.type() == FrameType.SASL) decoder[0].expectHeader();
            }
        }, DescribedTypes.NONE, 512);
        // one chunk holding the outcome and the next layer's header: the switch happens between them
        assertEquals(stream.length, decoder[0].feed(stream, 0, stream.length));
        assertEquals(List.of(ProtocolHeader.SASL, frameOf(outcome, 1), ProtocolHeader.AMQP, frameOf(open("after-sasl"), 0)),
                recorder.events);
    }

    private static Frame frameOf(DescribedValue body, int type) {
        return new Frame(frame(type, 0, body, new byte[0]), FrameType.ofCode(type), body, 0);
    }

    @Test
    void withoutExpectHeaderTheNextHeaderIsABadFrame() {
        DescribedValue outcome = new DescribedValue(new ULongValue(0x44), ListValue.of(new UByteValue(0)));
        FramingException e = failure(concat(SASL, frame(1, 0, outcome, new byte[0]), AMQP), 512);
        assertEquals(Condition.FRAMING_ERROR, e.condition());
    }

    @Test
    void tlsHeaderHandsTheRestOfTheBytesBack() {
        byte[] tlsRecord = bytes(0x16, 0x03, 0x03, 0x00, 0x10);
        byte[] stream = concat(ProtocolHeader.TLS.toByteArray(), tlsRecord);
        FrameDecoder d = decoder(512);
        assertEquals(8, d.feed(stream, 0, stream.length));
        assertEquals(List.of(ProtocolHeader.TLS), recorder.events);
        // the stream inside TLS starts with a header of its own
        byte[] inner = concat(AMQP, frame(0, 0, open("tls"), new byte[0]));
        assertEquals(inner.length, d.feed(inner, 0, inner.length));
        assertEquals(open("tls"), recorder.frames().get(0).body());
    }

    @Test
    void byteBufferFeedsAdvanceByWhatWasConsumed() {
        byte[] stream = concat(ProtocolHeader.TLS.toByteArray(), bytes(1, 2, 3));
        ByteBuffer heap = ByteBuffer.wrap(concat(bytes(9), stream), 1, stream.length);
        assertEquals(8, decoder(512).feed(heap));
        assertEquals(9, heap.position());

        byte[] amqp = concat(AMQP, frame(0, 0, open("direct"), new byte[0]));
        ByteBuffer direct = ByteBuffer.allocateDirect(amqp.length).put(amqp).flip();
        FrameDecoder d = decoder(512);
        assertEquals(amqp.length, d.feed(direct));
        assertFalse(direct.hasRemaining());
        assertEquals(open("direct"), recorder.frames().get(recorder.frames().size() - 1).body());
    }

    @Test
    void expectHeaderInTheMiddleOfAFrameIsRefused() {
        FrameDecoder d = decoder(512);
        d.feed(concat(AMQP, bytes(0, 0)), 0, 10);
        assertThrows(IllegalStateException.class, d::expectHeader);
    }

    @Test
    void maxFrameSizeHasTheSpecMinimum() {
        assertThrows(IllegalArgumentException.class, () -> decoder(511));
        assertThrows(IllegalArgumentException.class, () -> new FrameWriter(511));
        assertThrows(IllegalArgumentException.class, () -> new FrameWriter(0x1_0000_0000L));
        FrameDecoder d = decoder(512);
        d.maxFrameSize(65536);
        assertEquals(65536, d.maxFrameSize());
    }
}
