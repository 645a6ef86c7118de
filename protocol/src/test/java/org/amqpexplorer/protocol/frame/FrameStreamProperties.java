package org.amqpexplorer.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;

/**
 * Streams of frames, valid, mutated and random: decoding must not depend on how the stream is cut into chunks, and
 * bad input must end in a {@link FramingException}, nothing else.
 */
class FrameStreamProperties {
    private static final int MAX_FRAME_SIZE = 4096;

    /** One frame as generated: its fields and the bytes laid out for it. */
    record Spec(FrameType type, int doff, int channel, DescribedValue body, byte[] payload) {
        byte[] bytes() {
            return RawFrames.frame(doff, type.code(), channel, body == null ? new byte[0]
                    : Encoder.encode(body), payload);
        }

        @Override
        public String toString() {
            return type + " doff=" + doff + " ch=" + channel + " " + body + " payload=" + payload.length;
        }
    }

    /** A header and the frames that follow it. */
    record Stream(ProtocolHeader header, List<Spec> frames) {
        byte[] bytes() {
            List<byte[]> parts = new ArrayList<>();
            parts.add(header.toByteArray());
            for (Spec s : frames) parts.add(s.bytes());
            return RawFrames.concat(parts.toArray(byte[][]::new));
        }
    }

    private static Arbitrary<AmqpValue> fields() {
        Arbitrary<AmqpValue> scalar = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(UIntValue::new),
                Arbitraries.longs().map(ULongValue::new),
                Arbitraries.strings().ofMaxLength(20).map(StringValue::new),
                Arbitraries.strings().ascii().ofMaxLength(12).map(SymbolValue::new),
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE, NullValue.NULL),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(BinaryValue::of));
        return Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(4).map(ListValue::new));
    }

    private static Arbitrary<DescribedValue> performatives() {
        Arbitrary<AmqpValue> descriptor = Arbitraries.oneOf(
                Arbitraries.longs().between(0x10, 0x18).map(ULongValue::new),
                Arbitraries.of(new SymbolValue("amqp:open:list"), new SymbolValue("x-opt:frame")));
        return Combinators.combine(descriptor, fields().list().ofMaxSize(8))
                .as((d, f) -> new DescribedValue(d, new ListValue(f)));
    }

    private static Arbitrary<Spec> frames(FrameType type) {
        Arbitrary<Integer> doff = Arbitraries.integers().between(2, 5);
        Arbitrary<Integer> channel = Arbitraries.integers().between(0, 0xFFFF);
        if (type == FrameType.SASL) {
            return Combinators.combine(doff, channel, performatives())
                    .as((d, c, b) -> new Spec(type, d, c, b, new byte[0]));
        }
        Arbitrary<DescribedValue> body = performatives().injectNull(0.2);
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Combinators.combine(doff, channel, body, payload)
                .as((d, c, b, p) -> new Spec(type, d, c, b, b == null ? new byte[0] : p));
    }

    @Provide
    Arbitrary<Stream> streams() {
        return Arbitraries.of(ProtocolHeader.AMQP, ProtocolHeader.SASL).flatMap(h -> {
            FrameType type = h == ProtocolHeader.SASL ? FrameType.SASL : FrameType.AMQP;
            return frames(type).list().ofMaxSize(8).map(f -> new Stream(h, f));
        });
    }

    @Provide
    Arbitrary<int[]> chunks() {
        return Arbitraries.integers().between(1, 64).array(int[].class).ofMinSize(1).ofMaxSize(10);
    }

    private static int[] whole(byte[] stream) {
        return new int[] {Math.max(1, stream.length)};
    }

    private static final int[] BYTE_AT_A_TIME = {1};

    @Property(tries = 300)
    void framesRoundTripWhateverTheChunks(@ForAll("streams") Stream stream, @ForAll("chunks") int[] chunks) {
        byte[] bytes = stream.bytes();
        List<Object> whole = RawFrames.decode(bytes, MAX_FRAME_SIZE, whole(bytes));
        assertEquals(whole, RawFrames.decode(bytes, MAX_FRAME_SIZE, BYTE_AT_A_TIME));
        assertEquals(whole, RawFrames.decode(bytes, MAX_FRAME_SIZE, chunks));

        assertEquals(stream.frames().size() + 2, whole.size(), whole::toString);
        assertEquals(stream.header(), whole.get(0));
        assertEquals("ok at " + bytes.length, whole.get(whole.size() - 1));
        for (int i = 0; i < stream.frames().size(); i++) {
            Spec spec = stream.frames().get(i);
            Frame f = (Frame) whole.get(i + 1);
            assertEquals(spec.type(), f.type());
            assertEquals(spec.channel(), f.channel());
            assertEquals(spec.body(), f.body());
            assertEquals(spec.doff() * 4, f.dataOffset());
            assertEquals(ByteBuffer.wrap(spec.payload()), f.payload());
            assertEquals(ByteBuffer.wrap(spec.bytes()), f.bytes());
        }
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<int[]> edits = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .withDistribution(RandomDistribution.uniform()).withoutEdgeCases()
                .array(int[].class).ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(streams(), edits).as((s, e) -> mutate(s.bytes(), e));
    }

    /**
     * Each edit overwrites, inserts, deletes a byte or truncates, chosen and placed by the edit's bits. The protocol
     * header is left alone, so that the edits reach the frames.
     */
    private static byte[] mutate(byte[] bytes, int[] edits) {
        byte[] b = bytes;
        for (int e : edits) {
            if (b.length <= ProtocolHeader.SIZE) break;
            int at = ProtocolHeader.SIZE + (e >>> 10) % (b.length - ProtocolHeader.SIZE);
            byte value = (byte) (e >>> 2);
            switch (e & 3) {
                case 0 -> b[at] = value;
                case 1 -> {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, at);
                    n[at] = value;
                    System.arraycopy(b, at, n, at + 1, b.length - at);
                    b = n;
                }
                case 2 -> {
                    byte[] n = new byte[b.length - 1];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                    b = n;
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    /** Decoding ends normally or in a FramingException, the same whatever the chunks; nothing else escapes. */
    private static void decodesTheSameEverywhere(byte[] bytes, int maxFrameSize, int[] chunks) {
        List<Object> whole = RawFrames.decode(bytes, maxFrameSize, whole(bytes));
        assertEquals(whole, RawFrames.decode(bytes, maxFrameSize, BYTE_AT_A_TIME));
        assertEquals(whole, RawFrames.decode(bytes, maxFrameSize, chunks));
        Object end = whole.get(whole.size() - 1);
        assertTrue(end instanceof String, "ends in ok or an error: " + end);
    }

    @Property(tries = 500)
    void mutatedStreamsFailOnlyWithFramingErrors(@ForAll("mutated") byte[] bytes, @ForAll("chunks") int[] chunks,
                                                 @ForAll @IntRange(min = 512, max = 1024) int maxFrameSize) {
        decodesTheSameEverywhere(bytes, maxFrameSize, chunks);
    }

    @Property(tries = 300)
    void randomBytesFailOnlyWithFramingErrors(@ForAll @Size(max = 600) byte[] random, @ForAll boolean withHeader,
                                              @ForAll("chunks") int[] chunks) {
        byte[] bytes = withHeader ? RawFrames.concat(ProtocolHeader.AMQP.toByteArray(), random) : random;
        decodesTheSameEverywhere(bytes, FrameDecoder.LARGEST_MAX_FRAME_SIZE, chunks);
    }

    @Property(tries = 300)
    void randomBodiesInValidFrameHeadersFailOnlyWithFramingErrors(@ForAll @Size(max = 300) List<@Size(max = 200) byte[]> bodies,
                                                                  @ForAll("chunks") int[] chunks) {
        // valid frame headers around random bytes reach the body decoder far more often than random streams do
        List<byte[]> parts = new ArrayList<>();
        parts.add(ProtocolHeader.AMQP.toByteArray());
        for (byte[] body : bodies) parts.add(RawFrames.frame(2, 0, 0, body, new byte[0]));
        decodesTheSameEverywhere(RawFrames.concat(parts.toArray(byte[][]::new)), MAX_FRAME_SIZE, chunks);
    }
}
