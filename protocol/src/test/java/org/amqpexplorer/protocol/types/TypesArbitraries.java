package org.amqpexplorer.protocol.types;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
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

/**
 * Random composites, built from the field tables, and messages. With {@code protonSafe}, only values Proton-J
 * represents without loss (no char, decimals or arrays inside maps; addresses as strings; txn-ids as binary).
 */
final class TypesArbitraries {
    private final boolean protonSafe;

    private TypesArbitraries(boolean protonSafe) {
        this.protonSafe = protonSafe;
    }

    static final TypesArbitraries ALL = new TypesArbitraries(false);
    static final TypesArbitraries PROTON_SAFE = new TypesArbitraries(true);

    static Arbitrary<String> strings() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ß', '€', '中').ofMaxLength(12);
    }

    static Arbitrary<String> symbols() {
        return Arbitraries.strings().withCharRange('!', '~').ofMaxLength(12);
    }

    static Arbitrary<BinaryValue> binaries() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(BinaryValue::wrap);
    }

    static Arbitrary<UuidValue> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((m, l) -> new UuidValue(new UUID(m, l)));
    }

    static Arbitrary<Long> uints() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL).edgeCases(c -> c.add(0L, 0xFFL, 0x100L, 0xFFFF_FFFFL));
    }

    /** Scalars of every AMQP type (or Proton's subset). */
    Arbitrary<AmqpValue> scalars() {
        List<Arbitrary<? extends AmqpValue>> a = new ArrayList<>(List.of(
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE),
                Arbitraries.integers().between(0, 0xFF).map(UByteValue::new),
                Arbitraries.integers().between(0, 0xFFFF).map(UShortValue::new),
                uints().map(UIntValue::new),
                Arbitraries.longs().map(ULongValue::new),
                Arbitraries.bytes().map(ByteValue::new),
                Arbitraries.shorts().map(ShortValue::new),
                Arbitraries.integers().map(IntValue::new),
                Arbitraries.longs().map(LongValue::new),
                Arbitraries.floats().map(FloatValue::new),
                Arbitraries.doubles().map(DoubleValue::new),
                Arbitraries.longs().map(TimestampValue::new),
                uuids(),
                binaries(),
                strings().map(StringValue::new),
                symbols().map(SymbolValue::new)));
        if (!protonSafe) {
            a.add(Arbitraries.integers().map(Decimal32Value::new));
            a.add(Arbitraries.longs().map(Decimal64Value::new));
            a.add(Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Decimal128Value::new));
            a.add(Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                    .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE).map(CharValue::new));
            a.add(Arbitraries.integers().list().ofMaxSize(4).map(l -> new ArrayValue(AmqpType.INT,
                    l.stream().<AmqpValue>map(IntValue::new).toList())));
            a.add(symbols().list().ofMaxSize(3).map(l -> new ArrayValue(AmqpType.SYMBOL,
                    l.stream().<AmqpValue>map(SymbolValue::new).toList())));
        }
        return Arbitraries.oneOf(a);
    }

    /** Any value: scalars, lists, maps and (unknown) described values, nested up to {@code depth}. */
    Arbitrary<AmqpValue> values(int depth) {
        if (depth == 0) return Arbitraries.frequencyOf(
                Tuple.of(10, scalars()), Tuple.of(1, Arbitraries.just(NullValue.NULL)));
        Arbitrary<AmqpValue> inner = values(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(8, values(0)),
                Tuple.of(1, inner.list().ofMaxSize(3).map(ListValue::new)),
                Tuple.of(1, maps(inner)),
                Tuple.of(1, Combinators.combine(
                        Arbitraries.oneOf(symbols().map(s -> new SymbolValue("x:" + s)),
                                Arbitraries.longs().greaterOrEqual(0x1000).map(ULongValue::new)), inner)
                        .as(DescribedValue::new)),
                Tuple.of(1, Arbitraries.of(Accepted.INSTANCE, new ErrorCondition("x", null, null))));
    }

    Arbitrary<MapValue> maps(Arbitrary<AmqpValue> values) {
        return maps(Arbitraries.oneOf(symbols().map(SymbolValue::new), scalars()), values);
    }

    static Arbitrary<MapValue> maps(Arbitrary<? extends AmqpValue> keys, Arbitrary<AmqpValue> values) {
        return Arbitraries.maps(keys.map(k -> (AmqpValue) k), values).ofMaxSize(3).map(MapValue::new);
    }

    /** The keys the spec gives a map type (Proton insists on them): symbols, or strings for application-properties. */
    private Arbitrary<? extends AmqpValue> keys(String specType, CompositeType<?> owner) {
        if (owner.javaType() == ApplicationProperties.class) return strings().map(StringValue::new);
        if (specType.equals("map")) return Arbitraries.oneOf(symbols().map(SymbolValue::new), scalars());
        return symbols().map(SymbolValue::new);
    }

    Arbitrary<AmqpValue> nonNullValues() {
        return values(2).filter(v -> v != NullValue.NULL);
    }

    /** Random values of a composite type, from its field table; absent optional fields included. */
    @SuppressWarnings("unchecked")
    <T extends Composite> Arbitrary<T> of(CompositeType<T> type) {
        List<Arbitrary<Object>> fields = new ArrayList<>();
        for (Field f : type.fields()) {
            Arbitrary<Object> a = (Arbitrary<Object>) field(type, f);
            fields.add(f.mandatory() || !type.isList() ? a : a.injectNull(0.3));
        }
        if (fields.isEmpty()) return Arbitraries.just(type.create());
        return Combinators.combine(fields).as(values -> type.create(values.toArray()));
    }

    Arbitrary<Composite> anyComposite() {
        return Arbitraries.of(CompositeTypes.all()).flatMap(t -> of(t).map(c -> (Composite) c));
    }

    private Arbitrary<?> field(CompositeType<?> type, Field f) {
        String t = FieldCodec.ALIASES.getOrDefault(f.type(), f.type());
        if (f.multiple()) {
            // Proton writes a coordinator's empty capabilities as absent
            int min = protonSafe && type.javaType() == Coordinator.class ? 1 : 0;
            return symbols().list().ofMinSize(min).ofMaxSize(3);
        }
        Class<? extends Choice> choice = FieldCodec.CHOICES.get(t);
        if (choice != null) return Arbitraries.of(choice.getEnumConstants());
        return switch (t) {
            case "boolean" -> Arbitraries.of(true, false);
            case "ubyte" -> Arbitraries.integers().between(0, 0xFF);
            case "ushort" -> Arbitraries.integers().between(0, 0xFFFF);
            case "uint" -> uints();
            case "ulong", "timestamp" -> Arbitraries.longs();
            case "string" -> strings();
            case "symbol" -> symbols();
            case "binary" -> binaries();
            case "map" -> maps(protonSafe ? keys(f.type(), type) : Arbitraries.oneOf(symbols().map(SymbolValue::new), scalars()), values(1));
            case "list" -> values(1).list().ofMaxSize(3);
            case "error" -> of(CompositeTypes.of(ErrorCondition.class));
            case "*" -> type.isList() ? any(f.requires()) : values(2);
            default -> throw new IllegalArgumentException("no arbitrary for " + f);
        };
    }

    /** A {@code *} field's value: what the archetype it requires provides. */
    private Arbitrary<? extends AmqpValue> any(String requires) {
        if (requires == null) return nonNullValues();
        return switch (requires) {
            case "delivery-state" -> Arbitraries.oneOf(outcomes(), of(CompositeTypes.of(Received.class)),
                    of(CompositeTypes.of(TransactionalState.class)));
            case "outcome" -> outcomes();
            case "source" -> of(CompositeTypes.of(Source.class));
            case "target" -> Arbitraries.oneOf(of(CompositeTypes.of(Target.class)), of(CompositeTypes.of(Coordinator.class)));
            case "address" -> protonSafe ? strings().map(StringValue::new) : nonNullValues();
            case "message-id" -> Arbitraries.oneOf(Arbitraries.longs().map(ULongValue::new),
                    uuids(), binaries(), strings().map(StringValue::new));
            case "txn-id" -> binaries();
            case "global-tx-id" -> protonSafe ? Arbitraries.<AmqpValue>just(null) : binaries();
            default -> throw new IllegalArgumentException("no arbitrary for values providing " + requires);
        };
    }

    private Arbitrary<? extends AmqpValue> outcomes() {
        return Arbitraries.oneOf(Arbitraries.of(Accepted.INSTANCE, Released.INSTANCE),
                of(CompositeTypes.of(Rejected.class)), of(CompositeTypes.of(Modified.class)),
                of(CompositeTypes.of(Declared.class)));
    }

    Arbitrary<Body> bodies() {
        return Arbitraries.oneOf(
                of(CompositeTypes.of(Data.class)).list().ofMinSize(1).ofMaxSize(3).map(Body.DataBody::new),
                of(CompositeTypes.of(AmqpSequence.class)).list().ofMinSize(1).ofMaxSize(3).map(Body.SequenceBody::new),
                of(CompositeTypes.of(AmqpValueSection.class)).map(Body.ValueBody::new));
    }

    Arbitrary<Message> messages() {
        return Combinators.combine(
                of(CompositeTypes.of(Header.class)).injectNull(0.3),
                of(CompositeTypes.of(DeliveryAnnotations.class)).injectNull(0.3),
                of(CompositeTypes.of(MessageAnnotations.class)).injectNull(0.3),
                of(CompositeTypes.of(Properties.class)).injectNull(0.3),
                of(CompositeTypes.of(ApplicationProperties.class)).injectNull(0.3),
                bodies().injectNull(0.1),
                of(CompositeTypes.of(Footer.class)).injectNull(0.3)).as(Message::new);
    }
}
