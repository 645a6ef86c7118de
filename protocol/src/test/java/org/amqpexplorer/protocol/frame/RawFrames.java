package org.amqpexplorer.protocol.frame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;

/** Builds frame bytes by hand, independently of {@link FrameWriter}, and collects what a decoder reads. */
final class RawFrames {
    private RawFrames() {
    }

    static final long OPEN = 0x10;
    static final long TRANSFER = 0x14;
    static final long SASL_INIT = 0x41;

    /** A frame laid out field by field: {@code doff} words of header (extended header filled with 0xEE). */
    static byte[] frame(int doff, int type, int channel, byte[] body, byte[] payload) {
        int size = doff * 4 + body.length + payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(size >>> 24);
        out.write(size >>> 16);
        out.write(size >>> 8);
        out.write(size);
        out.write(doff);
        out.write(type);
        out.write(channel >>> 8);
        out.write(channel);
        for (int i = 8; i < doff * 4; i++) out.write(0xEE);
        out.writeBytes(body);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] frame(int type, int channel, AmqpValue body, byte[] payload) {
        return frame(2, type, channel, body == null ? new byte[0] : Encoder.encode(body), payload);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    /** An open-like performative: descriptor 0x10 with a container-id (2.7.1). */
    static DescribedValue open(String containerId) {
        return new DescribedValue(new ULongValue(OPEN), ListValue.of(new StringValue(containerId)));
    }

    /**
     * A transfer (2.7.5) as a generic described value: the first frame carries handle, delivery-id, delivery-tag
     * and message-format; continuation frames only the handle. more=false, the default, is left off the end.
     */
    static DescribedValue transfer(long handle, boolean first, boolean more) {
        List<AmqpValue> fields = new ArrayList<>();
        fields.add(new UIntValue(handle));
        if (first) {
            fields.add(new UIntValue(7));
            fields.add(BinaryValue.of(new byte[] {1, 2, 3, 4}));
            fields.add(new UIntValue(0));
        }
        if (more) {
            while (fields.size() < 5) fields.add(NullValue.NULL);
            fields.add(BooleanValue.TRUE);
        }
        return new DescribedValue(new ULongValue(TRANSFER), new ListValue(fields));
    }

    /** Everything a decoder read, in order, ending with its error if it failed. */
    static final class Recorder implements FrameDecoder.Handler {
        final List<Object> events = new ArrayList<>();

        @Override
        public void header(ProtocolHeader header) {
            events.add(header);
        }

        @Override
        public void frame(Frame frame) {
            events.add(frame);
        }

        List<Frame> frames() {
            return events.stream().filter(Frame.class::isInstance).map(Frame.class::cast).toList();
        }
    }

    /** What decoding {@code stream} in chunks of the given sizes (cycled) yields: events, then "error" or "ok". */
    static List<Object> decode(byte[] stream, int maxFrameSize, int[] chunks) {
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(r, DescribedTypes.NONE, maxFrameSize);
        int at = 0;
        int c = 0;
        try {
            while (at < stream.length) {
                int n = Math.min(chunks[c++ % chunks.length], stream.length - at);
                int used = d.feed(stream, at, n);
                if (used != n) throw new AssertionError("consumed " + used + " of " + n + " bytes without a TLS header");
                at += n;
            }
            r.events.add("ok at " + d.position());
        } catch (FramingException e) {
            r.events.add(e.condition() + " " + e.reason() + " @" + e.offset());
            if (d.failure() != e) throw new AssertionError("failure() is not the thrown error");
        }
        return r.events;
    }
}
