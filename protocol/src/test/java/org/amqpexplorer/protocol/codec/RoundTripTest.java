package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** value → Encoder → Decoder gives the same value, of the same type, and re-encodes to the same bytes. */
class RoundTripTest {

    @Provide
    Arbitrary<AmqpValue> values() {
        return AmqpValueArbitraries.values();
    }

    /** Every type, equally often, so that rare ones are not left to chance. */
    @Provide
    Arbitrary<AmqpValue> valuesOfEveryType() {
        return Arbitraries.of(AmqpType.values()).flatMap(t -> AmqpValueArbitraries.ofType(t, 2));
    }

    @Property
    void decodesToTheEqualValueAndReencodesToTheSameBytes(@ForAll("values") AmqpValue value) {
        byte[] bytes = Encoder.encode(value);
        AmqpValue decoded = Decoder.decode(bytes);
        assertEquals(value, decoded);
        assertEquals(value.type(), decoded.type());
        // Value equality does not see map order or NaN payloads; the bytes do.
        assertArrayEquals(bytes, Encoder.encode(decoded));
    }

    @Property
    void everyTypeRoundTrips(@ForAll("valuesOfEveryType") AmqpValue value) {
        Statistics.label("type").collect(value.type());
        byte[] bytes = Encoder.encode(value);
        AmqpValue decoded = Decoder.decode(bytes);
        assertEquals(value, decoded);
        assertEquals(value.type(), decoded.type());
        assertEquals(value.getClass(), decoded.getClass());
        assertArrayEquals(bytes, Encoder.encode(decoded));
        Statistics.label("type").coverage(c -> {
            for (AmqpType t : AmqpType.values()) c.check(t).count(n -> n > 0);
        });
    }

    /** The generated values exercise every encoding the spec defines, each edge included. */
    @Property
    void generatedValuesUseEveryFormatCode(@ForAll("values") AmqpValue value) {
        byte[] bytes = Encoder.encode(value);
        EncodedValue top = new Decoder(bytes, DescribedTypes.NONE).readEncoded();
        collectCodes(top);
        Statistics.label("format code").coverage(c -> {
            for (int code = 0; code < 256; code++) {
                if (FormatCode.encodingName(code) != null) c.check(FormatCode.encodingName(code)).count(n -> n > 0);
            }
        });
    }

    /** Arrays of every element type, plain and described, round-trip. */
    @Property(tries = 500)
    void arraysOfEveryElementTypeRoundTrip(@ForAll("arrays") ArrayValue array) {
        Statistics.label("element type").collect(array.elementType());
        Statistics.label("descriptor").collect(array.descriptor() == null ? "none" : array.descriptor().type());
        byte[] bytes = Encoder.encode(array);
        assertEquals(array, Decoder.decode(bytes));
        assertArrayEquals(bytes, Encoder.encode(Decoder.decode(bytes)));
        Statistics.label("element type").coverage(c -> {
            for (AmqpType t : AmqpType.values()) if (t != AmqpType.DESCRIBED) c.check(t).count(n -> n > 0);
        });
        Statistics.label("descriptor").coverage(c -> {
            c.check("none").count(n -> n > 0);
            c.check(AmqpType.ULONG).count(n -> n > 0);
            c.check(AmqpType.SYMBOL).count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<ArrayValue> arrays() {
        return AmqpValueArbitraries.arrays(2);
    }

    private static void collectCodes(EncodedValue v) {
        Statistics.label("format code").collect(v.encodingName());
        for (EncodedValue child : v.children()) collectCodes(child);
    }

    @Property
    void spansCoverTheEncodingAndNestInsideTheirParents(@ForAll("values") AmqpValue value) {
        byte[] bytes = Encoder.encode(value);
        Decoder decoder = new Decoder(bytes, DescribedTypes.NONE);
        EncodedValue top = decoder.readEncoded();
        assertFalse(decoder.hasRemaining());
        assertEquals(0, top.offset());
        assertEquals(bytes.length, top.length());
        assertEquals(value, top.value());
        checkSpan(bytes, top, false);
    }

    private static void checkSpan(byte[] bytes, EncodedValue span, boolean arrayElement) {
        checkSpan(bytes, span, arrayElement, true);
    }

    /**
     * A span lies inside its parent, its children follow each other without overlap, its format code is the
     * byte at its offset (array elements share the array's element constructor and start at their payload),
     * and, where our encoder chose every encoding ({@code canonical}), each span not inside an array holds
     * exactly the encoder's bytes for its value.
     */
    static void checkSpan(byte[] bytes, EncodedValue span, boolean arrayElement, boolean canonical) {
        assertNotNull(span.encodingName(), "format code " + span.formatCode());
        assertTrue(span.offset() >= 0 && span.length() >= 0 && span.offset() + span.length() <= bytes.length);
        byte[] own = Arrays.copyOfRange(bytes, span.offset(), span.offset() + span.length());
        if (!arrayElement) {
            assertEquals(span.formatCode(), bytes[span.offset()] & 0xFF, "format code at " + span.offset());
            if (canonical) assertArrayEquals(Encoder.encode(span.value()), own, "bytes of " + span.value());
            else assertEquals(span.value(), Decoder.decode(own), "bytes of " + span.value());
        }
        int end = span.offset() + span.length();
        int next = span.offset() + (arrayElement ? 0 : 1);
        for (EncodedValue child : span.children()) {
            assertTrue(child.offset() >= next, "child at " + child.offset() + " overlaps, expected from " + next);
            assertTrue(child.offset() + child.length() <= end, "child ends after its parent");
            next = child.offset() + child.length();
        }
        switch (span.value()) {
            case ListValue l when l.size() > 0 -> {
                assertEquals(l.elements(), values(span.children()));
                assertEquals(end, next, "list ends with its last element");
                for (EncodedValue c : span.children()) checkSpan(bytes, c, false, canonical);
            }
            case MapValue m -> {
                List<AmqpValue> keysAndValues = new ArrayList<>();
                m.entries().forEach((k, v) -> {
                    keysAndValues.add(k);
                    keysAndValues.add(v);
                });
                assertEquals(keysAndValues, values(span.children()));
                for (EncodedValue c : span.children()) checkSpan(bytes, c, false, canonical);
            }
            case ArrayValue a -> {
                assertEquals(a.elements(), values(span.children()));
                if (a.size() > 0) assertEquals(end, next, "array ends with its last element");
                for (EncodedValue c : span.children()) {
                    assertEquals(span.children().get(0).formatCode(), c.formatCode(), "one constructor for all elements");
                    checkSpan(bytes, c, true, canonical);
                }
                if (a.size() > 0) {
                    int constructorAt = span.children().get(0).offset() - 1;
                    assertEquals(span.children().get(0).formatCode(), bytes[constructorAt] & 0xFF, "element constructor");
                }
            }
            case Described d -> {
                assertEquals(List.of(d.descriptor(), d.described()), values(span.children()));
                assertEquals(end, next, "described value ends with its value");
                for (EncodedValue c : span.children()) checkSpan(bytes, c, false, canonical);
            }
            default -> assertTrue(span.children().isEmpty(), "a primitive has no children");
        }
    }

    private static List<AmqpValue> values(List<EncodedValue> spans) {
        return spans.stream().map(EncodedValue::value).toList();
    }

    @Property(tries = 200)
    void decodesFromTheMiddleOfALargerArrayWithOffsetsRelativeToItsStart(
            @ForAll("values") AmqpValue value, @ForAll @Size(max = 8) byte[] before, @ForAll @Size(max = 8) byte[] after) {
        byte[] bytes = Encoder.encode(value);
        byte[] buf = new byte[before.length + bytes.length + after.length];
        System.arraycopy(before, 0, buf, 0, before.length);
        System.arraycopy(bytes, 0, buf, before.length, bytes.length);
        System.arraycopy(after, 0, buf, before.length + bytes.length, after.length);

        Decoder decoder = new Decoder(buf, before.length, bytes.length, DecodeLimits.DEFAULT, DescribedTypes.NONE);
        EncodedValue top = decoder.readEncoded();
        decoder.expectEnd();
        assertEquals(bytes.length, decoder.position());
        assertEquals(value, top.value());
        assertEquals(0, top.offset());
        assertEquals(bytes.length, top.length());
        checkSpan(bytes, top, false);
    }

    @Property(tries = 200)
    void aSequenceOfValuesDecodesInOrder(@ForAll @Size(max = 6) List<@From("values") AmqpValue> values) {
        Encoder encoder = new Encoder(16);
        for (AmqpValue v : values) encoder.writeValue(v);
        byte[] bytes = encoder.toByteArray();
        Decoder decoder = new Decoder(bytes, DescribedTypes.NONE);
        List<AmqpValue> decoded = new ArrayList<>();
        while (decoder.hasRemaining()) decoded.add(decoder.readValue());
        assertEquals(values, decoded);
    }

    /** Compound encodings are compacted in place; a value written after others must come out the same. */
    @Property(tries = 200)
    void aValueEncodesTheSameWhereverItStartsInTheBuffer(
            @ForAll("values") AmqpValue first, @ForAll("values") AmqpValue value, @ForAll @IntRange(max = 300) int padding) {
        byte[] alone = Encoder.encode(value);
        Encoder encoder = new Encoder(1);
        for (int i = 0; i < padding; i++) encoder.writeNull();
        encoder.writeValue(first);
        int start = encoder.size();
        encoder.writeValue(value);
        assertArrayEquals(alone, Arrays.copyOfRange(encoder.array(), start, encoder.size()));

        encoder.reset();
        encoder.writeValue(value);
        assertArrayEquals(alone, encoder.toByteArray());
    }
}
