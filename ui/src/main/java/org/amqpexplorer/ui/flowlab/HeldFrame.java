package org.amqpexplorer.ui.flowlab;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FramingException;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.ui.trace.Direction;
import org.amqpexplorer.ui.trace.FrameSummary;
import org.amqpexplorer.ui.trace.TraceFrame;

/**
 * A frame step mode holds back, decoded for people: which way it goes, what it is, and the trace's one-line
 * summary.
 *
 * @param position 1 for the frame released next
 */
record HeldFrame(boolean incoming, int position, String performative, String summary, int size) {

    /** Held frames shown per direction, at most (the count says how many there are). */
    static final int MAX_SHOWN = 200;

    /** Decodes the units a transport holds in one direction, oldest first. */
    static List<HeldFrame> decode(String connection, boolean incoming, List<byte[]> units) {
        List<HeldFrame> out = new ArrayList<>(Math.min(units.size(), MAX_SHOWN));
        for (int i = 0; i < units.size() && i < MAX_SHOWN; i++) out.add(decode(connection, incoming, i + 1, units.get(i)));
        return out;
    }

    static HeldFrame decode(String connection, boolean incoming, int position, byte[] unit) {
        Direction direction = incoming ? Direction.RECEIVED : Direction.SENT;
        if (unit.length == ProtocolHeader.SIZE && unit[0] == 'A' && unit[1] == 'M' && unit[2] == 'Q' && unit[3] == 'P') {
            try {
                ProtocolHeader h = ProtocolHeader.parse(unit, 0);
                return new HeldFrame(incoming, position, "header",
                        FrameSummary.of(TraceFrame.header(connection, direction, 0, h)), unit.length);
            } catch (RuntimeException e) {
                return new HeldFrame(incoming, position, "header", "a protocol header this end does not speak", unit.length);
            }
        }
        Frame[] frame = new Frame[1];
        FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
            }

            @Override
            public void frame(Frame f) {
                frame[0] = f;
            }
        }, CompositeTypes.DESCRIBED_TYPES, FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        try {
            decoder.feed(ByteBuffer.wrap(ProtocolHeader.AMQP.toByteArray()));
            decoder.feed(ByteBuffer.wrap(unit));
        } catch (FramingException | DecodeException e) {
            return new HeldFrame(incoming, position, "?", "a frame that does not decode (" + unit.length + " bytes): "
                    + e.getMessage(), unit.length);
        }
        if (frame[0] == null) return new HeldFrame(incoming, position, "?", "part of a frame (" + unit.length + " bytes)", unit.length);
        TraceFrame f = TraceFrame.of(connection, direction, 0, frame[0]);
        return new HeldFrame(incoming, position, f.performative(), FrameSummary.of(f), unit.length);
    }
}
