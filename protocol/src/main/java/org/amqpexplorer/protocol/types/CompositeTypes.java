package org.amqpexplorer.protocol.types;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Described;
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
            composite(SaslOutcome.class, 0x44, "amqp:sasl-outcome:list"),
            // 3.4 delivery states
            composite(Received.class, 0x23, "amqp:received:list"),
            composite(Accepted.class, 0x24, "amqp:accepted:list"),
            composite(Rejected.class, 0x25, "amqp:rejected:list"),
            composite(Released.class, 0x26, "amqp:released:list"),
            composite(Modified.class, 0x27, "amqp:modified:list"),
            // 3.5 addressing
            composite(Source.class, 0x28, "amqp:source:list"),
            composite(Target.class, 0x29, "amqp:target:list"),
            composite(LifetimePolicy.DeleteOnClose.class, 0x2b, "amqp:delete-on-close:list"),
            composite(LifetimePolicy.DeleteOnNoLinks.class, 0x2c, "amqp:delete-on-no-links:list"),
            composite(LifetimePolicy.DeleteOnNoMessages.class, 0x2d, "amqp:delete-on-no-messages:list"),
            composite(LifetimePolicy.DeleteOnNoLinksOrMessages.class, 0x2e, "amqp:delete-on-no-links-or-messages:list"),
            // 3.2 message sections
            composite(Header.class, 0x70, "amqp:header:list"),
            section(DeliveryAnnotations.class, 0x71, "amqp:delivery-annotations:map"),
            section(MessageAnnotations.class, 0x72, "amqp:message-annotations:map"),
            composite(Properties.class, 0x73, "amqp:properties:list"),
            section(ApplicationProperties.class, 0x74, "amqp:application-properties:map"),
            section(Data.class, 0x75, "amqp:data:binary"),
            section(AmqpSequence.class, 0x76, "amqp:amqp-sequence:list"),
            section(AmqpValueSection.class, 0x77, "amqp:amqp-value:*"),
            section(Footer.class, 0x78, "amqp:footer:map"),
            // 4.5 transactions
            composite(Coordinator.class, 0x30, "amqp:coordinator:list"),
            composite(Declare.class, 0x31, "amqp:declare:list"),
            composite(Discharge.class, 0x32, "amqp:discharge:list"),
            composite(Declared.class, 0x33, "amqp:declared:list"),
            composite(TransactionalState.class, 0x34, "amqp:transactional-state:list"));

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
    public static final DescribedTypes DESCRIBED_TYPES = new DescribedTypes() {
        @Override
        public Described toTyped(AmqpValue descriptor, AmqpValue described) {
            CompositeType<?> t = byDescriptor(descriptor);
            return t == null ? null : t.fromValue(described);
        }

        @Override
        public Described read(long code, Decoder decoder) {
            CompositeType<?> t = byCode(code);
            return t == null ? null : t.read(decoder);
        }
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
