package org.amqpexplorer.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.junit.jupiter.api.Test;

class CompositeCodecTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static AmqpValue decode(byte[] bytes) {
        Decoder d = new Decoder(bytes, CompositeTypes.DESCRIBED_TYPES);
        AmqpValue v = d.readValue();
        d.expectEnd();
        return v;
    }

    static DecodeException decodeError(String hexBytes) {
        return assertThrows(DecodeException.class, () -> decode(hex(hexBytes)));
    }

    @Test
    void openWithOnlyContainerIdIsAOneElementList() {
        byte[] bytes = Encoder.encode(new Open("c"));
        assertEquals("005310c00401a10163", HexFormat.of().formatHex(bytes));
        assertEquals(new Open("c"), decode(bytes));
    }

    @Test
    void absentFieldsInTheMiddleAreNullsAndTrailingOnesAreLeftOut() {
        Flow flow = new Flow(null, 2048L, 0L, 2048L, 0L, 0L, 100L, null, null, null, null);
        byte[] bytes = Encoder.encode(flow);
        assertEquals("005313c0110740700000080043700000080043435264", HexFormat.of().formatHex(bytes));
        assertEquals(flow, decode(bytes));
    }

    @Test
    void nestedCompositesAndStatesDecodeToTheirRecords() {
        Detach detach = new Detach(7L, true, new ErrorCondition(ErrorCondition.LINK_STOLEN, "taken", null));
        assertEquals(detach, decode(Encoder.encode(detach)));
        Close close = new Close(null);
        assertEquals("00531845", HexFormat.of().formatHex(Encoder.encode(close)));
        assertEquals(close, decode(Encoder.encode(close)));
    }

    @Test
    void aSymbolicDescriptorDecodesToTheSameRecord() {
        // described(symbol "amqp:end:list", list [])
        Encoder e = new Encoder();
        e.writeValue(new DescribedValue(new SymbolValue("amqp:end:list"), ListValue.EMPTY));
        assertEquals(new End(null), decode(e.toByteArray()));
    }

    @Test
    void unknownDescriptorsStayGeneric() {
        DescribedValue v = new DescribedValue(new ULongValue(0x9999), ListValue.EMPTY);
        assertEquals(v, decode(Encoder.encode(v)));
    }

    @Test
    void describedIsTheFieldListAsEncoded() {
        Attach attach = new Attach("l", 1L, Role.RECEIVER, null, ReceiverSettleMode.SECOND, null, null, null, null,
                null, null, null, null, null);
        assertEquals(new ULongValue(0x12), attach.descriptor());
        assertEquals(ListValue.of(new StringValue("l"), new UIntValue(1), BooleanValue.TRUE,
                NullValue.NULL, new UByteValue(1)), attach.described());
        assertEquals(attach, decode(Encoder.encode(new DescribedValue(attach.descriptor(), attach.described()))));
    }

    @Test
    void multipleSymbolsAreWrittenAsAnArrayAndReadFromASingleSymbolToo() {
        SaslMechanisms m = new SaslMechanisms(List.of("PLAIN"));
        assertEquals("005340c00b01e00801a305504c41494e", HexFormat.of().formatHex(Encoder.encode(m)), "sym8 array of one");
        // sasl-mechanisms with a single symbol instead of an array
        assertEquals(m, decode(hex("005340 c00801 a305 504c41494e")));
    }

    @Test
    void tableKnowsNamesDescriptorsAndDefaults() {
        CompositeType<Open> open = CompositeTypes.of(Open.class);
        assertEquals("open", open.name());
        assertEquals(0x10, open.descriptorCode());
        assertEquals("amqp:open:list", open.descriptorSymbol());
        assertSame(open, CompositeTypes.byCode(0x10));
        assertSame(open, CompositeTypes.bySymbol("amqp:open:list"));
        Field f = open.fields().get(2);
        assertEquals(new Field(2, "max-frame-size", "uint", false, false, 0xFFFF_FFFFL, null), f);
        assertEquals(SenderSettleMode.MIXED, CompositeTypes.of(Attach.class).field("snd-settle-mode").defaultValue());
        assertEquals("delivery-state", CompositeTypes.of(Transfer.class).field("state").requires());
        assertEquals(0xFFFF_FFFFL, open.effective(new Open("x"), 2));
        assertNull(open.get(new Open("x"), 1));
    }

    @Test
    void malformedCompositesNameTheCompositeAndTheField() {
        // flow with only next-incoming-id
        assertEquals("flow.incoming-window: mandatory field is missing", decodeError("005313 c00201 43").reason());
        // flow with incoming-window null
        assertEquals("flow.incoming-window: mandatory field is missing", decodeError("005313 c00302 43 40").reason());
        // open whose container-id is a symbol
        assertEquals("open.container-id: expected string, got symbol", decodeError("005310 c00401 a30163").reason());
        // attach with role ubyte 1
        assertEquals("attach.role: expected role (boolean), got ubyte",
                decodeError("005312 c00703 a1016c 43 5001").reason());
        // attach with snd-settle-mode 7
        assertEquals("attach.snd-settle-mode: 7 is not a valid sender-settle-mode",
                decodeError("005312 c00804 a1016c 43 41 5007").reason());
        // end with two fields
        assertEquals("end: list has 2 fields, but end has 1", decodeError("005317 c00302 40 40").reason());
        // close as a map
        assertEquals("close: expected a list, got map", decodeError("005318 c10100").reason());
        // close whose error is a string
        assertEquals("close.error: expected error, got string", decodeError("005318 c00401 a10178").reason());
        // the decoder adds where the composite starts
        DecodeException e = decodeError("005318 c00401 a10178");
        assertEquals(0, e.offset());
    }

    @Test
    void constructionChecksMandatoryFieldsAndEncodingChecksRanges() {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> new Transfer(null, null, null, null, null, null, null, null, null, null, null));
        assertEquals("transfer.handle: mandatory field is missing", npe.getMessage());
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class,
                () -> Encoder.encode(new Begin(null, -1L, 1L, 1L, null, null, null, null)));
        assertEquals("begin.next-outgoing-id: uint out of range: -1", iae.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Encoder.encode(new Open("c", null, null, 70000, null, null, null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> Encoder.encode(new SaslInit("PLÄIN", null, null)));
    }

    @Test
    void saslFramesRoundTrip() {
        for (SaslFrame f : List.of(new SaslMechanisms(List.of("ANONYMOUS", "PLAIN")),
                new SaslInit("PLAIN", BinaryValue.of(new byte[] {0, 'u', 0, 'p'}), "host"),
                new SaslChallenge(BinaryValue.EMPTY), new SaslResponse(BinaryValue.of(new byte[] {1})),
                new SaslOutcome(SaslCode.SYS_TEMP, null))) {
            assertEquals(f, decode(Encoder.encode(f)));
        }
        MapValue props = new MapValue(Map.of(new SymbolValue("k"), new StringValue("v")));
        Open open = new Open("c", "h", 512L, 3, 1000L, List.of("en"), List.of(), List.of("a", "b"), null, props);
        assertInstanceOf(Open.class, decode(Encoder.encode(open)));
        assertEquals(open, decode(Encoder.encode(open)));
    }
}
