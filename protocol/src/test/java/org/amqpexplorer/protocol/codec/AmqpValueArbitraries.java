package org.amqpexplorer.protocol.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik arbitraries for every AMQP value type (part 1.6), for any test that needs AMQP values.
 *
 * <p>Edge values are mixed in on purpose: the boundaries between encodings (uint0/smalluint/uint at 0, 255, 256;
 * smallint at -128/127), extremes (min, max, ulong above 2^63), floating-point specials (NaN, -0.0, infinities),
 * empty and long text (more than 255 UTF-8 bytes, so str32/sym32/vbin32 appear), non-BMP characters, wide lists,
 * maps and arrays (more than 255 elements or bytes, so the 32-bit compound encodings appear).
 *
 * <p>Compounds nest at most {@code depth} levels (a list of primitives has depth 1); wide compounds hold only
 * primitives. That keeps a generated value to a few KiB, so properties stay fast at default tries.
 */
public final class AmqpValueArbitraries {
    /** The nesting depth of {@link #values()}: enough for an array of lists of maps, or described lists. */
    public static final int DEFAULT_DEPTH = 3;

    /** At most this many elements in an ordinary (not wide) list, map or array. */
    private static final int MAX_ELEMENTS = 5;

    private AmqpValueArbitraries() {
    }

    /** Any value, compounds nested at most {@link #DEFAULT_DEPTH} levels. */
    public static Arbitrary<AmqpValue> values() {
        return values(DEFAULT_DEPTH);
    }

    /** Any value, compounds nested at most {@code depth} levels; {@code depth} 0 gives primitives only. */
    public static Arbitrary<AmqpValue> values(int depth) {
        if (depth <= 0) return primitives();
        return Arbitraries.lazy(() -> Arbitraries.frequencyOf(List.of(
                w(8, primitives()),
                w(2, up(lists(depth))),
                w(2, up(maps(depth))),
                w(2, up(arrays(depth))),
                w(2, up(described(depth))))));
    }

    /** A value of any primitive type (not list, map, array or described), every type equally likely. */
    public static Arbitrary<AmqpValue> primitives() {
        List<Arbitrary<AmqpValue>> each = new ArrayList<>();
        for (AmqpType t : AmqpType.values()) {
            if (!t.isCompound() && t != AmqpType.DESCRIBED) each.add(ofType(t, 0));
        }
        return Arbitraries.oneOf(each);
    }

    /** Values of exactly this type; compounds and described values nest at most {@code depth} levels. */
    public static Arbitrary<AmqpValue> ofType(AmqpType type, int depth) {
        return switch (type) {
            case NULL -> Arbitraries.just(NullValue.NULL);
            case BOOLEAN -> Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE);
            case UBYTE -> up(Arbitraries.integers().between(0, 0xFF).map(UByteValue::new));
            case USHORT -> up(Arbitraries.integers().between(0, 0xFFFF).map(UShortValue::new));
            case UINT -> up(uints().map(UIntValue::new));
            case ULONG -> up(ulongs().map(ULongValue::new));
            case BYTE -> up(Arbitraries.bytes().map(ByteValue::new));
            case SHORT -> up(Arbitraries.shorts().map(ShortValue::new));
            case INT -> up(ints().map(IntValue::new));
            case LONG -> up(longs().map(LongValue::new));
            case FLOAT -> up(floats().map(FloatValue::new));
            case DOUBLE -> up(doubles().map(DoubleValue::new));
            case DECIMAL32 -> up(Arbitraries.integers().map(Decimal32Value::new));
            case DECIMAL64 -> up(Arbitraries.longs().map(Decimal64Value::new));
            case DECIMAL128 -> up(Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Decimal128Value::new));
            case CHAR -> up(codePoints().map(CharValue::new));
            case TIMESTAMP -> up(longs().map(TimestampValue::new));
            case UUID -> up(uuids().map(UuidValue::new));
            case BINARY -> up(binaries());
            case STRING -> up(strings().map(StringValue::new));
            case SYMBOL -> up(symbolTexts().map(SymbolValue::new));
            case LIST -> up(lists(Math.max(1, depth)));
            case MAP -> up(maps(Math.max(1, depth)));
            case ARRAY -> up(arrays(Math.max(1, depth)));
            case DESCRIBED -> up(described(Math.max(1, depth)));
        };
    }

    // ---- numbers, with the encoding boundaries as edge values

    /** uint as a long: 0 (uint0), 1 to 255 (smalluint), the rest (uint). */
    public static Arbitrary<Long> uints() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0L, 1L, 0xFFL, 0x100L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL)),
                w(2, Arbitraries.longs().between(0, 0xFF)),
                w(3, Arbitraries.longs().between(0, 0xFFFF_FFFFL))));
    }

    /** ulong as the 64 bits of a long, so negative longs are the values above 2^63 - 1. */
    public static Arbitrary<Long> ulongs() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0L, 1L, 0xFFL, 0x100L, Long.MAX_VALUE, Long.MIN_VALUE, -1L)),
                w(2, Arbitraries.longs().between(0, 0xFF)),
                w(3, Arbitraries.longs())));
    }

    /** int: smallint's range -128 to 127 and its neighbours, and the full range. */
    public static Arbitrary<Integer> ints() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0, -128, 127, -129, 128, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                w(2, Arbitraries.integers().between(-128, 127)),
                w(3, Arbitraries.integers())));
    }

    /** long: smalllong's range -128 to 127 and its neighbours, and the full range. */
    public static Arbitrary<Long> longs() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0L, -128L, 127L, -129L, 128L, Long.MIN_VALUE, Long.MAX_VALUE)),
                w(2, Arbitraries.longs().between(-128, 127)),
                w(3, Arbitraries.longs())));
    }

    /** Every float bit pattern can occur (NaNs with payloads too); the specials are edge values. */
    public static Arbitrary<Float> floats() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, 1f, -1f)),
                w(2, Arbitraries.floats()),
                w(2, Arbitraries.integers().map(Float::intBitsToFloat))));
    }

    /** Every double bit pattern can occur; the specials are edge values. */
    public static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1d, -1d)),
                w(2, Arbitraries.doubles()),
                w(2, Arbitraries.longs().map(Double::longBitsToDouble))));
    }

    public static Arbitrary<UUID> uuids() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(new UUID(0, 0), new UUID(-1, -1))),
                w(5, Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new))));
    }

    // ---- text and bytes

    /**
     * Unicode scalar values (code points that are not surrogates): ASCII, two- and three-byte UTF-8, and
     * supplementary (non-BMP, four-byte) characters.
     */
    public static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF)),
                w(6, Arbitraries.integers().between(0x20, 0x7E)),
                w(1, Arbitraries.integers().between(0, 0x7F)),
                w(2, Arbitraries.integers().between(0x80, 0x7FF)),
                w(2, Arbitraries.integers().between(0x800, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                w(2, Arbitraries.integers().between(0x10000, 0x10FFFF))));
    }

    /** Strings of {@code min} to {@code max} code points from {@link #codePoints()}. */
    public static Arbitrary<String> unicodeStrings(int min, int max) {
        return codePoints().list().ofMinSize(min).ofMaxSize(max).map(AmqpValueArbitraries::fromCodePoints);
    }

    /**
     * Strings valid for {@code string}: mostly short, some empty, some long enough (in UTF-8 bytes) for str32,
     * and some exactly at the 255/256-byte boundary in one-, two-, three- and four-byte characters.
     */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of("", "x".repeat(255), "x".repeat(256), "é".repeat(127) + "x", "é".repeat(128),
                        "€".repeat(85), "€".repeat(85) + "x", "\uD83D\uDE00".repeat(63) + "xxx", "\uD83D\uDE00".repeat(64))),
                w(8, unicodeStrings(0, 12)),
                w(1, unicodeStrings(80, 160))));
    }

    /** ASCII text for {@code symbol}: short, empty, or at and past the 255-byte boundary. */
    public static Arbitrary<String> symbolTexts() {
        Arbitrary<Character> ascii = Arbitraries.frequencyOf(List.of(
                w(6, Arbitraries.chars().range('a', 'z')),
                w(2, Arbitraries.of(':', '.', '-', '_')),
                w(1, Arbitraries.chars().range((char) 0, (char) 0x7F))));
        return Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of("", "a".repeat(255), "a".repeat(256))),
                w(8, ascii.list().ofMaxSize(20).map(AmqpValueArbitraries::fromChars)),
                w(1, ascii.list().ofMinSize(250).ofMaxSize(300).map(AmqpValueArbitraries::fromChars))));
    }

    /** binary: short, empty, at the vbin8/vbin32 boundary, or long. */
    public static Arbitrary<BinaryValue> binaries() {
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.of(0, 1, 255, 256).map(n -> patterned(n))),
                w(8, Arbitraries.bytes().array(byte[].class).ofMaxSize(16)),
                w(1, Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(300))));
        return bytes.map(BinaryValue::wrap);
    }

    // ---- compounds

    /** Lists of values nested at most {@code depth - 1} further levels; some wide lists of primitives. */
    public static Arbitrary<ListValue> lists(int depth) {
        return Arbitraries.lazy(() -> Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.just(ListValue.EMPTY)),
                w(8, values(depth - 1).list().ofMaxSize(MAX_ELEMENTS).map(ListValue::new)),
                w(1, wideElements().map(ListValue::new)))));
    }

    /**
     * Maps with unique keys of any type (including compound and described keys), values nested at most
     * {@code depth - 1} further levels; some wide maps (more than 127 entries, so more than 255 elements).
     */
    public static Arbitrary<MapValue> maps(int depth) {
        return Arbitraries.lazy(() -> Arbitraries.frequencyOf(List.of(
                w(1, Arbitraries.just(MapValue.EMPTY)),
                w(8, maps(values(depth - 1), values(depth - 1), MAX_ELEMENTS)),
                w(1, maps(ofType(AmqpType.INT, 0), smallPrimitives(), 140)))));
    }

    private static Arbitrary<MapValue> maps(Arbitrary<AmqpValue> keys, Arbitrary<AmqpValue> values, int maxEntries) {
        int min = maxEntries > MAX_ELEMENTS ? 120 : 0;
        return keys.list().uniqueElements().ofMinSize(min).ofMaxSize(maxEntries)
                .flatMap(ks -> values.list().ofSize(ks.size()).map(vs -> {
                    Map<AmqpValue, AmqpValue> m = new LinkedHashMap<>();
                    for (int i = 0; i < ks.size(); i++) m.put(ks.get(i), vs.get(i));
                    return new MapValue(m);
                }));
    }

    /**
     * Arrays of every element type; with {@code depth} of 2 or more also arrays of lists, maps and arrays.
     * Some have a descriptor (arrays of described values), some are empty, some wide.
     */
    public static Arbitrary<ArrayValue> arrays(int depth) {
        List<AmqpType> elementTypes = new ArrayList<>();
        for (AmqpType t : AmqpType.values()) {
            if (t == AmqpType.DESCRIBED) continue;
            if (t.isCompound() && depth < 2) continue;
            elementTypes.add(t);
        }
        return Arbitraries.lazy(() -> Arbitraries.of(elementTypes).flatMap(t -> arraysOf(t, depth)));
    }

    /** Arrays whose elements are all of {@code elementType}, sometimes with a descriptor. */
    public static Arbitrary<ArrayValue> arraysOf(AmqpType elementType, int depth) {
        Arbitrary<AmqpValue> element = ofType(elementType, depth - 1);
        Arbitrary<List<AmqpValue>> elements = elementType.isCompound()
                ? element.list().ofMaxSize(MAX_ELEMENTS)
                : Arbitraries.frequencyOf(List.of(
                        w(9, element.list().ofMaxSize(MAX_ELEMENTS)),
                        // more than 255 elements: array32 even where each element takes 0 or 1 byte
                        w(1, element.list().ofMinSize(250).ofMaxSize(300))));
        Arbitrary<AmqpValue> descriptor = descriptors(depth).injectNull(0.75);
        return Combinators.combine(descriptor, elements).as((d, es) -> new ArrayValue(elementType, d, es));
    }

    /** Described values: a descriptor from {@link #descriptors(int)} and a value nested at most depth - 1. */
    public static Arbitrary<DescribedValue> described(int depth) {
        return Arbitraries.lazy(() -> Combinators.combine(descriptors(depth), values(depth - 1)).as(DescribedValue::new));
    }

    /**
     * Descriptors as the spec uses them, ulong codes (small ones, domain:code ones, and ones above 2^63) and
     * symbols, and now and then any other value, which the spec allows too.
     */
    public static Arbitrary<AmqpValue> descriptors(int depth) {
        Arbitrary<Long> codes = Arbitraries.frequencyOf(List.of(
                w(3, ulongs()),
                // domain-id:descriptor-id (1.5), e.g. 0x0000_0137_0000_0001
                w(1, Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFF))
                        .as((domain, id) -> ((long) domain << 32) | id))));
        Arbitrary<String> names = Arbitraries.frequencyOf(List.of(
                w(3, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                        .map(s -> "example:" + s + ":list")),
                w(1, symbolTexts())));
        return Arbitraries.lazy(() -> Arbitraries.frequencyOf(List.of(
                w(4, codes.map(ULongValue::new)),
                w(3, names.map(SymbolValue::new)),
                w(1, values(depth - 1)))));
    }

    /** 250 to 300 small primitives: enough for list32 and array32 by count and by size. */
    private static Arbitrary<List<AmqpValue>> wideElements() {
        return smallPrimitives().list().ofMinSize(250).ofMaxSize(300);
    }

    /** Primitives of at most a few bytes, for wide compounds. */
    private static Arbitrary<AmqpValue> smallPrimitives() {
        return Arbitraries.oneOf(List.of(ofType(AmqpType.NULL, 0), ofType(AmqpType.BOOLEAN, 0),
                ofType(AmqpType.UBYTE, 0), ofType(AmqpType.INT, 0), ofType(AmqpType.UINT, 0)));
    }

    // ---- helpers

    private static <T> Tuple2<Integer, Arbitrary<T>> w(int weight, Arbitrary<T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    private static Arbitrary<AmqpValue> up(Arbitrary<? extends AmqpValue> arbitrary) {
        return arbitrary.map(AmqpValue.class::cast);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder(codePoints.size());
        for (int cp : codePoints) sb.appendCodePoint(cp);
        return sb.toString();
    }

    private static String fromChars(List<Character> chars) {
        StringBuilder sb = new StringBuilder(chars.size());
        for (char c : chars) sb.append(c);
        return sb.toString();
    }

    private static byte[] patterned(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = (byte) i;
        return b;
    }
}
