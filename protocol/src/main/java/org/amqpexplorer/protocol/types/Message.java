package org.amqpexplorer.protocol.types;

import java.util.ArrayList;
import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.DecodeLimits;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Encoder;

/**
 * A whole message (3.2): its sections, each null if absent (a message need not have a body, although the
 * spec expects one). The bare message is properties, application-properties and the body; the rest
 * annotate it.
 */
public record Message(Header header, DeliveryAnnotations deliveryAnnotations, MessageAnnotations messageAnnotations,
                      Properties properties, ApplicationProperties applicationProperties, Body body, Footer footer) {

    /** A message with only a body. */
    public static Message of(Body body) {
        return new Message(null, null, null, null, null, body, null);
    }

    /** The sections present, in the order they are encoded. */
    public List<Section> sections() {
        List<Section> s = new ArrayList<>();
        if (header != null) s.add(header);
        if (deliveryAnnotations != null) s.add(deliveryAnnotations);
        if (messageAnnotations != null) s.add(messageAnnotations);
        if (properties != null) s.add(properties);
        if (applicationProperties != null) s.add(applicationProperties);
        if (body != null) s.addAll(body.sections());
        if (footer != null) s.add(footer);
        return s;
    }

    /** Writes the sections one after the other, in the spec's order. */
    public void encode(Encoder encoder) {
        if (header != null) header.encode(encoder);
        if (deliveryAnnotations != null) deliveryAnnotations.encode(encoder);
        if (messageAnnotations != null) messageAnnotations.encode(encoder);
        if (properties != null) properties.encode(encoder);
        if (applicationProperties != null) applicationProperties.encode(encoder);
        if (body != null) for (Section s : body.sections()) s.encode(encoder);
        if (footer != null) footer.encode(encoder);
    }

    public byte[] toBytes() {
        Encoder e = new Encoder();
        encode(e);
        return e.toByteArray();
    }

    /** A section and where it was encoded, relative to the start of the decoded range. */
    public record SectionAt(Section section, int offset, int length) {
    }

    /**
     * Decodes a whole message payload: its sections, in order, each once, the body being one or more data
     * sections, one or more amqp-sequence sections or one amqp-value section.
     *
     * @throws DecodeException if a value is not a section, the sections are out of order or the body is mixed
     */
    public static Message decode(byte[] bytes, int offset, int length) {
        Decoder d = new Decoder(bytes, offset, length, DecodeLimits.DEFAULT, CompositeTypes.DESCRIBED_TYPES);
        Header h = null;
        DeliveryAnnotations da = null;
        MessageAnnotations ma = null;
        Properties p = null;
        ApplicationProperties ap = null;
        Footer f = null;
        List<Data> data = null;
        List<AmqpSequence> sequences = null;
        AmqpValueSection value = null;
        Section previous = null;
        while (d.hasRemaining()) {
            Section section = nextSection(d, previous);
            switch (section) {
                case Header s -> h = s;
                case DeliveryAnnotations s -> da = s;
                case MessageAnnotations s -> ma = s;
                case Properties s -> p = s;
                case ApplicationProperties s -> ap = s;
                case Data s -> {
                    if (data == null) data = new ArrayList<>(1);
                    data.add(s);
                }
                case AmqpSequence s -> {
                    if (sequences == null) sequences = new ArrayList<>(1);
                    sequences.add(s);
                }
                case AmqpValueSection s -> value = s;
                case Footer s -> f = s;
            }
            previous = section;
        }
        Body body = data != null ? new Body.DataBody(data)
                : sequences != null ? new Body.SequenceBody(sequences)
                : value != null ? new Body.ValueBody(value) : null;
        return new Message(h, da, ma, p, ap, body, f);
    }

    public static Message decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** As {@link #decode(byte[], int, int)}, keeping where each section starts, e.g. for a hex view. */
    public static List<SectionAt> decodeSections(byte[] bytes, int offset, int length) {
        Decoder d = new Decoder(bytes, offset, length, DecodeLimits.DEFAULT, CompositeTypes.DESCRIBED_TYPES);
        List<SectionAt> sections = new ArrayList<>();
        Section previous = null;
        while (d.hasRemaining()) {
            int at = d.position();
            Section s = nextSection(d, previous);
            sections.add(new SectionAt(s, at, d.position() - at));
            previous = s;
        }
        return sections;
    }

    /** Reads the next section, which must be one that can follow {@code previous}. */
    private static Section nextSection(Decoder d, Section previous) {
        int at = d.position();
        AmqpValue v = d.readValue();
        if (!(v instanceof Section s)) throw new DecodeException("message: expected a section, got " + FieldCodec.describe(v), at);
        String wrong = orderError(previous, s);
        if (wrong != null) throw new DecodeException("message: " + wrong, at);
        return s;
    }

    /** Why {@code next} cannot follow {@code previous} (3.2), or null if it can. */
    private static String orderError(Section previous, Section next) {
        if (previous == null) return null;
        int a = rank(previous);
        int b = rank(next);
        if (b > a) return null;
        String p = previous.compositeType().name();
        String n = next.compositeType().name();
        if (a == BODY && b == BODY) {
            if (previous.getClass() != next.getClass()) return "the body mixes " + p + " and " + n + " sections";
            if (next instanceof AmqpValueSection) return "the body has more than one amqp-value section";
            return null;
        }
        return b == a ? "more than one " + n + " section" : n + " section after " + p;
    }

    private static final int BODY = 5;

    private static int rank(Section s) {
        return switch (s) {
            case Header h -> 0;
            case DeliveryAnnotations d -> 1;
            case MessageAnnotations m -> 2;
            case Properties p -> 3;
            case ApplicationProperties a -> 4;
            case Data d -> BODY;
            case AmqpSequence q -> BODY;
            case AmqpValueSection v -> BODY;
            case Footer f -> 6;
        };
    }
}
