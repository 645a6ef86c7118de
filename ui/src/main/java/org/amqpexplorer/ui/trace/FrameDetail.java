package org.amqpexplorer.ui.trace;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.DecodeLimits;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.EncodedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Choice;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.CompositeType;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.Field;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * What the detail pane shows for one trace entry: the frame decoded into a tree of fields, each with its exact
 * AMQP type, value, encoding and bytes. With the raw bytes, the tree is read from them ({@link Decoder#readEncoded()}),
 * so types and encodings are what was on the wire and every node knows its byte range in the frame; without them,
 * the tree is built from the decoded body, and encodings and ranges are unknown.
 *
 * @param bytes the raw bytes the hex dump shows, or null if they were not recorded
 */
record FrameDetail(List<FieldNode> fields, byte[] bytes) {
    /** A compound value shows at most this many elements; the rest are counted. */
    static final int MAX_CHILDREN = 1000;
    private static final int MAX_BINARY_SHOWN = 64;
    private static final int MAX_STRING_SHOWN = 500;
    private static final HexFormat HEX = HexFormat.of();

    FrameDetail {
        fields = List.copyOf(fields);
    }

    static FrameDetail of(TraceFrame frame) {
        byte[] raw = frame.rawBytes();
        List<FieldNode> nodes = new ArrayList<>();
        if (frame.isHeader()) {
            nodes.add(protocolHeader(frame.header(), raw != null));
        } else if (raw == null) {
            if (frame.body() != null) {
                Encoder e = new Encoder();
                e.writeValue(frame.body());
                EncodedValue ev = new Decoder(e.toByteArray(), CompositeTypes.DESCRIBED_TYPES).readEncoded();
                nodes.add(new Tree(0, false).node(frame.performative(), ev, null, null));
            }
            if (frame.payloadSize() > 0) {
                nodes.add(FieldNode.leaf("payload", "", ValueText.bytes(frame.payloadSize()) + " (not recorded)", "", null));
            }
        } else if (raw.length < Frame.HEADER_SIZE || (raw[4] & 0xFF) * 4 < Frame.HEADER_SIZE || (raw[4] & 0xFF) * 4 > raw.length) {
            nodes.add(FieldNode.leaf("frame", "", "the recorded bytes do not hold a whole frame", "",
                    new ByteRange(0, raw.length)));
        } else {
            int bodyOffset = (raw[4] & 0xFF) * 4;
            nodes.add(frameHeader(raw, bodyOffset));
            int payloadOffset = bodyOffset;
            if (frame.body() != null) {
                Decoder d = new Decoder(raw, bodyOffset, raw.length - bodyOffset, DecodeLimits.DEFAULT,
                        CompositeTypes.DESCRIBED_TYPES);
                try {
                    nodes.add(new Tree(bodyOffset, true).node(frame.performative(), d.readEncoded(), null, null));
                    payloadOffset = bodyOffset + d.position();
                } catch (DecodeException e) {
                    nodes.add(FieldNode.leaf("body", "", "cannot be decoded: " + e.getMessage(), "",
                            new ByteRange(bodyOffset, raw.length - bodyOffset)));
                    return new FrameDetail(nodes, raw);
                }
            }
            if (payloadOffset < raw.length) nodes.add(payload(frame, raw, payloadOffset));
        }
        return new FrameDetail(nodes, raw);
    }

    private static FieldNode protocolHeader(ProtocolHeader header, boolean wire) {
        List<FieldNode> parts = List.of(
                FieldNode.leaf("protocol", "", "AMQP", "", wire ? new ByteRange(0, 4) : null),
                FieldNode.leaf("protocol id", "", header.protocolId() + " (" + header.name() + ")", "",
                        wire ? new ByteRange(4, 1) : null),
                FieldNode.leaf("version", "", ProtocolHeader.MAJOR + "." + ProtocolHeader.MINOR + "." + ProtocolHeader.REVISION,
                        "", wire ? new ByteRange(5, 3) : null));
        return new FieldNode("protocol header", "", header.name(), "", wire ? new ByteRange(0, ProtocolHeader.SIZE) : null,
                parts);
    }

    /** 2.3.1: SIZE (4 bytes), DOFF (1), TYPE (1), then two type-specific bytes: the channel of an AMQP frame. */
    private static FieldNode frameHeader(byte[] raw, int bodyOffset) {
        long size = ((raw[0] & 0xFFL) << 24) | ((raw[1] & 0xFF) << 16) | ((raw[2] & 0xFF) << 8) | (raw[3] & 0xFF);
        int typeCode = raw[5] & 0xFF;
        FrameType type = FrameType.ofCode(typeCode);
        int channel = (raw[6] & 0xFF) << 8 | raw[7] & 0xFF;
        List<FieldNode> parts = new ArrayList<>();
        parts.add(FieldNode.leaf("size", "", ValueText.bytes(size), "", new ByteRange(0, 4)));
        parts.add(FieldNode.leaf("doff", "", (raw[4] & 0xFF) + " (body at byte " + bodyOffset + ")", "", new ByteRange(4, 1)));
        parts.add(FieldNode.leaf("type", "", typeCode + " (" + (type == null ? "unknown" : type.name()) + ")", "",
                new ByteRange(5, 1)));
        if (type == FrameType.SASL) {
            parts.add(FieldNode.leaf("type-specific", "", "ignored in SASL frames", "", new ByteRange(6, 2)));
        } else {
            parts.add(FieldNode.leaf("channel", "", Integer.toString(channel), "", new ByteRange(6, 2)));
        }
        if (bodyOffset > Frame.HEADER_SIZE) {
            parts.add(FieldNode.leaf("extended header", "", ValueText.bytes(bodyOffset - Frame.HEADER_SIZE), "",
                    new ByteRange(Frame.HEADER_SIZE, bodyOffset - Frame.HEADER_SIZE)));
        }
        String summary = (type == null ? "unknown" : type.name()) + " frame"
                + (type == FrameType.SASL ? "" : ", channel " + channel) + ", " + ValueText.bytes(raw.length);
        return new FieldNode("frame header", "", summary, "", new ByteRange(0, bodyOffset), parts);
    }

    /** The bytes after the body; a transfer's are read as message sections (3.2) when they hold whole ones. */
    private static FieldNode payload(TraceFrame frame, byte[] raw, int offset) {
        int length = raw.length - offset;
        ByteRange range = new ByteRange(offset, length);
        String value = ValueText.bytes(length);
        if (!(frame.body() instanceof Transfer t)) {
            return FieldNode.leaf("payload", "", value, "", range);
        }
        if (t.moreOrDefault()) {
            return FieldNode.leaf("payload", "", value + ": part of a message continued in the next transfer", "", range);
        }
        Decoder d = new Decoder(raw, offset, length, DecodeLimits.DEFAULT, CompositeTypes.DESCRIBED_TYPES);
        Tree tree = new Tree(offset, true);
        List<FieldNode> sections = new ArrayList<>();
        try {
            while (d.hasRemaining()) {
                EncodedValue ev = d.readEncoded();
                sections.add(tree.node(ev.value() instanceof Composite c ? c.compositeType().name() : "section", ev, null, null));
            }
        } catch (DecodeException e) {
            // The end of a message sent in several transfers, or not a message at all: show the bytes, say why.
            return FieldNode.leaf("payload", "", value + ": not whole message sections (" + e.getMessage() + ")", "", range);
        }
        return new FieldNode("payload", "", value + " (message)", "", range, sections);
    }

    /** Builds nodes from encoded values read at {@code base} in the frame; {@code wire} says whether they came from it. */
    private record Tree(int base, boolean wire) {

        FieldNode node(String name, EncodedValue ev, Field declared, Object javaValue) {
            AmqpValue v = ev.value();
            return new FieldNode(name, type(v, declared), text(v, declared, javaValue),
                    wire ? ev.encodingName() : "", wire ? new ByteRange(base + ev.offset(), ev.length()) : null,
                    children(ev));
        }

        private List<FieldNode> children(EncodedValue ev) {
            List<FieldNode> out = new ArrayList<>();
            List<EncodedValue> parts = ev.children();
            switch (ev.value()) {
                case Described d -> {
                    out.add(descriptor(parts.get(0)));
                    EncodedValue described = parts.get(1);
                    if (d instanceof Composite c && c.compositeType().isList()) {
                        CompositeType<?> type = c.compositeType();
                        List<EncodedValue> elements = described.children();
                        for (int i = 0; i < elements.size(); i++) {
                            Field f = type.fields().get(i);
                            out.add(node(f.name(), elements.get(i), f, ValueText.fieldValue(type, c, i)));
                        }
                    } else if (d instanceof Composite c) {
                        out.add(node("value", described, c.compositeType().fields().get(0), null));
                    } else {
                        out.add(node("value", described, null, null));
                    }
                }
                case ListValue l -> elements(parts, out);
                case ArrayValue a -> elements(parts, out);
                case MapValue m -> {
                    int pairs = parts.size() / 2;
                    for (int i = 0; i < Math.min(pairs, MAX_CHILDREN); i++) out.add(entry(parts.get(2 * i), parts.get(2 * i + 1)));
                    if (pairs > MAX_CHILDREN) out.add(more(pairs - MAX_CHILDREN));
                }
                default -> {
                }
            }
            return out;
        }

        private void elements(List<EncodedValue> parts, List<FieldNode> out) {
            for (int i = 0; i < Math.min(parts.size(), MAX_CHILDREN); i++) out.add(node("[" + i + "]", parts.get(i), null, null));
            if (parts.size() > MAX_CHILDREN) out.add(more(parts.size() - MAX_CHILDREN));
        }

        private static FieldNode more(int n) {
            return FieldNode.leaf("…", "", String.format("%,d more", n), "", null);
        }

        private FieldNode descriptor(EncodedValue ev) {
            AmqpValue v = ev.value();
            String text = ValueText.descriptor(v);
            CompositeType<?> known = CompositeTypes.byDescriptor(v);
            if (known != null) text += " (" + known.descriptorSymbol() + ")";
            return new FieldNode("descriptor", type(v, null), text, wire ? ev.encodingName() : "",
                    wire ? new ByteRange(base + ev.offset(), ev.length()) : null, List.of());
        }

        /** A map entry: named by its key, typed {@code key type → value type}, spanning key and value. */
        private FieldNode entry(EncodedValue key, EncodedValue value) {
            String name = ValueText.value(key.value(), 16);
            ByteRange range = wire ? new ByteRange(base + key.offset(), value.offset() + value.length() - key.offset()) : null;
            return new FieldNode(name, type(key.value(), null) + " → " + type(value.value(), null),
                    text(value.value(), null, null), wire ? value.encodingName() : "", range, children(value));
        }

        private static String type(AmqpValue v, Field declared) {
            String wireType = v instanceof ArrayValue a ? "array of " + a.elementType().specName() : v.type().specName();
            if (declared == null || v == NullValue.NULL || declared.multiple() || declared.type().equals("*")
                    || declared.type().equals(wireType)) {
                return wireType;
            }
            return wireType + " (" + declared.type() + ")";
        }

        private static String text(AmqpValue v, Field declared, Object javaValue) {
            return switch (v) {
                case NullValue n -> declared == null ? "null"
                        : declared.defaultValue() == null ? "absent" : "absent, means " + ValueText.javaValue(declared.defaultValue());
                case Composite c -> c.compositeType().descriptorSymbol();
                case Described d -> "descriptor " + ValueText.descriptor(d.descriptor());
                case ListValue l -> count(l.size(), "element");
                case ArrayValue a -> count(a.size(), "element");
                case MapValue m -> count(m.size(), "entry");
                case BinaryValue b -> b.length() <= MAX_BINARY_SHOWN ? HEX.formatHex(b.toByteArray())
                        : HEX.formatHex(b.toByteArray(), 0, MAX_BINARY_SHOWN) + "… (" + ValueText.bytes(b.length()) + ")";
                case StringValue s -> oneLine(s.value());
                default -> {
                    String t = ValueText.value(v, MAX_BINARY_SHOWN);
                    yield javaValue instanceof Choice c ? t + " (" + c.choiceName() + ")" : t;
                }
            };
        }

        private static String count(int n, String what) {
            return n == 1 ? "1 " + what : String.format("%,d %s", n, what.equals("entry") ? "entries" : what + "s");
        }

        private static String oneLine(String s) {
            String t = s.replace("\r", "␍").replace("\n", "␊");
            return t.length() > MAX_STRING_SHOWN ? t.substring(0, MAX_STRING_SHOWN) + "…" : t;
        }
    }
}
