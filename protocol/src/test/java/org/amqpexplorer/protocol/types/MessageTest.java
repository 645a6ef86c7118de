package org.amqpexplorer.protocol.types;

import static org.amqpexplorer.protocol.types.CompositeCodecTest.decode;
import static org.amqpexplorer.protocol.types.CompositeCodecTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.junit.jupiter.api.Test;

class MessageTest {

    static final MapValue ANNOTATIONS = new MapValue(Map.of(new SymbolValue("x-opt-a"), new IntValue(1)));

    static Message full(Body body) {
        return new Message(new Header(true, 9, 1000L, null, 2L), new DeliveryAnnotations(ANNOTATIONS),
                new MessageAnnotations(ANNOTATIONS),
                new Properties(new ULongValue(7), BinaryValue.of(new byte[] {1}), new StringValue("q"), "s", null,
                        new StringValue("c"), "text/plain", null, 5L, 6L, "g", 3L, null),
                new ApplicationProperties(new MapValue(Map.of(new StringValue("k"), new StringValue("v")))),
                body, new Footer(ANNOTATIONS));
    }

    @Test
    void everySectionAndEveryBodyKindRoundTrips() {
        List<Body> bodies = List.of(
                Body.data(new byte[] {1, 2}),
                new Body.DataBody(List.of(new Data(BinaryValue.of(new byte[] {1})), new Data(BinaryValue.EMPTY))),
                Body.sequence(List.of(new StringValue("a"))),
                new Body.SequenceBody(List.of(new AmqpSequence(List.of()), new AmqpSequence(List.of(NullValue.NULL)))),
                Body.value(NullValue.NULL),
                Body.value(new StringValue("hello")));
        for (Body body : bodies) {
            Message m = full(body);
            assertEquals(m, Message.decode(m.toBytes()));
            assertEquals(Message.of(body), Message.decode(Message.of(body).toBytes()));
        }
        assertEquals(new Message(null, null, null, null, null, null, null), Message.decode(new byte[0]));
    }

    @Test
    void sectionOffsetsPointAtEachSection() {
        Message m = new Message(new Header(true, null, null, null, null), null, null, null, null,
                Body.data(new byte[] {9}), null);
        byte[] bytes = m.toBytes();
        assertEquals("005370c0020141" + "005375a00109", HexFormat.of().formatHex(bytes));
        List<Message.SectionAt> sections = Message.decodeSections(bytes, 0, bytes.length);
        assertEquals(List.of(new Message.SectionAt(m.header(), 0, 7),
                new Message.SectionAt(m.body().sections().get(0), 7, 6)), sections);
    }

    @Test
    void decodesTheInteropFixture() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(System.getProperty("amqp.shared.dir"), "fixtures/interop/message.amqp"));
        Message m = Message.decode(bytes);
        assertEquals(new Header(false, 4, null, false, 0L), m.header());
        assertEquals(new Properties(null, null, null, null, null, null, null, null, 0L, 0L, null, 0L, null), m.properties());
        // the value is binary: the bytes of an encoded string "hello"
        assertEquals(Body.value(BinaryValue.of(hex("a105 68656c6c6f"))), m.body());
    }

    static String error(String hexBytes) {
        return assertThrows(DecodeException.class, () -> Message.decode(hex(hexBytes))).getMessage();
    }

    @Test
    void rejectsSectionsOutOfOrderRepeatedOrMixed() {
        String header = "005370 45";
        String props = "005373 45";
        String data = "005375 a000";
        String seq = "005376 45";
        String value = "005377 40";
        assertEquals("message: header section after properties at byte offset 4", error(props + header));
        assertEquals("message: more than one header section at byte offset 4", error(header + header));
        assertEquals("message: the body mixes data and amqp-sequence sections at byte offset 5", error(data + seq));
        assertEquals("message: the body has more than one amqp-value section at byte offset 4", error(value + value));
        assertEquals("message: expected a section, got string at byte offset 4", error(header + "a10178"));
        assertEquals("message: expected a section, got accepted at byte offset 0", error("005324 45"));
        assertEquals("data: expected binary, got string at byte offset 0", error("005375 a10178"));
        assertEquals(2, Message.decode(hex(data + data)).body().sections().size());
    }

    @Test
    void deliveryStatesAndTerminiStandInsideOtherComposites() {
        List<AmqpValue> states = List.of(new Received(1L, 2L), Accepted.INSTANCE, new Rejected(new ErrorCondition(
                ErrorCondition.DECODE_ERROR, "bad")), Released.INSTANCE, new Modified(true, null, ANNOTATIONS));
        for (AmqpValue state : states) {
            Transfer t = new Transfer(0L, 1L, BinaryValue.of(new byte[] {0}), 0L, false, null, null, state, null, null, null);
            assertEquals(t, decode(Encoder.encode(t)));
            Disposition d = new Disposition(Role.RECEIVER, 1L, null, true, state, null);
            assertEquals(d, decode(Encoder.encode(d)));
        }
        Source source = new Source(new StringValue("q"), TerminusDurability.UNSETTLED_STATE, TerminusExpiryPolicy.NEVER,
                10L, true, new MapValue(Map.of(new SymbolValue(Source.LIFETIME_POLICY), new LifetimePolicy.DeleteOnClose())),
                Source.DISTRIBUTION_MODE_COPY, null, Accepted.INSTANCE, List.of("amqp:accepted:list"), List.of());
        Attach a = new Attach("link", 0L, Role.SENDER, SenderSettleMode.SETTLED, null, source, Target.of("t"), null,
                null, 0L, 1L << 40, null, null, null);
        assertEquals(a, decode(Encoder.encode(a)));
        assertEquals(TerminusExpiryPolicy.SESSION_END, Target.of("t").expiryPolicyOrDefault());
    }
}
