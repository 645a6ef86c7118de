package org.amqpexplorer.protocol.types;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.ByteValue;
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
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.DescribedType;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnknownDescribedType;
import org.apache.qpid.proton.amqp.UnsignedByte;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.UnsignedShort;

/**
 * Converts our composites to Proton-J's objects and back, field by field: each field of our table goes
 * through Proton's setter or getter of the same name ({@code max-frame-size} → {@code setMaxFrameSize}), its
 * value converted by the field's spec type. Sections that are restricted types use Proton's one-argument
 * constructor and {@code getValue()}.
 */
final class ProtonMapping {
    private static final Map<Class<?>, CompositeType<?>> OURS = new HashMap<>();
    private static final Map<CompositeType<?>, Class<?>> THEIRS = new HashMap<>();

    static {
        for (CompositeType<?> t : CompositeTypes.all()) {
            String simple = t.javaType().getSimpleName().replace("AmqpValueSection", "AmqpValue");
            Class<?> c = null;
            for (String pkg : List.of("messaging", "transport", "security", "transaction")) {
                try {
                    Class<?> candidate = Class.forName("org.apache.qpid.proton.amqp." + pkg + "." + simple);
                    if (!candidate.isInterface()) {
                        c = candidate;
                        break;
                    }
                } catch (ClassNotFoundException e) {
                    // not in this package: try the next
                }
            }
            if (c == null) throw new IllegalStateException("no Proton class for " + t.name());
            OURS.put(c, t);
            THEIRS.put(t, c);
        }
    }

    private ProtonMapping() {
    }

    static String camel(String specName, boolean upperFirst) {
        StringBuilder b = new StringBuilder();
        boolean up = upperFirst;
        for (char ch : specName.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    static String type(Field f) {
        return FieldCodec.ALIASES.getOrDefault(f.type(), f.type());
    }

    // ---- ours → Proton

    @SuppressWarnings("unchecked")
    static <T extends Composite> Object toProton(Composite value) {
        CompositeType<T> t = (CompositeType<T>) value.compositeType();
        Class<?> pc = THEIRS.get(t);
        try {
            if (!t.isList()) {
                Constructor<?> ctor = Arrays.stream(pc.getConstructors()).filter(k -> k.getParameterCount() == 1).findFirst().orElseThrow();
                return ctor.newInstance(field(t.fields().get(0), t.get((T) value, 0)));
            }
            Object p = instantiate(pc);
            for (Field f : t.fields()) {
                Object v = t.get((T) value, f.index());
                if (v == null) continue;
                String setter = "set" + camel(f.name(), true);
                Method m = Arrays.stream(pc.getMethods()).filter(x -> x.getName().equals(setter) && x.getParameterCount() == 1)
                        .findFirst().orElseThrow(() -> new IllegalStateException(pc + " has no " + setter));
                Object pv = field(f, v);
                if (m.getParameterTypes()[0].isEnum()) pv = enumOf(m.getParameterTypes()[0], ((Enum<?>) v).name());
                m.invoke(p, pv);
            }
            return p;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object instantiate(Class<?> pc) throws ReflectiveOperationException {
        for (Constructor<?> c : pc.getConstructors()) if (c.getParameterCount() == 0) return c.newInstance();
        return pc.getMethod("getInstance").invoke(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumOf(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    @SuppressWarnings("unchecked")
    private static Object field(Field f, Object v) {
        if (f.multiple()) return ((List<String>) v).stream().map(Symbol::valueOf).toArray(Symbol[]::new);
        return switch (type(f)) {
            case "uint" -> UnsignedInteger.valueOf((Long) v);
            case "ulong" -> UnsignedLong.valueOf((Long) v);
            case "ubyte" -> UnsignedByte.valueOf((byte) (int) (Integer) v);
            case "ushort" -> UnsignedShort.valueOf((short) (int) (Integer) v);
            case "timestamp" -> new Date((Long) v);
            case "symbol" -> Symbol.valueOf((String) v);
            case "list" -> ((List<AmqpValue>) v).stream().map(ProtonMapping::value).toList();
            case "binary", "map", "*", "error" -> value((AmqpValue) v);
            default -> v; // string, boolean; enums are mapped by name by the caller
        };
    }

    /** Any value as Proton holds it. */
    static Object value(AmqpValue v) {
        return switch (v) {
            case NullValue n -> null;
            case BooleanValue b -> b.value();
            case UByteValue u -> UnsignedByte.valueOf((byte) u.value());
            case UShortValue u -> UnsignedShort.valueOf((short) u.value());
            case UIntValue u -> UnsignedInteger.valueOf(u.value());
            case ULongValue u -> UnsignedLong.valueOf(u.value());
            case ByteValue b -> b.value();
            case ShortValue s -> s.value();
            case IntValue i -> i.value();
            case LongValue l -> l.value();
            case FloatValue f -> f.value();
            case DoubleValue d -> d.value();
            case TimestampValue t -> new Date(t.millis());
            case UuidValue u -> u.value();
            case BinaryValue b -> new Binary(b.toByteArray());
            case StringValue s -> s.value();
            case SymbolValue s -> Symbol.valueOf(s.value());
            case ListValue l -> new ArrayList<>(l.elements().stream().map(ProtonMapping::value).toList());
            case MapValue m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, x) -> out.put(value(k), value(x)));
                yield out;
            }
            case Composite c -> toProton(c);
            case DescribedValue d -> new UnknownDescribedType(value(d.descriptor()), value(d.described()));
            default -> throw new IllegalArgumentException("not generated for the Proton oracle: " + v);
        };
    }

    // ---- Proton → ours

    /** Our composite for a Proton object of one of the spec's types. */
    static Composite fromProton(Object p) {
        CompositeType<?> t = OURS.get(p.getClass());
        if (t == null) throw new IllegalArgumentException("not a Proton composite: " + p.getClass());
        try {
            Object[] values = new Object[t.fields().size()];
            for (Field f : t.fields()) {
                Method getter = getter(p.getClass(), t.isList() ? camel(f.name(), true) : "Value");
                Object v = getter.invoke(p);
                // an amqp-value section's value may be null itself
                values[f.index()] = v == null && t.isList() ? null : fieldOf(f, v);
            }
            return t.create(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method getter(Class<?> c, String name) throws NoSuchMethodException {
        try {
            return c.getMethod("get" + name);
        } catch (NoSuchMethodException e) {
            return c.getMethod("is" + name);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fieldOf(Field f, Object v) {
        if (f.multiple()) return Arrays.stream((Symbol[]) v).map(Symbol::toString).toList();
        Class<? extends Choice> choice = FieldCodec.CHOICES.get(type(f));
        if (choice != null) return Enum.valueOf((Class) choice, ((Enum<?>) v).name());
        return switch (type(f)) {
            case "uint" -> ((UnsignedInteger) v).longValue();
            case "ulong" -> ((UnsignedLong) v).longValue();
            case "ubyte" -> ((UnsignedByte) v).intValue();
            case "ushort" -> ((UnsignedShort) v).intValue();
            case "timestamp" -> ((Date) v).getTime();
            case "symbol" -> v.toString();
            case "list" -> ((List<Object>) v).stream().map(ProtonMapping::valueOf).toList();
            case "binary", "map", "*", "error" -> valueOf(v);
            default -> v;
        };
    }

    /** Any Proton value as ours. */
    static AmqpValue valueOf(Object v) {
        return switch (v) {
            case null -> NullValue.NULL;
            case Boolean b -> BooleanValue.of(b);
            case UnsignedByte u -> new UByteValue(u.intValue());
            case UnsignedShort u -> new UShortValue(u.intValue());
            case UnsignedInteger u -> new UIntValue(u.longValue());
            case UnsignedLong u -> new ULongValue(u.longValue());
            case Byte b -> new ByteValue(b);
            case Short s -> new ShortValue(s);
            case Integer i -> new IntValue(i);
            case Long l -> new LongValue(l);
            case Float f -> new FloatValue(f);
            case Double d -> new DoubleValue(d);
            case Date d -> new TimestampValue(d.getTime());
            case UUID u -> new UuidValue(u);
            case Binary b -> BinaryValue.of(b.getArray(), b.getArrayOffset(), b.getLength());
            case String s -> new StringValue(s);
            case Symbol s -> new SymbolValue(s.toString());
            case List<?> l -> new ListValue(l.stream().map(ProtonMapping::valueOf).toList());
            case Map<?, ?> m -> {
                Map<AmqpValue, AmqpValue> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(valueOf(k), valueOf(x)));
                yield new MapValue(out);
            }
            case Object o when OURS.containsKey(o.getClass()) -> fromProton(o);
            case DescribedType d -> new DescribedValue(valueOf(d.getDescriptor()), valueOf(d.getDescribed()));
            default -> throw new IllegalArgumentException("unexpected Proton value " + v.getClass());
        };
    }

    // ---- comparing: the spec's defaults are what an absent field means, and Proton fills some in

    /** The value with every absent field that has a default set to it, throughout. */
    @SuppressWarnings("unchecked")
    static <T extends Composite> Composite withDefaults(Composite c) {
        CompositeType<T> t = (CompositeType<T>) c.compositeType();
        Object[] values = new Object[t.fields().size()];
        for (Field f : t.fields()) {
            Object v = t.effective((T) c, f.index());
            values[f.index()] = v instanceof Composite inner ? withDefaults(inner) : v;
        }
        return t.create(values);
    }
}
