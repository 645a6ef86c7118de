package org.amqpexplorer.protocol.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UShortValue;

/**
 * Converts one field between its wire value and its Java representation in the records. One instance per
 * kind of field, chosen from the field's spec type: every composite is encoded and decoded by these.
 */
sealed interface FieldCodec {

    /** The Java type of the record component holding the field. */
    Class<?> javaType();

    /** The Java value of a present (non-null) wire value; throws DecodeException naming what was expected. */
    Object decode(AmqpValue v);

    /** Writes a non-null Java value; throws IllegalArgumentException if it is out of the type's range. */
    void write(Encoder e, Object o);

    /** The wire value of a non-null Java value. */
    AmqpValue toValue(Object o);

    /** The Java value of a default as the spec writes it. */
    Object parseDefault(String text);

    /** Restricted types of the spec that are another type by another name. */
    Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("handle", "uint"), Map.entry("seconds", "uint"), Map.entry("milliseconds", "uint"),
            Map.entry("sequence-no", "uint"), Map.entry("delivery-number", "uint"),
            Map.entry("transfer-number", "uint"), Map.entry("message-format", "uint"),
            Map.entry("delivery-tag", "binary"), Map.entry("ietf-language-tag", "symbol"),
            Map.entry("fields", "map"), Map.entry("annotations", "map"), Map.entry("filter-set", "map"),
            Map.entry("node-properties", "map"));

    /** Restricted types with choices, and their enums. */
    Map<String, Class<? extends Choice>> CHOICES = Map.of(
            "role", Role.class, "sender-settle-mode", SenderSettleMode.class,
            "receiver-settle-mode", ReceiverSettleMode.class, "terminus-durability", TerminusDurability.class,
            "terminus-expiry-policy", TerminusExpiryPolicy.class, "sasl-code", SaslCode.class);

    /**
     * The codec for a field of spec type {@code type}.
     *
     * @param composites the composite types by spec name, for fields typed as one (e.g. {@code error})
     */
    static FieldCodec of(String type, boolean multiple, Map<String, Class<? extends Composite>> composites) {
        String t = ALIASES.getOrDefault(type, type);
        if (multiple) {
            if (t.equals("symbol")) return Primitive.SYMBOLS;
            throw new IllegalArgumentException("multiple " + type + " fields are not supported");
        }
        if (t.equals("*")) return Primitive.ANY;
        Class<? extends Choice> choice = CHOICES.get(t);
        if (choice != null) return new ChoiceCodec(t, choice);
        Class<? extends Composite> composite = composites.get(t);
        if (composite != null) return new CompositeCodec(t, composite);
        for (Primitive p : Primitive.values()) {
            if (p.specName.equals(t)) return p;
        }
        throw new IllegalArgumentException("unknown field type " + type);
    }

    static DecodeException mismatch(String expected, AmqpValue got) {
        return new DecodeException("expected " + expected + ", got " + describe(got));
    }

    /** What a value is, for error messages: its type, or its composite's name. */
    static String describe(AmqpValue v) {
        return switch (v) {
            case Composite c -> c.compositeType().name();
            case Described d -> "described value with descriptor " + d.descriptor();
            default -> v.type().specName();
        };
    }

    enum Primitive implements FieldCodec {
        BOOLEAN("boolean", Boolean.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof BooleanValue b) return b.value();
                throw mismatch("boolean", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeBoolean((Boolean) o); }
            @Override public AmqpValue toValue(Object o) { return BooleanValue.of((Boolean) o); }
            @Override public Object parseDefault(String text) {
                if (!text.equals("true") && !text.equals("false")) throw new IllegalArgumentException("not a boolean: " + text);
                return Boolean.valueOf(text);
            }
        },
        UBYTE("ubyte", Integer.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof UByteValue u) return u.value();
                throw mismatch("ubyte", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeUByte(range((Integer) o, 0xFF)); }
            @Override public AmqpValue toValue(Object o) { return new UByteValue((Integer) o); }
            @Override public Object parseDefault(String text) { return range(Integer.parseInt(text), 0xFF); }
        },
        USHORT("ushort", Integer.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof UShortValue u) return u.value();
                throw mismatch("ushort", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeUShort(range((Integer) o, 0xFFFF)); }
            @Override public AmqpValue toValue(Object o) { return new UShortValue((Integer) o); }
            @Override public Object parseDefault(String text) { return range(Integer.parseInt(text), 0xFFFF); }
        },
        UINT("uint", Long.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof UIntValue u) return u.value();
                throw mismatch("uint", v);
            }
            @Override public void write(Encoder e, Object o) {
                long l = (Long) o;
                if (l < 0 || l > 0xFFFF_FFFFL) throw new IllegalArgumentException("uint out of range: " + l);
                e.writeUInt(l);
            }
            @Override public AmqpValue toValue(Object o) { return new UIntValue((Long) o); }
            @Override public Object parseDefault(String text) { return new UIntValue(Long.parseLong(text)).value(); }
        },
        ULONG("ulong", Long.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof ULongValue u) return u.value();
                throw mismatch("ulong", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeULong((Long) o); }
            @Override public AmqpValue toValue(Object o) { return new ULongValue((Long) o); }
            @Override public Object parseDefault(String text) { return Long.parseUnsignedLong(text); }
        },
        TIMESTAMP("timestamp", Long.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof TimestampValue t) return t.millis();
                throw mismatch("timestamp", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeTimestamp((Long) o); }
            @Override public AmqpValue toValue(Object o) { return new TimestampValue((Long) o); }
        },
        STRING("string", String.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof StringValue s) return s.value();
                throw mismatch("string", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeString((String) o); }
            @Override public AmqpValue toValue(Object o) { return new StringValue((String) o); }
        },
        SYMBOL("symbol", String.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof SymbolValue s) return s.value();
                throw mismatch("symbol", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeSymbol(ascii((String) o)); }
            @Override public AmqpValue toValue(Object o) { return new SymbolValue((String) o); }
        },
        /**
         * A multiple symbol field: accepts a single symbol or an array of symbols; always written as an array
         * (also for one element), as Proton does, so a decoded single symbol re-encodes differently.
         */
        SYMBOLS("symbol", List.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof SymbolValue s) return List.of(s.value());
                if (v instanceof ArrayValue a && a.elementType() == AmqpType.SYMBOL && a.descriptor() == null) {
                    List<String> l = new ArrayList<>(a.size());
                    for (AmqpValue s : a.elements()) l.add(((SymbolValue) s).value());
                    return List.copyOf(l);
                }
                throw mismatch("symbol or array of symbol", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeArray((ArrayValue) toValue(o)); }
            @Override public AmqpValue toValue(Object o) {
                List<?> l = (List<?>) o;
                List<AmqpValue> symbols = new ArrayList<>(l.size());
                for (Object s : l) symbols.add(new SymbolValue((String) s));
                return new ArrayValue(AmqpType.SYMBOL, symbols);
            }
        },
        BINARY("binary", BinaryValue.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof BinaryValue b) return b;
                throw mismatch("binary", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeBinary((BinaryValue) o); }
            @Override public AmqpValue toValue(Object o) { return (BinaryValue) o; }
        },
        MAP("map", MapValue.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof MapValue m) return m;
                throw mismatch("map", v);
            }
            @Override public void write(Encoder e, Object o) { e.writeMap(((MapValue) o).entries()); }
            @Override public AmqpValue toValue(Object o) { return (MapValue) o; }
        },
        LIST("list", List.class) {
            @Override public Object decode(AmqpValue v) {
                if (v instanceof ListValue l) return l.elements();
                throw mismatch("list", v);
            }
            @SuppressWarnings("unchecked")
            @Override public void write(Encoder e, Object o) { e.writeList((List<AmqpValue>) o); }
            @SuppressWarnings("unchecked")
            @Override public AmqpValue toValue(Object o) { return new ListValue((List<AmqpValue>) o); }
        },
        /** {@code *}: any value, kept as decoded (known composites already typed by the decoder). */
        ANY("*", AmqpValue.class) {
            @Override public Object decode(AmqpValue v) { return v; }
            @Override public void write(Encoder e, Object o) { e.writeValue((AmqpValue) o); }
            @Override public AmqpValue toValue(Object o) { return (AmqpValue) o; }
        };

        final String specName;
        private final Class<?> javaType;

        Primitive(String specName, Class<?> javaType) {
            this.specName = specName;
            this.javaType = javaType;
        }

        @Override
        public Class<?> javaType() {
            return javaType;
        }

        @Override
        public Object parseDefault(String text) {
            throw new IllegalArgumentException(specName + " fields have no defaults in the spec: " + text);
        }

        static int range(int v, int max) {
            if (v < 0 || v > max) throw new IllegalArgumentException("value out of range 0.." + max + ": " + v);
            return v;
        }

        static String ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0x7F) throw new IllegalArgumentException("symbol is not ASCII: " + s);
            }
            return s;
        }
    }

    /** A restricted type with choices, held as its enum. */
    record ChoiceCodec(String specName, Class<? extends Choice> javaType, AmqpType wireType,
                       Map<AmqpValue, Choice> byValue, Map<String, Choice> byName) implements FieldCodec {

        ChoiceCodec(String specName, Class<? extends Choice> javaType) {
            this(specName, javaType, javaType.getEnumConstants()[0].value().type(), new HashMap<>(), new HashMap<>());
            for (Choice c : javaType.getEnumConstants()) {
                byValue.put(c.value(), c);
                byName.put(c.choiceName(), c);
            }
        }

        @Override
        public Object decode(AmqpValue v) {
            if (v.type() != wireType) throw mismatch(specName + " (" + wireType.specName() + ")", v);
            Choice c = byValue.get(v);
            if (c == null) throw new DecodeException(valueText(v) + " is not a valid " + specName);
            return c;
        }

        private static String valueText(AmqpValue v) {
            return switch (v) {
                case UByteValue u -> String.valueOf(u.value());
                case UIntValue u -> String.valueOf(u.value());
                case SymbolValue s -> s.value();
                default -> v.toString();
            };
        }

        @Override
        public void write(Encoder e, Object o) {
            e.writeValue(((Choice) o).value());
        }

        @Override
        public AmqpValue toValue(Object o) {
            return ((Choice) o).value();
        }

        @Override
        public Object parseDefault(String text) {
            Choice c = byName.get(text);
            if (c == null) throw new IllegalArgumentException(text + " is not a choice of " + specName);
            return c;
        }
    }

    /** A field whose type is a composite (e.g. {@code error}): the decoder has already made it that record. */
    record CompositeCodec(String specName, Class<? extends Composite> javaType) implements FieldCodec {
        @Override
        public Object decode(AmqpValue v) {
            if (javaType.isInstance(v)) return v;
            throw mismatch(specName, v);
        }

        @Override
        public void write(Encoder e, Object o) {
            ((Composite) o).encode(e);
        }

        @Override
        public AmqpValue toValue(Object o) {
            return (Composite) o;
        }

        @Override
        public Object parseDefault(String text) {
            throw new IllegalArgumentException(specName + " fields have no defaults: " + text);
        }
    }
}
