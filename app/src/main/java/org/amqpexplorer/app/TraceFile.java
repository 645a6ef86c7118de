package org.amqpexplorer.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.Field;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.SaslResponse;

/**
 * {@code --trace FILE}: every protocol header and frame sent and received, one JSON object per line:
 * <pre>
 * {"time":"…Z","direction":"sent","protocolHeader":"AMQP 3 1.0.0"}
 * {"time":"…Z","direction":"sent","channel":0,"performative":"open","fields":{"container-id":{"string":"…"}},"payloadSize":0,"frameSize":61}
 * </pre>
 * {@code fields} holds the fields present, keyed by the spec's field names, each value in typed JSON; an empty
 * frame (heartbeat) has {@code "performative":null}. SASL responses are left out (they may hold a password):
 * their field names are listed under {@code "redacted"}. Observes any number of connections at once; a trace of
 * several ({@link #connection(long)}) numbers each line's connection in {@code "connection"}.
 */
final class TraceFile implements EngineObserver, AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path path;
    private final BufferedWriter out;
    private IOException failure;

    private TraceFile(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    /** Creates (or truncates) the file. */
    static TraceFile open(Path path) throws IOException {
        return new TraceFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    }

    @Override
    public void onEvent(EngineEvent event) {
        ObjectNode line = line(event);
        if (line != null) write(TypedJson.write(line));
    }

    /** An observer for one of several connections: its lines begin with {@code "connection": id}. */
    EngineObserver connection(long id) {
        return event -> {
            ObjectNode line = line(event);
            if (line == null) return;
            ObjectNode numbered = NODES.objectNode();
            numbered.put("connection", id);
            numbered.setAll(line);
            write(TypedJson.write(numbered));
        };
    }

    private static ObjectNode line(EngineEvent event) {
        return switch (event) {
            case EngineEvent.HeaderSent h -> header(h.timestamp(), "sent", h.header());
            case EngineEvent.HeaderReceived h -> header(h.timestamp(), "received", h.header());
            case EngineEvent.FrameSent f -> frame(f.timestamp(), "sent", f.channel(), f.body(), f.payloadSize(), f.frameSize());
            case EngineEvent.FrameReceived f -> frame(f.timestamp(), "received", f.channel(), f.body(), f.payloadSize(), f.frameSize());
            default -> null;
        };
    }

    private static ObjectNode start(long timestamp, String direction) {
        ObjectNode o = NODES.objectNode();
        o.put("time", Instant.ofEpochMilli(timestamp).toString());
        o.put("direction", direction);
        return o;
    }

    private static ObjectNode header(long timestamp, String direction, ProtocolHeader header) {
        ObjectNode o = start(timestamp, direction);
        o.put("protocolHeader", "AMQP " + header.protocolId() + " " + ProtocolHeader.MAJOR + "." + ProtocolHeader.MINOR
                + "." + ProtocolHeader.REVISION);
        return o;
    }

    static ObjectNode frame(long timestamp, String direction, int channel, Described body, int payloadSize, int frameSize) {
        ObjectNode o = start(timestamp, direction);
        o.put("channel", channel);
        if (body == null) {
            o.putNull("performative");
        } else if (body instanceof Composite c) {
            o.put("performative", c.compositeType().name());
            o.set("fields", fields(c, o));
        } else {
            o.putNull("performative");
            o.set("body", TypedJson.toJson(body));
        }
        o.put("payloadSize", payloadSize);
        o.put("frameSize", frameSize);
        return o;
    }

    /** The fields present, by spec name, in typed JSON; secrets are named under "redacted" instead. */
    private static ObjectNode fields(Composite c, ObjectNode line) {
        ObjectNode fields = NODES.objectNode();
        List<Field> table = c.compositeType().fields();
        Set<String> secret = c instanceof SaslInit ? Set.of("initial-response")
                : c instanceof SaslResponse ? Set.of("response") : Set.of();
        if (c.described() instanceof ListValue values) {
            for (int i = 0; i < values.elements().size() && i < table.size(); i++) {
                AmqpValue v = values.elements().get(i);
                if (v instanceof NullValue) continue;
                String name = table.get(i).name();
                if (secret.contains(name)) line.withArray("redacted").add(name);
                else fields.set(name, TypedJson.toJson(v));
            }
        }
        return fields;
    }

    private synchronized void write(String line) {
        if (failure != null) return;
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Flushes and closes the file.
     *
     * @throws IOException if a line could not be written (the first such failure) or the file not closed
     */
    @Override
    public synchronized void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) failure = e;
        }
        if (failure != null) throw new IOException("writing the trace to " + path + " failed: " + failure.getMessage(), failure);
    }
}
