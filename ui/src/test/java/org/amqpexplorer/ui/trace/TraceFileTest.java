package org.amqpexplorer.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace files: what export writes, import reads back the same; a bad line is named by its number. */
class TraceFileTest {

    private static final Flow FLOW = new Flow(5L, 2048L, 0L, 2048L, 0L, 0L, 100L, null, null, null, null);

    private static List<TraceFrame> trace() {
        byte[] message = TypedJson.readMessage("{\"body\":{\"data\":[\"aGVsbG8=\"]}}").toBytes();
        Attach attach = new Attach("orders", 0L, Role.SENDER, null, null, Source.of("orders"),
                new Target(null, null, null, null, true, null, null), null, null, 0L, null, null, null, null);
        Transfer transfer = new Transfer(0L, 0L, BinaryValue.of(new byte[] {7}), 0L, true, null, null, null, null, null, null);
        return List.of(
                TraceFrame.header("c1", Direction.SENT, 1000, ProtocolHeader.SASL),
                Frames.frame("c1", Direction.SENT, 1001, 0, new SaslInit("ANONYMOUS", null, "broker"), new byte[0]),
                TraceFrame.header("c1", Direction.RECEIVED, 1002, ProtocolHeader.AMQP),
                Frames.frame("c1", Direction.SENT, 1003, 0, new Open("explorer", null, 65536L, null, null, null, null,
                        List.of("ANONYMOUS-RELAY"), null, null), new byte[0]),
                Frames.frame("c1", Direction.SENT, 1004, 1, attach, new byte[0]),
                Frames.frame("c1", Direction.RECEIVED, 1005, 1, FLOW, new byte[0]),
                Frames.frame("c1", Direction.SENT, 1006, 1, transfer, message),
                Frames.frame("c1", Direction.RECEIVED, 1007, 0, null, new byte[0]),
                // engines asked for no raw bytes: the fields alone
                TraceFrame.frame("c2 (no raw)", Direction.SENT, 1008, 4, FLOW, 0, 40, null),
                TraceFrame.frame("c2 (no raw)", Direction.SENT, 1009, 0, null, 0, 8, null),
                TraceFrame.frame("c2 (no raw)", Direction.SENT, 1010, 0,
                        new Close(new ErrorCondition("amqp:internal-error", "bye", null)), 0, 60, null),
                new TraceFrame("c2 (no raw)", Direction.SENT, 1011, 0, null, ProtocolHeader.AMQP, 0, 8, null));
    }

    private static String write(List<TraceFrame> frames) throws IOException {
        StringWriter out = new StringWriter();
        TraceFile.write(out, frames);
        return out.toString();
    }

    private static TraceFileException badLine(String text) {
        return assertThrows(TraceFileException.class, () -> TraceFile.read(new StringReader(text), 100));
    }

    @Test
    void exportThenImportGivesBackTheSameTrace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trace.jsonl");
        TraceFile.write(file, trace());
        TraceFile.Contents read = TraceFile.read(file, 100);
        assertEquals(trace(), read.frames());
        assertEquals(12, read.total());
    }

    @Test
    void eachLineHasTheDocumentedMembers() throws IOException {
        String text = write(List.of(Frames.frame("c1", Direction.RECEIVED, 1005, 1, FLOW, new byte[0])));
        assertEquals(1, text.lines().count());
        JsonNode line = new ObjectMapper().readTree(text);
        assertEquals(1005, line.get("time").asLong());
        assertEquals("received", line.get("direction").asText());
        assertEquals("c1", line.get("connection").asText());
        assertEquals(1, line.get("channel").asInt());
        assertEquals("flow", line.get("performative").asText());
        assertEquals(19, line.at("/fields/described/descriptor/ulong").asInt());
        assertEquals(5, line.at("/fields/described/value/list/0/uint").asInt(), "typed JSON keeps uint a uint");
        assertEquals(0, line.get("payloadSize").asInt());
        assertEquals(line.get("frameSize").asInt(), java.util.Base64.getDecoder().decode(line.get("raw").asText()).length);
    }

    @Test
    void importKeepsTheLastFramesUpToTheLimit() throws IOException {
        TraceFile.Contents read = TraceFile.read(new StringReader(write(trace()) + "\n\n"), 3);
        assertEquals(12, read.total());
        assertEquals(trace().subList(9, 12), read.frames());
    }

    @Test
    void aBadLineIsNamedByItsNumber() throws IOException {
        String good = write(trace().subList(0, 2));
        TraceFileException e = badLine(good + "\n{\"time\": 5}\n");
        assertEquals(4, e.line(), "blank lines count");
        assertEquals("line 4: missing \"direction\"", e.getMessage());
    }

    @Test
    void whatIsWrongWithALineIsSaid() throws IOException {
        assertTrue(badLine("not json").reason().startsWith("not JSON: "));
        assertEquals("expected a JSON object, one trace entry per line", badLine("[1,2]").reason());
        String flow = write(List.of(Frames.sent("c1", 0, FLOW))).strip();
        assertEquals("direction must be \"sent\" or \"received\", was \"up\"",
                badLine(flow.replace("\"sent\"", "\"up\"")).reason());
        assertEquals("performative says open but the raw bytes hold a flow",
                badLine(flow.replace("\"performative\":\"flow\"", "\"performative\":\"open\"")).reason());
        assertTrue(badLine(flow.replaceAll("\"raw\":\"[^\"]*\"", "\"raw\":\"AAAAEAIAAAA=\"")).reason()
                .startsWith("raw: the frame header says 16 bytes but there are 8"));
        assertTrue(badLine(flow.replaceAll("\"raw\":\"[^\"]*\"", "\"raw\":\"%%%\"")).reason().startsWith("raw: not base64"));
        String bare = write(List.of(TraceFrame.frame("c1", Direction.SENT, 1, 0, FLOW, 0, 40, null))).strip();
        assertTrue(badLine(bare.replace("\"uint\":2048", "\"uint\":-1")).reason().startsWith("fields: "));
        assertEquals("\"time\" must be an integer", badLine(flow.replace("\"time\":1700000000000", "\"time\":\"noon\"")).reason());
    }
}
