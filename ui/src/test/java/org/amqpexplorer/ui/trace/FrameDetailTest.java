package org.amqpexplorer.ui.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SaslMechanisms;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;

/** The decoded field tree of a frame: names from the field tables, exact wire types, and byte ranges that hold the field. */
class FrameDetailTest {

    private static final Flow FLOW = new Flow(5L, 2048L, 0L, 2048L, 0L, 0L, 100L, null, null, null, null);

    /** The bytes of a node's range, decoded on their own, are the node's value. */
    private static void assertRangeHolds(byte[] raw, FieldNode n, String expectedValue) {
        byte[] span = Arrays.copyOfRange(raw, n.range().offset(), n.range().end());
        assertEquals(expectedValue, ValueText.value(Decoder.decode(span), 64), n.name());
    }

    @Test
    void flowFieldsHaveTheirSpecNamesExactTypesAndBytes() {
        TraceFrame f = Frames.sent("c1", 2, FLOW);
        FrameDetail d = FrameDetail.of(f);
        assertEquals(List.of("frame header", "flow"), d.fields().stream().map(FieldNode::name).toList());
        FieldNode flow = Frames.node(d.fields(), "flow");
        assertEquals(List.of("descriptor", "next-incoming-id", "incoming-window", "next-outgoing-id", "outgoing-window",
                "handle", "delivery-count", "link-credit"), flow.children().stream().map(FieldNode::name).toList());
        assertEquals("described", flow.type());
        assertEquals(8, flow.range().offset(), "the body starts after the 8-byte frame header");
        assertEquals(f.frameSize() - 8, flow.range().length());

        FieldNode descriptor = Frames.node(d.fields(), "flow", "descriptor");
        assertEquals("0x13 (amqp:flow:list)", descriptor.value());
        assertEquals("ulong", descriptor.type());
        assertEquals("smallulong", descriptor.encoding());

        FieldNode window = Frames.node(d.fields(), "flow", "incoming-window");
        assertEquals("uint", window.type());
        assertEquals("2048", window.value());
        assertEquals("uint", window.encoding(), "2048 needs the four-byte encoding");
        assertRangeHolds(f.rawBytes(), window, "2048");

        FieldNode handle = Frames.node(d.fields(), "flow", "handle");
        assertEquals("uint (handle)", handle.type());
        assertEquals("uint0", handle.encoding());
        assertEquals(1, handle.range().length());

        FieldNode id = Frames.node(d.fields(), "flow", "next-incoming-id");
        assertEquals("uint (transfer-number)", id.type());
        assertEquals("smalluint", id.encoding());
        assertRangeHolds(f.rawBytes(), id, "5");
    }

    @Test
    void theFrameHeaderIsExplained() {
        FrameDetail d = FrameDetail.of(Frames.sent("c1", 2, FLOW));
        FieldNode header = Frames.node(d.fields(), "frame header");
        assertEquals(new ByteRange(0, 8), header.range());
        assertEquals("2", Frames.node(d.fields(), "frame header", "channel").value());
        assertEquals(new ByteRange(6, 2), Frames.node(d.fields(), "frame header", "channel").range());
        assertEquals("2 (body at byte 8)", Frames.node(d.fields(), "frame header", "doff").value());
        assertEquals("0 (AMQP)", Frames.node(d.fields(), "frame header", "type").value());
    }

    @Test
    void choicesAbsentFieldsAndNestedComposites() {
        Source source = new Source(new StringValue("queue-a"), null, null, null, null, null, null, null, null, null, List.of("queue"));
        Attach attach = new Attach("l", 3L, Role.RECEIVER, null, null, source, null, null, null, null, null, null, null, null);
        TraceFrame f = Frames.sent("c1", 0, attach);
        FrameDetail d = FrameDetail.of(f);
        FieldNode role = Frames.node(d.fields(), "attach", "role");
        assertEquals("boolean (role)", role.type());
        assertEquals("true (receiver)", role.value());
        FieldNode mode = Frames.node(d.fields(), "attach", "snd-settle-mode");
        assertEquals("null", mode.type());
        assertEquals("absent, means mixed", mode.value());
        FieldNode address = Frames.node(d.fields(), "attach", "source", "address");
        assertEquals("string", address.type());
        assertEquals("queue-a", address.value());
        assertRangeHolds(f.rawBytes(), address, "queue-a");
        FieldNode caps = Frames.node(d.fields(), "attach", "source", "capabilities");
        assertEquals("array of symbol", caps.type());
        assertEquals("queue", Frames.node(d.fields(), "attach", "source", "capabilities", "[0]").value());
        assertEquals("amqp:source:list", Frames.node(d.fields(), "attach", "source").value());
    }

    @Test
    void aTransferPayloadIsReadAsMessageSections() {
        byte[] message = TypedJson.readMessage("""
                {"properties": {"messageId": {"ulong": 42}, "to": "orders"},
                 "applicationProperties": {"count": {"int": 3}},
                 "body": {"amqpValue": "hello"}}""").toBytes();
        Transfer t = new Transfer(0L, 1L, BinaryValue.of(new byte[] {1}), 0L, true, null, null, null, null, null, null);
        TraceFrame f = Frames.frame("c1", Direction.SENT, 0, 0, t, message);
        FrameDetail d = FrameDetail.of(f);
        FieldNode payload = Frames.node(d.fields(), "payload");
        assertEquals(new ByteRange(f.frameSize() - message.length, message.length), payload.range());
        assertEquals(List.of("properties", "application-properties", "amqp-value"),
                payload.children().stream().map(FieldNode::name).toList());
        FieldNode id = Frames.node(d.fields(), "payload", "properties", "message-id");
        assertEquals("ulong", id.type());
        assertEquals("42", id.value());
        FieldNode count = Frames.node(d.fields(), "payload", "application-properties", "value", "count");
        assertEquals("string → int", count.type());
        assertEquals("3", count.value());
        assertRangeHolds(f.rawBytes(), Frames.node(d.fields(), "payload", "amqp-value", "value"), "hello");
    }

    @Test
    void aPartOfAMessageIsNotDecoded() {
        Transfer t = new Transfer(0L, 1L, BinaryValue.of(new byte[] {1}), 0L, false, true, null, null, null, null, null);
        FrameDetail d = FrameDetail.of(Frames.frame("c1", Direction.SENT, 0, 0, t, new byte[] {0x00, 0x53}));
        FieldNode payload = Frames.node(d.fields(), "payload");
        assertEquals("2 bytes: part of a message continued in the next transfer", payload.value());
        assertTrue(payload.children().isEmpty());
    }

    @Test
    void aPayloadThatIsNotMessageSectionsSaysWhy() {
        Transfer t = new Transfer(0L, 1L, BinaryValue.of(new byte[] {1}), 0L, false, null, null, null, null, null, null);
        FrameDetail d = FrameDetail.of(Frames.frame("c1", Direction.SENT, 0, 0, t, new byte[] {(byte) 0xff}));
        assertTrue(Frames.node(d.fields(), "payload").value().startsWith("1 byte: not whole message sections ("));
    }

    @Test
    void saslFramesAndProtocolHeaders() {
        FrameDetail sasl = FrameDetail.of(Frames.received("c1", 0, new SaslMechanisms(List.of("PLAIN", "ANONYMOUS"))));
        assertEquals("ignored in SASL frames", Frames.node(sasl.fields(), "frame header", "type-specific").value());
        assertEquals("array of symbol", Frames.node(sasl.fields(), "sasl-mechanisms", "sasl-server-mechanisms").type());

        TraceFrame h = TraceFrame.header("c1", Direction.RECEIVED, 0, ProtocolHeader.SASL);
        FrameDetail header = FrameDetail.of(h);
        assertArrayEquals(ProtocolHeader.SASL.toByteArray(), header.bytes());
        assertEquals("3 (SASL)", Frames.node(header.fields(), "protocol header", "protocol id").value());
        assertEquals(new ByteRange(4, 1), Frames.node(header.fields(), "protocol header", "protocol id").range());
    }

    @Test
    void withoutRawBytesTheTypesAreKnownButNotTheBytes() {
        TraceFrame recorded = Frames.sent("c1", 0, FLOW);
        TraceFrame bare = TraceFrame.frame("c1", Direction.SENT, 0, 0, FLOW, 0, recorded.frameSize(), null);
        FrameDetail d = FrameDetail.of(bare);
        assertNull(d.bytes());
        FieldNode handle = Frames.node(d.fields(), "flow", "handle");
        assertEquals("uint (handle)", handle.type());
        assertEquals("0", handle.value());
        assertEquals("", handle.encoding());
        assertNull(handle.range());
    }

    @Test
    void hugeListsAreCut() {
        List<String> many = java.util.Collections.nCopies(FrameDetail.MAX_CHILDREN + 5, "x");
        FrameDetail d = FrameDetail.of(Frames.received("c1", 0, new SaslMechanisms(many)));
        List<FieldNode> shown = Frames.node(d.fields(), "sasl-mechanisms", "sasl-server-mechanisms").children();
        assertEquals(FrameDetail.MAX_CHILDREN + 1, shown.size());
        assertEquals("5 more", shown.get(shown.size() - 1).value());
    }
}
