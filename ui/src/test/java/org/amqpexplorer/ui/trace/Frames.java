package org.amqpexplorer.ui.trace;

import java.util.ArrayList;
import java.util.List;

import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.SaslFrame;

/** Real frames for tests: written by the frame package's writer, read back by its decoder, raw bytes and all. */
final class Frames {
    private Frames() {
    }

    static TraceFrame sent(String connection, int channel, Described body) {
        return frame(connection, Direction.SENT, 1_700_000_000_000L, channel, body, new byte[0]);
    }

    static TraceFrame received(String connection, int channel, Described body) {
        return frame(connection, Direction.RECEIVED, 1_700_000_000_000L, channel, body, new byte[0]);
    }

    static TraceFrame frame(String connection, Direction direction, long time, int channel, Described body, byte[] payload) {
        Encoder out = new Encoder();
        FrameType type = body instanceof SaslFrame ? FrameType.SASL : FrameType.AMQP;
        FrameWriter writer = new FrameWriter(FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        if (body == null) writer.writeEmptyFrame(out, channel);
        else writer.writeFrame(out, type, channel, body, payload, 0, payload.length);
        return TraceFrame.of(connection, direction, time, read(type, out.toByteArray()));
    }

    /** Decodes one whole frame of {@code type} with the frame decoder. */
    static Frame read(FrameType type, byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        FrameDecoder d = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
            }

            @Override
            public void frame(Frame frame) {
                frames.add(frame);
            }
        }, CompositeTypes.DESCRIBED_TYPES, FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        byte[] h = (type == FrameType.SASL ? ProtocolHeader.SASL : ProtocolHeader.AMQP).toByteArray();
        d.feed(h, 0, h.length);
        d.feed(bytes, 0, bytes.length);
        if (frames.size() != 1) throw new AssertionError("expected one frame, got " + frames.size());
        return frames.get(0);
    }

    /** A node of a field tree by its path of names, or an AssertionError naming what is missing. */
    static FieldNode node(List<FieldNode> nodes, String... path) {
        FieldNode found = null;
        List<FieldNode> level = nodes;
        for (String name : path) {
            found = level.stream().filter(n -> n.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no node " + name + " in " + String.join("/", path)));
            level = found.children();
        }
        return found;
    }
}
