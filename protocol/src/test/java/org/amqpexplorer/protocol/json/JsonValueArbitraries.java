package org.amqpexplorer.protocol.json;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.ByteValue;
import org.amqpexplorer.protocol.codec.CharValue;
import org.amqpexplorer.protocol.codec.Decimal128Value;
import org.amqpexplorer.protocol.codec.Decimal32Value;
import org.amqpexplorer.protocol.codec.Decimal64Value;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.DoubleValue;
import org.amqpexplorer.protocol.codec.FloatValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.LongValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.ShortValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UShortValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.amqpexplorer.protocol.types.AmqpSequence;
import org.amqpexplorer.protocol.types.AmqpValueSection;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.DeliveryAnnotations;
import org.amqpexplorer.protocol.types.Footer;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Properties;

/**
 * Random AMQP values of every type for the typed-JSON round trips: all bit patterns of floats, doubles and
 * decimals, 64-bit integers around 2^53 (where the notation switches to strings), every code point, and
 * nested lists, maps, arrays (of every element type, with and without descriptor) and described values; and
 * messages with any of their sections, holding only what typed JSON can express in each.
 */
final class JsonValueArbitraries {
    static final Set<AmqpType> SCALARS = EnumSet.complementOf(
            EnumSet.of(AmqpType.LIST, AmqpType.MAP, AmqpType.ARRAY, AmqpType.DESCRIBED));

    private JsonValueArbitraries() {
    }

    static Arbitrary<AmqpValue> values() {
        return value(3);
    }

    static Arbitrary<AmqpValue> value(int depth) {
        if (depth == 0) return scalar();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scalar()),
                net.jqwik.api.Tuple.of(1, list(depth)),
                net.jqwik.api.Tuple.of(1, map(depth)),
                net.jqwik.api.Tuple.of(1, array(depth)),
                net.jqwik.api.Tuple.of(1, described(depth)));
    }

    static Arbitrary<AmqpValue> scalar() {
        return Arbitraries.of(SCALARS).flatMap(JsonValueArbitraries::scalar);
    }

    /** 64-bit integers with the edges of the JSON number range as well as the type's own. */
    static Arbitrary<Long> longs() {
        long p = 1L << 53;
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(p - 1, p, p + 1, -p - 1, -p, -p + 1, Long.MIN_VALUE, -1L));
    }

    static Arbitrary<AmqpValue> scalar(AmqpType type) {
        Arbitrary<? extends AmqpValue> a = switch (type) {
            case NULL -> Arbitraries.just(NullValue.NULL);
            case BOOLEAN -> Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE);
            case UBYTE -> Arbitraries.integers().between(0, 0xFF).map(UByteValue::new);
            case USHORT -> Arbitraries.integers().between(0, 0xFFFF).map(UShortValue::new);
            case UINT -> Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(UIntValue::new);
            case ULONG -> longs().map(ULongValue::new);
            case BYTE -> Arbitraries.bytes().map(ByteValue::new);
            case SHORT -> Arbitraries.shorts().map(ShortValue::new);
            case INT -> Arbitraries.integers().map(IntValue::new);
            case LONG -> longs().map(LongValue::new);
            case FLOAT -> Arbitraries.oneOf(
                    Arbitraries.integers().map(Float::intBitsToFloat),
                    Arbitraries.floats(),
                    Arbitraries.of(-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY))
                    .map(FloatValue::new);
            case DOUBLE -> Arbitraries.oneOf(
                    Arbitraries.longs().map(Double::longBitsToDouble),
                    Arbitraries.doubles(),
                    Arbitraries.of(-0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY))
                    .map(DoubleValue::new);
            case DECIMAL32 -> Arbitraries.integers().map(Decimal32Value::new);
            case DECIMAL64 -> Arbitraries.longs().map(Decimal64Value::new);
            case DECIMAL128 -> Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Decimal128Value::new);
            case CHAR -> Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                    .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE).map(CharValue::new);
            case TIMESTAMP -> longs().map(TimestampValue::new);
            case UUID -> Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((h, l) -> new UuidValue(new UUID(h, l)));
            case BINARY -> Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(BinaryValue::of);
            case STRING -> Arbitraries.strings().ofMaxLength(20).map(StringValue::new);
            case SYMBOL -> Arbitraries.strings().ascii().ofMaxLength(20).map(SymbolValue::new);
            case LIST, MAP, ARRAY, DESCRIBED -> throw new IllegalArgumentException(type + " is not a scalar");
        };
        return a.map(v -> v);
    }

    static Arbitrary<AmqpValue> list(int depth) {
        return value(depth - 1).list().ofMaxSize(4).map(ListValue::new);
    }

    static Arbitrary<AmqpValue> map(int depth) {
        return Arbitraries.maps(value(depth - 1), value(depth - 1)).ofMaxSize(4).map(MapValue::new);
    }

    static Arbitrary<AmqpValue> described(int depth) {
        return Combinators.combine(descriptor(), value(depth - 1)).as(DescribedValue::new);
    }

    static Arbitrary<AmqpValue> descriptor() {
        return Arbitraries.oneOf(scalar(AmqpType.ULONG), scalar(AmqpType.SYMBOL));
    }

    /** An array of any element type; arrays of lists, maps and arrays nest one level less deep. */
    static Arbitrary<AmqpValue> array(int depth) {
        List<AmqpType> elementTypes = new ArrayList<>(SCALARS);
        if (depth > 1) elementTypes.addAll(List.of(AmqpType.LIST, AmqpType.MAP, AmqpType.ARRAY));
        return Arbitraries.of(elementTypes).flatMap(t -> Combinators.combine(
                        descriptor().injectNull(0.3),
                        element(t, depth - 1).list().ofMaxSize(4))
                .as((descriptor, elements) -> new ArrayValue(t, descriptor, elements)));
    }

    private static Arbitrary<AmqpValue> element(AmqpType t, int depth) {
        return switch (t) {
            case LIST -> list(depth);
            case MAP -> map(depth);
            case ARRAY -> array(depth);
            default -> scalar(t);
        };
    }

    static Arbitrary<Message> messages() {
        return Combinators.combine(
                header().injectNull(0.3),
                annotations().map(DeliveryAnnotations::new).injectNull(0.6),
                annotations().map(MessageAnnotations::new).injectNull(0.5),
                properties().injectNull(0.3),
                applicationProperties().injectNull(0.4),
                body().injectNull(0.1),
                annotations().map(Footer::new).injectNull(0.6)).as(Message::new);
    }

    static Arbitrary<Header> header() {
        return Combinators.combine(
                Arbitraries.of(true, false).injectNull(0.3),
                Arbitraries.integers().between(0, 255).injectNull(0.3),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).injectNull(0.3),
                Arbitraries.of(true, false).injectNull(0.3),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).injectNull(0.3)).as(Header::new);
    }

    static Arbitrary<MapValue> annotations() {
        return Arbitraries.maps(descriptor(), value(1)).ofMaxSize(3).map(MapValue::new);
    }

    static Arbitrary<AmqpValue> messageId() {
        return Arbitraries.of(AmqpType.ULONG, AmqpType.UUID, AmqpType.BINARY, AmqpType.STRING).flatMap(JsonValueArbitraries::scalar);
    }

    static Arbitrary<Properties> properties() {
        Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(12).injectNull(0.5);
        Arbitrary<String> symbols = Arbitraries.strings().ascii().ofMaxLength(12).injectNull(0.5);
        Arbitrary<AmqpValue> addresses = Arbitraries.strings().ofMaxLength(12).map(a -> (AmqpValue) new StringValue(a)).injectNull(0.5);
        Arbitrary<Long> times = longs().injectNull(0.5);
        return Combinators.combine(messageId().injectNull(0.5),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(BinaryValue::of).injectNull(0.5),
                        addresses, strings, addresses, messageId().injectNull(0.5), symbols, symbols)
                .flatAs((id, user, to, subject, replyTo, correlation, type, encoding) -> Combinators.combine(
                                times, times, strings, Arbitraries.longs().between(0, 0xFFFF_FFFFL).injectNull(0.5), strings)
                        .as((expiry, creation, group, sequence, replyToGroup) -> new Properties(id, user, to, subject,
                                replyTo, correlation, type, encoding, expiry, creation, group, sequence, replyToGroup)));
    }

    static Arbitrary<ApplicationProperties> applicationProperties() {
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(8).map(k -> (AmqpValue) new StringValue(k)), scalar())
                .ofMaxSize(4).map(m -> new ApplicationProperties(new MapValue(m)));
    }

    static Arbitrary<Body> body() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(b -> new Data(BinaryValue.of(b)))
                        .list().ofMinSize(1).ofMaxSize(3).map(Body.DataBody::new),
                value(1).list().ofMaxSize(3).map(AmqpSequence::new)
                        .list().ofMinSize(1).ofMaxSize(3).map(Body.SequenceBody::new),
                value(2).map(v -> new Body.ValueBody(new AmqpValueSection(v))));
    }
}
