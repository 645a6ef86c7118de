package org.amqpexplorer.protocol.types;

import static org.amqpexplorer.protocol.types.CompositeCodecTest.decode;
import static org.amqpexplorer.protocol.types.ProtonMapping.fromProton;
import static org.amqpexplorer.protocol.types.ProtonMapping.toProton;
import static org.amqpexplorer.protocol.types.ProtonMapping.withDefaults;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amqpexplorer.protocol.codec.Encoder;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;

/**
 * Qpid Proton-J as an oracle, both ways: what Proton encodes we decode to the same values, and what we
 * encode Proton decodes to the same values, compared field by field through {@link ProtonMapping}. Absent
 * fields with a spec default compare equal to that default, since Proton writes some defaults explicitly.
 */
class ProtonOracleTest {
    private final DecoderImpl protonDecoder = new DecoderImpl();
    private final EncoderImpl protonEncoder = new EncoderImpl(protonDecoder);

    ProtonOracleTest() {
        AMQPDefinedTypes.registerAllTypes(protonDecoder, protonEncoder);
    }

    private byte[] protonEncode(List<?> objects) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        protonEncoder.setByteBuffer(buf);
        for (Object o : objects) protonEncoder.writeObject(o);
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private List<Object> protonDecode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        protonDecoder.setByteBuffer(buf);
        List<Object> objects = new ArrayList<>();
        while (buf.hasRemaining()) objects.add(protonDecoder.readObject());
        return objects;
    }

    @Provide
    Arbitrary<Composite> composites() {
        return TypesArbitraries.PROTON_SAFE.anyComposite();
    }

    @Provide
    Arbitrary<Message> messages() {
        return TypesArbitraries.PROTON_SAFE.messages();
    }

    @Property(tries = 500)
    void protonDecodesWhatWeEncode(@ForAll("composites") Composite c) {
        List<Object> decoded = protonDecode(Encoder.encode(c));
        assertEquals(1, decoded.size());
        assertEquals(withDefaults(c), withDefaults(fromProton(decoded.get(0))));
    }

    @Property(tries = 500)
    void weDecodeWhatProtonEncodes(@ForAll("composites") Composite c) {
        byte[] bytes = protonEncode(List.of(toProton(c)));
        assertEquals(withDefaults(c), withDefaults((Composite) decode(bytes)));
    }

    /** Proton's Message holds one body section, so messages go through it with the first one only. */
    @Property(tries = 200)
    void messagesThroughProtonsMessage(@ForAll("messages") Message full) {
        Message m = new Message(full.header(), full.deliveryAnnotations(), full.messageAnnotations(), full.properties(),
                full.applicationProperties(), firstSectionOnly(full.body()), full.footer());
        org.apache.qpid.proton.message.Message theirs = org.apache.qpid.proton.message.Message.Factory.create();
        byte[] ours = m.toBytes();
        theirs.decode(ours, 0, ours.length);
        assertEquals(normalized(m), normalized(new Message(
                section(theirs.getHeader()), section(theirs.getDeliveryAnnotations()),
                section(theirs.getMessageAnnotations()), section(theirs.getProperties()),
                section(theirs.getApplicationProperties()), body(section(theirs.getBody())), section(theirs.getFooter()))));

        org.apache.qpid.proton.message.Message built = org.apache.qpid.proton.message.Message.Factory.create(
                proton(m.header()), proton(m.deliveryAnnotations()), proton(m.messageAnnotations()), proton(m.properties()),
                proton(m.applicationProperties()),
                m.body() == null ? null : proton(m.body().sections().get(0)), proton(m.footer()));
        byte[] buf = new byte[1 << 20];
        int n = built.encode(buf, 0, buf.length);
        assertEquals(normalized(m), normalized(Message.decode(buf, 0, n)));
    }

    /** Whole messages, several body sections included, section by section through Proton's codec. */
    @Property(tries = 200)
    void messagesSectionBySection(@ForAll("messages") Message m) {
        List<Composite> expected = m.sections().stream().map(ProtonMapping::withDefaults).toList();
        List<Composite> theirs = protonDecode(m.toBytes()).stream().map(p -> withDefaults(fromProton(p))).toList();
        assertEquals(expected, theirs);
        byte[] bytes = protonEncode(m.sections().stream().map(ProtonMapping::toProton).toList());
        assertEquals(normalized(m), normalized(Message.decode(bytes)));
    }

    private static Body firstSectionOnly(Body body) {
        return switch (body) {
            case null -> null;
            case Body.DataBody d -> new Body.DataBody(d.sections().subList(0, 1));
            case Body.SequenceBody s -> new Body.SequenceBody(s.sections().subList(0, 1));
            case Body.ValueBody v -> v;
        };
    }

    private static Body body(Section s) {
        return switch (s) {
            case null -> null;
            case Data d -> new Body.DataBody(List.of(d));
            case AmqpSequence q -> new Body.SequenceBody(List.of(q));
            case AmqpValueSection v -> new Body.ValueBody(v);
            default -> throw new AssertionError("not a body section: " + s);
        };
    }

    @SuppressWarnings("unchecked")
    private static <S extends Section> S section(Object proton) {
        return proton == null ? null : (S) fromProton(proton);
    }

    @SuppressWarnings("unchecked")
    private static <P> P proton(Section s) {
        return s == null ? null : (P) toProton(s);
    }

    private static Message normalized(Message m) {
        return new Message(m.header() == null ? null : (Header) withDefaults(m.header()), m.deliveryAnnotations(),
                m.messageAnnotations(), m.properties(), m.applicationProperties(), m.body(), m.footer());
    }
}
