package org.amqpexplorer.protocol.types;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.ULongValue;

/** Every described type of the spec this package models, by descriptor and by Java type. */
public final class CompositeTypes {

    private record Entry(Class<? extends Composite> type, long code, String symbol, boolean list) {
    }

    private static Entry composite(Class<? extends Composite> type, long code, String symbol) {
        return new Entry(type, code, symbol, true);
    }

    /** A restricted type with a descriptor (a message section other than header and properties). */
    private static Entry section(Class<? extends Composite> type, long code, String symbol) {
        return new Entry(type, code, symbol, false);
    }

    private static final List<Entry> ENTRIES = List.of(
            // 2.7 performatives
            composite(Open.class, 0x10, "amqp:open:list"),
            composite(Begin.class, 0x11, "amqp:begin:list"),
            composite(Attach.class, 0x12, "amqp:attach:list"),
            composite(Flow.class, 0x13, "amqp:flow:list"),
            composite(Transfer.class, 0x14, "amqp:transfer:list"),
            composite(Disposition.class, 0x15, "amqp:disposition:list"),
            composite(Detach.class, 0x16, "amqp:detach:list"),
            composite(End.class, 0x17, "amqp:end:list"),
            composite(Close.class, 0x18, "amqp:close:list"),
            // 2.8.14
            composite(ErrorCondition.class, 0x1d, "amqp:error:list"),
            // 5.3.3 SASL frames
            composite(SaslMechanisms.class, 0x40, "amqp:sasl-mechanisms:list"),
            composite(SaslInit.class, 0x41, "amqp:sasl-init:list"),
            composite(SaslChallenge.class, 0x42, "amqp:sasl-challenge:list"),
            composite(SaslResponse.class, 0x43, "amqp:sasl-response:list"),
            composite(SaslOutcome.class, 0x44, "amqp:sasl-outcome:list"));

    private static final List<CompositeType<?>> ALL;
    private static final Map<String, CompositeType<?>> BY_SYMBOL = new HashMap<>();
    private static final CompositeType<?>[] BY_CODE = new CompositeType<?>[0x100];
    private static final Map<Class<?>, CompositeType<?>> BY_CLASS = new HashMap<>();
    private static final ClassValue<CompositeType<?>> CLASS_VALUE = new ClassValue<>() {
        @Override
        protected CompositeType<?> computeValue(Class<?> type) {
            return BY_CLASS.get(type);
        }
    };

    static {
        Map<String, Class<? extends Composite>> byName = new LinkedHashMap<>();
        for (Entry e : ENTRIES) byName.put(e.symbol.split(":")[1], e.type);
        ALL = ENTRIES.stream().<CompositeType<?>>map(e -> create(e, byName)).toList();
        for (CompositeType<?> t : ALL) {
            BY_SYMBOL.put(t.descriptorSymbol(), t);
            BY_CODE[(int) t.descriptorCode()] = t;
            BY_CLASS.put(t.javaType(), t);
        }
    }

    private static <T extends Composite> CompositeType<T> create(Entry e, Map<String, Class<? extends Composite>> byName) {
        @SuppressWarnings("unchecked") Class<T> type = (Class<T>) e.type;
        return new CompositeType<>(type, e.code, e.symbol, e.list, byName);
    }

    /**
     * Turns every described value whose descriptor (numeric or symbolic) is one of these types into its
     * record; for a decoder: {@code new Decoder(bytes, CompositeTypes.DESCRIBED_TYPES)}.
     */
    public static final DescribedTypes DESCRIBED_TYPES = (descriptor, described) -> {
        CompositeType<?> t = byDescriptor(descriptor);
        return t == null ? null : t.fromValue(described);
    };

    private CompositeTypes() {
    }

    public static List<CompositeType<?>> all() {
        return ALL;
    }

    /** The type with this numeric descriptor, or null. */
    public static CompositeType<?> byCode(long code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }

    /** The type with this symbolic descriptor (e.g. {@code amqp:open:list}), or null. */
    public static CompositeType<?> bySymbol(String symbol) {
        return BY_SYMBOL.get(symbol);
    }

    /** The type a descriptor value (ulong or symbol) names, or null. */
    public static CompositeType<?> byDescriptor(AmqpValue descriptor) {
        return switch (descriptor) {
            case ULongValue u -> byCode(u.value());
            case SymbolValue s -> bySymbol(s.value());
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    public static <T extends Composite> CompositeType<T> of(Class<T> type) {
        CompositeType<?> t = CLASS_VALUE.get(type);
        if (t == null) throw new IllegalArgumentException(type + " is not a composite type");
        return (CompositeType<T>) t;
    }
}
