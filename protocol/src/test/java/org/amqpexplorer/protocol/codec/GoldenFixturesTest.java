package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden encodings in {@code fixtures/interop} (written by Qpid Proton, see fixtures/README.md) decode to
 * exactly the values listed there, in order, with nothing left over. Values the file encoded the smallest way
 * re-encode to the same bytes; the others (32-bit compounds where 8 bits would do, int where smallint would
 * do) are named, re-encode smaller, and decode from that to the same value.
 */
class GoldenFixturesTest {

    /**
     * One fixture file.
     *
     * @param values       the values in the file, in order
     * @param encodings    the encoding name of each value's outermost constructor, as read from the file
     * @param nonCanonical indexes of the values the file did not encode in their smallest encoding
     */
    record Fixture(String file, List<AmqpValue> values, List<String> encodings, Set<Integer> nonCanonical) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Path dir() {
        return Path.of(System.getProperty("amqp.shared.dir", "../../shared"), "fixtures", "interop");
    }

    static Stream<Fixture> fixtures() {
        return Stream.of(
                new Fixture("null.amqp", List.of(NullValue.NULL), List.of("null"), Set.of()),
                new Fixture("primitives.amqp", List.of(
                        BooleanValue.TRUE, BooleanValue.FALSE, new UByteValue(42), new UShortValue(42),
                        new ShortValue((short) -42), new UIntValue(12345), new IntValue(-12345),
                        new ULongValue(12345), new LongValue(-12345), new FloatValue(0.125f), new DoubleValue(0.125)),
                        List.of("true", "false", "ubyte", "ushort", "short", "uint", "int", "ulong", "long",
                                "ieee-754 float", "ieee-754 double"),
                        Set.of()),
                new Fixture("strings.amqp", List.of(
                        BinaryValue.of("abc\0defg".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        new StringValue("abcdefg"), new SymbolValue("abcdefg"),
                        BinaryValue.EMPTY, new StringValue(""), new SymbolValue("")),
                        List.of("vbin8", "str8-utf8", "sym8", "vbin8", "str8-utf8", "sym8"),
                        Set.of()),
                new Fixture("described.amqp", List.of(
                        new DescribedValue(new SymbolValue("foo-descriptor"), new StringValue("foo-value")),
                        new DescribedValue(new IntValue(12), new IntValue(13))),
                        List.of("described", "described"),
                        Set.of()),
                new Fixture("described_array.amqp", List.of(
                        new ArrayValue(AmqpType.INT, new SymbolValue("int-array"), ints(0, 10))),
                        List.of("array32"),
                        Set.of(0)),
                new Fixture("arrays.amqp", List.of(
                        new ArrayValue(AmqpType.INT, ints(0, 100)),
                        new ArrayValue(AmqpType.STRING, List.of(new StringValue("a"), new StringValue("b"), new StringValue("c"))),
                        new ArrayValue(AmqpType.INT, List.of())),
                        List.of("array32", "array32", "array32"),
                        Set.of(0, 1, 2)),
                new Fixture("lists.amqp", List.of(
                        ListValue.of(new IntValue(32), new StringValue("foo"), BooleanValue.TRUE),
                        ListValue.EMPTY),
                        List.of("list32", "list0"),
                        Set.of(0)),
                new Fixture("maps.amqp", List.of(
                        map(new StringValue("three"), new IntValue(3), new StringValue("two"), new IntValue(2),
                                new StringValue("one"), new IntValue(1)),
                        map(new IntValue(1), new StringValue("one"), new IntValue(2), new StringValue("two"),
                                new IntValue(3), new StringValue("three")),
                        MapValue.EMPTY),
                        List.of("map32", "map32", "map32"),
                        Set.of(0, 1, 2)),
                // What the bytes hold differs from the README in two places: the properties section carries
                // absolute-expiry-time and creation-time 0 and group-sequence 0 (not all null), and the
                // amqp-value section holds a binary whose content is the encoded string "hello", not the
                // string itself (see amqpValueOfMessageFixtureHoldsTheEncodedString).
                new Fixture("message.amqp", List.of(
                        new DescribedValue(new ULongValue(0x70), ListValue.of(
                                BooleanValue.FALSE, new UByteValue(4), NullValue.NULL, BooleanValue.FALSE, new UIntValue(0))),
                        new DescribedValue(new ULongValue(0x73), ListValue.of(
                                NullValue.NULL, NullValue.NULL, NullValue.NULL, NullValue.NULL, NullValue.NULL,
                                NullValue.NULL, NullValue.NULL, NullValue.NULL, new TimestampValue(0), new TimestampValue(0),
                                NullValue.NULL, new UIntValue(0), NullValue.NULL)),
                        new DescribedValue(new ULongValue(0x77), BinaryValue.of(HexFormat.of().parseHex("a10568656c6c6f")))),
                        List.of("described", "described", "described"),
                        Set.of(0, 1)));
    }

    @Test
    void everyFixtureFileHasExpectedValues() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir())) {
            s.filter(p -> p.toString().endsWith(".amqp")).forEach(p -> files.add(p.getFileName().toString()));
        }
        Set<String> known = new TreeSet<>(fixtures().map(Fixture::file).toList());
        assertEquals(known, files);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void decodesToExactlyTheListedValuesInOrder(Fixture fixture) throws IOException {
        byte[] bytes = Files.readAllBytes(dir().resolve(fixture.file()));
        Decoder decoder = new Decoder(bytes, DescribedTypes.NONE);
        List<EncodedValue> read = new ArrayList<>();
        while (decoder.hasRemaining()) read.add(decoder.readEncoded());
        decoder.expectEnd();

        assertEquals(fixture.values(), read.stream().map(EncodedValue::value).toList());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(fixture.values().get(i).type(), read.get(i).value().type(), "type of value " + i);
            // Value equality ignores map order; encodings do not.
            assertArrayEquals(Encoder.encode(fixture.values().get(i)), Encoder.encode(read.get(i).value()), "order in value " + i);
        }
        assertEquals(fixture.encodings(), read.stream().map(EncodedValue::encodingName).toList());
        for (EncodedValue v : read) RoundTripTest.checkSpan(bytes, v, false, false);
        // The values lie end to end and cover the file.
        int at = 0;
        for (EncodedValue v : read) {
            assertEquals(at, v.offset());
            at += v.length();
        }
        assertEquals(bytes.length, at);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reencodesToTheSameBytesWhereTheFileUsedTheSmallestEncoding(Fixture fixture) throws IOException {
        byte[] bytes = Files.readAllBytes(dir().resolve(fixture.file()));
        Decoder decoder = new Decoder(bytes, DescribedTypes.NONE);
        Set<Integer> nonCanonical = new TreeSet<>();
        List<byte[]> reencoded = new ArrayList<>();
        for (int i = 0; decoder.hasRemaining(); i++) {
            EncodedValue v = decoder.readEncoded();
            byte[] original = Arrays.copyOfRange(bytes, v.offset(), v.offset() + v.length());
            byte[] ours = Encoder.encode(v.value());
            if (!Arrays.equals(original, ours)) {
                nonCanonical.add(i);
                // ours is the smaller encoding of the same value
                assertEquals(v.value(), Decoder.decode(ours));
                assertFalse(ours.length > original.length, "re-encoding of value " + i + " is larger");
            }
            reencoded.add(ours);
        }
        assertEquals(fixture.nonCanonical(), nonCanonical, "values not in their smallest encoding");
        if (nonCanonical.isEmpty()) {
            Encoder e = new Encoder();
            for (AmqpValue v : fixture.values()) e.writeValue(v);
            assertArrayEquals(bytes, e.toByteArray());
        }
    }

    @Test
    void amqpValueOfMessageFixtureHoldsTheEncodedString() throws IOException {
        byte[] bytes = Files.readAllBytes(dir().resolve("message.amqp"));
        Decoder decoder = new Decoder(bytes, DescribedTypes.NONE);
        decoder.readValue();
        decoder.readValue();
        Described amqpValue = (Described) decoder.readValue();
        BinaryValue content = (BinaryValue) amqpValue.described();
        assertEquals(new StringValue("hello"), Decoder.decode(content.toByteArray()));
    }

    private static List<AmqpValue> ints(int from, int to) {
        return IntStream.range(from, to).<AmqpValue>mapToObj(IntValue::new).toList();
    }

    private static MapValue map(AmqpValue... keysAndValues) {
        Map<AmqpValue, AmqpValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return new MapValue(m);
    }
}
