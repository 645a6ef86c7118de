package org.amqpexplorer.ui.trace;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FramingException;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.types.CompositeTypes;

/**
 * Trace files: JSON Lines, one trace entry per line, e.g.
 * <pre>{"time":1700000000000,"direction":"sent","connection":"c1","channel":0,"performative":"flow",
 * "fields":{"described":{…}},"payloadSize":0,"frameSize":40,"raw":"AAAAKAIAAAA…"}</pre>
 * {@code fields} is the body in typed JSON (docs/typed-json.md); {@code raw} the whole frame in base64, when it
 * was recorded. Reading trusts the raw bytes when they are there (and checks that they agree with the line), so
 * an imported frame shows the same hex and encodings as when it was captured; without them the body is read
 * from {@code fields}. A protocol header is {@code "performative":"header"} with {@code "header":"AMQP"}.
 */
public final class TraceFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a file held: the last frames up to the limit the reader was given, and how many there were in all.
     */
    public record Contents(List<TraceFrame> frames, long total) {
        public Contents {
            frames = List.copyOf(frames);
        }
    }

    private TraceFile() {
    }

    public static void write(Path file, List<TraceFrame> frames) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, frames);
        }
    }

    public static void write(Writer out, List<TraceFrame> frames) throws IOException {
        for (TraceFrame f : frames) {
            out.write(JSON.writeValueAsString(toJson(f)));
            out.write('\n');
        }
        out.flush();
    }

    static ObjectNode toJson(TraceFrame f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", f.time());
        o.put("direction", f.direction().word());
        o.put("connection", f.connection());
        if (!f.isHeader()) o.put("channel", f.channel());
        o.put("performative", f.performative());
        if (f.isHeader()) o.put("header", f.header().name());
        if (f.body() != null) o.set("fields", TypedJson.toJson(f.body()));
        if (!f.isHeader()) o.put("payloadSize", f.payloadSize());
        o.put("frameSize", f.frameSize());
        if (f.rawBytes() != null) o.put("raw", Base64.getEncoder().encodeToString(f.rawBytes()));
        return o;
    }

    /**
     * Reads a whole trace file, keeping the last {@code keep} entries.
     *
     * @throws TraceFileException at the first line that is not a trace entry, naming it and why
     */
    public static Contents read(Path file, int keep) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, keep);
        }
    }

    public static Contents read(Reader reader, int keep) throws IOException {
        if (keep < 1) throw new IllegalArgumentException("keep must be positive: " + keep);
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        ArrayDeque<TraceFrame> kept = new ArrayDeque<>();
        long total = 0;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) continue;
            TraceFrame f;
            try {
                f = fromJson(line);
            } catch (IllegalArgumentException e) {
                throw new TraceFileException(lineNumber, e.getMessage());
            }
            if (kept.size() == keep) kept.removeFirst();
            kept.addLast(f);
            total++;
        }
        return new Contents(new ArrayList<>(kept), total);
    }

    /** One line back to its entry; IllegalArgumentException says what is wrong with it. */
    static TraceFrame fromJson(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) throw new IllegalArgumentException("expected a JSON object, one trace entry per line");
        long time = longField(o, "time");
        String word = textField(o, "direction");
        Direction direction = Direction.ofWord(word);
        if (direction == null) throw new IllegalArgumentException("direction must be \"sent\" or \"received\", was \"" + word + "\"");
        String connection = textField(o, "connection");
        String performative = textField(o, "performative");
        byte[] raw = null;
        if (o.has("raw")) {
            try {
                raw = Base64.getDecoder().decode(textField(o, "raw"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("raw: not base64: " + e.getMessage());
            }
        }
        if (performative.equals(TraceFrame.PERFORMATIVE_HEADER)) {
            return TraceFrame.header(connection, direction, time, header(o, raw));
        }
        if (raw != null) {
            Frame frame = frame(raw);
            TraceFrame f = TraceFrame.of(connection, direction, time, frame);
            if (!f.performative().equals(performative)) {
                throw new IllegalArgumentException("performative says " + performative + " but the raw bytes hold "
                        + (f.isEmptyFrame() ? "an empty frame" : "a " + f.performative()));
            }
            return f;
        }
        int channel = intField(o, "channel");
        int payloadSize = intField(o, "payloadSize");
        int frameSize = intField(o, "frameSize");
        Described body = null;
        if (!performative.equals(TraceFrame.PERFORMATIVE_EMPTY)) {
            if (!o.has("fields")) throw new IllegalArgumentException("missing \"fields\" (or \"raw\") for a " + performative);
            body = body(o.get("fields"));
        }
        TraceFrame f = TraceFrame.frame(connection, direction, time, channel, body, payloadSize, frameSize, null);
        if (!f.performative().equals(performative)) {
            throw new IllegalArgumentException("performative says " + performative + " but fields hold a " + f.performative());
        }
        return f;
    }

    private static ProtocolHeader header(JsonNode o, byte[] raw) {
        if (raw != null) {
            if (raw.length != ProtocolHeader.SIZE) {
                throw new IllegalArgumentException("raw: a protocol header has 8 bytes, not " + raw.length);
            }
            try {
                return ProtocolHeader.parse(raw, 0);
            } catch (FramingException e) {
                throw new IllegalArgumentException("raw: " + e.getMessage());
            }
        }
        String name = textField(o, "header");
        for (ProtocolHeader h : ProtocolHeader.values()) if (h.name().equals(name)) return h;
        throw new IllegalArgumentException("header must be AMQP, SASL or TLS, was \"" + name + "\"");
    }

    /** Reads the raw bytes with the frame decoder, so they get every check a received frame gets. */
    private static Frame frame(byte[] raw) {
        if (raw.length < Frame.HEADER_SIZE) {
            throw new IllegalArgumentException("raw: " + ValueText.bytes(raw.length) + " cannot hold a frame (its header alone has 8)");
        }
        FrameType type = FrameType.ofCode(raw[5] & 0xFF);
        if (type == null) throw new IllegalArgumentException("raw: unknown frame type " + (raw[5] & 0xFF));
        List<Frame> frames = new ArrayList<>(1);
        FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
            }

            @Override
            public void frame(Frame frame) {
                frames.add(frame);
            }
        }, CompositeTypes.DESCRIBED_TYPES, FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        byte[] header = (type == FrameType.SASL ? ProtocolHeader.SASL : ProtocolHeader.AMQP).toByteArray();
        try {
            decoder.feed(header, 0, header.length);
            decoder.feed(raw, 0, raw.length);
        } catch (FramingException e) {
            throw new IllegalArgumentException("raw: " + e.getMessage());
        }
        if (frames.size() != 1 || frames.get(0).size() != raw.length) {
            throw new IllegalArgumentException("raw: the frame header says " + ValueText.bytes(
                    Integer.toUnsignedLong((raw[0] & 0xFF) << 24 | (raw[1] & 0xFF) << 16 | (raw[2] & 0xFF) << 8 | raw[3] & 0xFF))
                    + " but there are " + raw.length);
        }
        return frames.get(0);
    }

    /** The body from typed JSON, with known composites made typed (as the decoder makes them). */
    private static Described body(JsonNode fields) {
        AmqpValue v;
        try {
            v = TypedJson.readValue(fields);
        } catch (TypedJsonException e) {
            throw new IllegalArgumentException("fields: " + e.getMessage());
        }
        if (!(v instanceof Described)) throw new IllegalArgumentException("fields: expected a described value, got " + v.type().specName());
        Encoder e = new Encoder();
        e.writeValue(v);
        try {
            return (Described) new Decoder(e.toByteArray(), CompositeTypes.DESCRIBED_TYPES).readValue();
        } catch (DecodeException ex) {
            throw new IllegalArgumentException("fields: " + ex.getMessage());
        }
    }

    private static String textField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) throw new IllegalArgumentException("missing \"" + name + "\"");
        if (!v.isTextual()) throw new IllegalArgumentException("\"" + name + "\" must be a string");
        return v.textValue();
    }

    private static long longField(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) throw new IllegalArgumentException("missing \"" + name + "\"");
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new IllegalArgumentException("\"" + name + "\" must be an integer");
        return v.longValue();
    }

    private static int intField(JsonNode o, String name) {
        long v = longField(o, name);
        if (v < 0 || v > Integer.MAX_VALUE) throw new IllegalArgumentException("\"" + name + "\" out of range: " + v);
        return (int) v;
    }
}
