package org.amqpexplorer.protocol.types;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
import org.amqpexplorer.protocol.codec.Decoder;
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
 *
 * <p>Each kind's writer and reader are also method handles ({@link #writer()}, {@link #reader()}), from which
 * {@link CompositeType} builds one encoding and one decoding handle per composite.
 */
final class FieldCodec {

    /** What a field holds, and so how it is read and written. */
    enum Kind { BOOLEAN, UBYTE, USHORT, UINT, ULONG, TIMESTAMP, STRING, SYMBOL, SYMBOLS, BINARY, MAP, LIST, ANY, CHOICE, COMPOSITE }

    /** Restricted types of the spec that are another type by another name. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("handle", "uint"), Map.entry("seconds", "uint"), Map.entry("milliseconds", "uint"),
            Map.entry("sequence-no", "uint"), Map.entry("delivery-number", "uint"),
            Map.entry("transfer-number", "uint"), Map.entry("message-format", "uint"),
            Map.entry("delivery-tag", "binary"), Map.entry("ietf-language-tag", "symbol"),
            Map.entry("fields", "map"), Map.entry("annotations", "map"), Map.entry("filter-set", "map"),
            Map.entry("node-properties", "map"));

    /** Restricted types with choices, and their enums. */
    static final Map<String, Class<? extends Choice>> CHOICES = Map.of(
            "role", Role.class, "sender-settle-mode", SenderSettleMode.class,
            "receiver-settle-mode", ReceiverSettleMode.class, "terminus-durability", TerminusDurability.class,
            "terminus-expiry-policy", TerminusExpiryPolicy.class, "sasl-code", SaslCode.class);

    private static final FieldCodec BOOLEAN = new FieldCodec(Kind.BOOLEAN, "boolean", Boolean.class);
    private static final FieldCodec UBYTE = new FieldCodec(Kind.UBYTE, "ubyte", Integer.class);
    private static final FieldCodec USHORT = new FieldCodec(Kind.USHORT, "ushort", Integer.class);
    private static final FieldCodec UINT = new FieldCodec(Kind.UINT, "uint", Long.class);
    private static final FieldCodec ULONG = new FieldCodec(Kind.ULONG, "ulong", Long.class);
    private static final FieldCodec TIMESTAMP = new FieldCodec(Kind.TIMESTAMP, "timestamp", Long.class);
    private static final FieldCodec STRING = new FieldCodec(Kind.STRING, "string", String.class);
    private static final FieldCodec SYMBOL = new FieldCodec(Kind.SYMBOL, "symbol", String.class);
    /**
     * A multiple symbol field: accepts a single symbol or an array of symbols; always written as an array
     * (also for one element), as Proton does, so a decoded single symbol re-encodes differently.
     */
    private static final FieldCodec SYMBOLS = new FieldCodec(Kind.SYMBOLS, "symbol", List.class);
    private static final FieldCodec BINARY = new FieldCodec(Kind.BINARY, "binary", BinaryValue.class);
    private static final FieldCodec MAP = new FieldCodec(Kind.MAP, "map", MapValue.class);
    private static final FieldCodec LIST = new FieldCodec(Kind.LIST, "list", List.class);
    /** {@code *}: any value, kept as decoded (known composites already typed by the decoder). */
    private static final FieldCodec ANY = new FieldCodec(Kind.ANY, "*", AmqpValue.class);

    private static final List<FieldCodec> PRIMITIVES =
            List.of(BOOLEAN, UBYTE, USHORT, UINT, ULONG, TIMESTAMP, STRING, SYMBOL, BINARY, MAP, LIST, ANY);

    private final Kind kind;
    private final String specName;
    private final Class<?> javaType;
    // choices only
    private final AmqpType wireType;
    private final Map<AmqpValue, Choice> byValue;
    private final Map<String, Choice> byName;
    /** Choices by their boolean, ubyte or uint value as an index (0 is false); null for symbol choices. */
    private final Choice[] byNumber;
    private final MethodHandle writer;
    private final MethodHandle reader;

    private FieldCodec(Kind kind, String specName, Class<?> javaType) {
        this(kind, specName, javaType, null, null, null, null);
    }

    private FieldCodec(Kind kind, String specName, Class<?> javaType, AmqpType wireType,
                       Map<AmqpValue, Choice> byValue, Map<String, Choice> byName, Choice[] byNumber) {
        this.kind = kind;
        this.specName = specName;
        this.javaType = javaType;
        this.wireType = wireType;
        this.byValue = byValue;
        this.byName = byName;
        this.byNumber = byNumber;
        this.writer = writerOf(writerName(kind, wireType));
        this.reader = readerOf(kind);
    }

    /** A restricted type with choices, held as its enum. */
    private static FieldCodec choice(String specName, Class<? extends Choice> javaType) {
        Choice[] choices = javaType.getEnumConstants();
        AmqpType wireType = choices[0].value().type();
        Map<AmqpValue, Choice> byValue = new HashMap<>();
        Map<String, Choice> byName = new HashMap<>();
        List<Choice> byNumber = new ArrayList<>();
        for (Choice c : choices) {
            byValue.put(c.value(), c);
            byName.put(c.choiceName(), c);
            int n = switch (c.value()) {
                case BooleanValue b -> b.value() ? 1 : 0;
                case UByteValue u -> u.value();
                case UIntValue u -> (int) u.value();
                default -> -1;
            };
            if (n >= 0) {
                while (byNumber.size() <= n) byNumber.add(null);
                byNumber.set(n, c);
            }
        }
        return new FieldCodec(Kind.CHOICE, specName, javaType, wireType, Map.copyOf(byValue), Map.copyOf(byName),
                byNumber.isEmpty() ? null : byNumber.toArray(Choice[]::new));
    }

    /**
     * The codec for a field of spec type {@code type}.
     *
     * @param composites the composite types by spec name, for fields typed as one (e.g. {@code error})
     */
    static FieldCodec of(String type, boolean multiple, Map<String, Class<? extends Composite>> composites) {
        String t = ALIASES.getOrDefault(type, type);
        if (multiple) {
            if (t.equals("symbol")) return SYMBOLS;
            throw new IllegalArgumentException("multiple " + type + " fields are not supported");
        }
        if (t.equals("*")) return ANY;
        Class<? extends Choice> choice = CHOICES.get(t);
        if (choice != null) return choice(t, choice);
        Class<? extends Composite> composite = composites.get(t);
        if (composite != null) return new FieldCodec(Kind.COMPOSITE, t, composite);
        for (FieldCodec p : PRIMITIVES) {
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

    /** The Java type of the record component holding the field. */
    Class<?> javaType() {
        return javaType;
    }

    /** The Java value of a present (non-null) wire value; throws DecodeException naming what was expected. */
    Object decode(AmqpValue v) {
        return switch (kind) {
            case BOOLEAN -> {
                if (v instanceof BooleanValue b) yield b.value();
                throw mismatch("boolean", v);
            }
            case UBYTE -> {
                if (v instanceof UByteValue u) yield u.value();
                throw mismatch("ubyte", v);
            }
            case USHORT -> {
                if (v instanceof UShortValue u) yield u.value();
                throw mismatch("ushort", v);
            }
            case UINT -> {
                if (v instanceof UIntValue u) yield u.value();
                throw mismatch("uint", v);
            }
            case ULONG -> {
                if (v instanceof ULongValue u) yield u.value();
                throw mismatch("ulong", v);
            }
            case TIMESTAMP -> {
                if (v instanceof TimestampValue t) yield t.millis();
                throw mismatch("timestamp", v);
            }
            case STRING -> {
                if (v instanceof StringValue s) yield s.value();
                throw mismatch("string", v);
            }
            case SYMBOL -> {
                if (v instanceof SymbolValue s) yield s.value();
                throw mismatch("symbol", v);
            }
            case SYMBOLS -> {
                if (v instanceof SymbolValue s) yield List.of(s.value());
                if (v instanceof ArrayValue a && a.elementType() == AmqpType.SYMBOL && a.descriptor() == null) {
                    List<String> l = new ArrayList<>(a.size());
                    for (AmqpValue s : a.elements()) l.add(((SymbolValue) s).value());
                    yield List.copyOf(l);
                }
                throw mismatch("symbol or array of symbol", v);
            }
            case BINARY -> {
                if (v instanceof BinaryValue b) yield b;
                throw mismatch("binary", v);
            }
            case MAP -> {
                if (v instanceof MapValue m) yield m;
                throw mismatch("map", v);
            }
            case LIST -> {
                if (v instanceof ListValue l) yield l.elements();
                throw mismatch("list", v);
            }
            case ANY -> v;
            case CHOICE -> {
                if (v.type() != wireType) throw mismatch(specName + " (" + wireType.specName() + ")", v);
                Choice c = byValue.get(v);
                if (c == null) throw new DecodeException(valueText(v) + " is not a valid " + specName);
                yield c;
            }
            case COMPOSITE -> {
                if (javaType.isInstance(v)) yield v;
                throw mismatch(specName, v);
            }
        };
    }

    private static String valueText(AmqpValue v) {
        return switch (v) {
            case UByteValue u -> String.valueOf(u.value());
            case UIntValue u -> String.valueOf(u.value());
            case SymbolValue s -> s.value();
            default -> v.toString();
        };
    }

    /**
     * The reader of a present (not null) value of this field straight from the bytes, as a
     * {@code (Decoder)Object} method handle giving what {@link #decode} gives for the value
     * {@link Decoder#readValue()} would read. It throws DecodeException where that would fail, though not
     * necessarily with the same message: the decoder then decodes the whole composite again the generic way,
     * which reports the error.
     */
    MethodHandle reader() {
        return reader;
    }

    private MethodHandle readerOf(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> reader("readBoolean", null);
            case UBYTE -> reader("readUByte", null);
            case USHORT -> reader("readUShort", null);
            case UINT -> reader("readUInt", null);
            case ULONG -> reader("readULong", null);
            case TIMESTAMP -> reader("readTimestamp", null);
            case STRING -> reader("readString", null);
            case SYMBOL -> reader("readSymbol", null);
            case BINARY -> reader("readBinary", null);
            case ANY -> reader("readAny", null);
            case CHOICE -> reader("readChoice", this);
            case SYMBOLS, MAP, LIST, COMPOSITE -> reader("readValue", this);
        };
    }

    /** The {@code (Decoder)Object} method of that name: static, or bound to {@code codec}. */
    private static MethodHandle reader(String method, FieldCodec codec) {
        MethodType type = MethodType.methodType(Object.class, Decoder.class);
        try {
            return codec == null ? MethodHandles.lookup().findStatic(FieldCodec.class, method, type)
                    : MethodHandles.lookup().findVirtual(FieldCodec.class, method, type).bindTo(codec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object readBoolean(Decoder d) {
        return d.readBoolean();
    }

    private static Object readUByte(Decoder d) {
        return d.readUByte();
    }

    private static Object readUShort(Decoder d) {
        return d.readUShort();
    }

    private static Object readUInt(Decoder d) {
        return d.readUInt();
    }

    private static Object readULong(Decoder d) {
        return d.readULong();
    }

    private static Object readTimestamp(Decoder d) {
        return d.readTimestamp();
    }

    private static Object readString(Decoder d) {
        return d.readString();
    }

    private static Object readSymbol(Decoder d) {
        return d.readSymbol();
    }

    private static Object readBinary(Decoder d) {
        return d.readBinary();
    }

    private static Object readAny(Decoder d) {
        return d.readValue();
    }

    /** Fields with no typed read of their own: the value read generically, then converted. */
    private Object readValue(Decoder d) {
        return decode(d.readValue());
    }

    private Object readChoice(Decoder d) {
        long n = switch (wireType) {
            case BOOLEAN -> d.readBoolean() ? 1 : 0;
            case UBYTE -> d.readUByte();
            case UINT -> d.readUInt();
            default -> -1;
        };
        if (n < 0) return readValue(d);
        Choice c = n < byNumber.length ? byNumber[(int) n] : null;
        if (c == null) throw new DecodeException(n + " is not a valid " + specName);
        return c;
    }

    /**
     * The writer of a non-null Java value of this field, as a {@code (Encoder, Object)void} method handle
     * (which throws IllegalArgumentException if the value is out of the type's range): a handle, so that the
     * generic codec can join the writers of a composite's fields into one piece of compiled code.
     */
    MethodHandle writer() {
        return writer;
    }

    private static String writerName(Kind kind, AmqpType wireType) {
        return switch (kind) {
            case BOOLEAN -> "writeBoolean";
            case UBYTE -> "writeUByte";
            case USHORT -> "writeUShort";
            case UINT -> "writeUInt";
            case ULONG -> "writeULong";
            case TIMESTAMP -> "writeTimestamp";
            case STRING -> "writeString";
            case SYMBOL -> "writeSymbol";
            case SYMBOLS -> "writeSymbols";
            case BINARY -> "writeBinary";
            case MAP -> "writeMap";
            case LIST -> "writeList";
            case ANY -> "writeAny";
            case CHOICE -> switch (wireType) {
                case BOOLEAN -> "writeBooleanChoice";
                case UBYTE -> "writeUByteChoice";
                default -> "writeChoice";
            };
            case COMPOSITE -> "writeComposite";
        };
    }

    private static MethodHandle writerOf(String method) {
        try {
            return MethodHandles.lookup().findStatic(FieldCodec.class, method,
                    MethodType.methodType(void.class, Encoder.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeBoolean(Encoder e, Object o) {
        e.writeBoolean((Boolean) o);
    }

    private static void writeUByte(Encoder e, Object o) {
        e.writeUByte(range((Integer) o, 0xFF));
    }

    private static void writeUShort(Encoder e, Object o) {
        e.writeUShort(range((Integer) o, 0xFFFF));
    }

    private static void writeUInt(Encoder e, Object o) {
        long l = (Long) o;
        if (l < 0 || l > 0xFFFF_FFFFL) throw new IllegalArgumentException("uint out of range: " + l);
        e.writeUInt(l);
    }

    private static void writeULong(Encoder e, Object o) {
        e.writeULong((Long) o);
    }

    private static void writeTimestamp(Encoder e, Object o) {
        e.writeTimestamp((Long) o);
    }

    private static void writeString(Encoder e, Object o) {
        e.writeString((String) o);
    }

    private static void writeSymbol(Encoder e, Object o) {
        e.writeSymbol(ascii((String) o));
    }

    private static void writeSymbols(Encoder e, Object o) {
        e.writeArray((ArrayValue) SYMBOLS.toValue(o));
    }

    private static void writeBinary(Encoder e, Object o) {
        e.writeBinary((BinaryValue) o);
    }

    private static void writeMap(Encoder e, Object o) {
        e.writeMap(((MapValue) o).entries());
    }

    @SuppressWarnings("unchecked")
    private static void writeList(Encoder e, Object o) {
        e.writeList((List<AmqpValue>) o);
    }

    /** A composite writes itself; asking it first spares writeValue's walk through every type. */
    private static void writeAny(Encoder e, Object o) {
        if (o instanceof Composite c) c.encode(e);
        else e.writeValue((AmqpValue) o);
    }

    private static void writeChoice(Encoder e, Object o) {
        e.writeValue(((Choice) o).value());
    }

    /** A choice of a restricted boolean (role), without writeValue's walk through every type. */
    private static void writeBooleanChoice(Encoder e, Object o) {
        e.writeBoolean(((BooleanValue) ((Choice) o).value()).value());
    }

    /** A choice of a restricted ubyte (settle modes, sasl-code). */
    private static void writeUByteChoice(Encoder e, Object o) {
        e.writeUByte(((UByteValue) ((Choice) o).value()).value());
    }

    private static void writeComposite(Encoder e, Object o) {
        ((Composite) o).encode(e);
    }

    /** The wire value of a non-null Java value. */
    @SuppressWarnings("unchecked")
    AmqpValue toValue(Object o) {
        return switch (kind) {
            case BOOLEAN -> BooleanValue.of((Boolean) o);
            case UBYTE -> new UByteValue((Integer) o);
            case USHORT -> new UShortValue((Integer) o);
            case UINT -> new UIntValue((Long) o);
            case ULONG -> new ULongValue((Long) o);
            case TIMESTAMP -> new TimestampValue((Long) o);
            case STRING -> new StringValue((String) o);
            case SYMBOL -> new SymbolValue((String) o);
            case SYMBOLS -> {
                List<?> l = (List<?>) o;
                List<AmqpValue> symbols = new ArrayList<>(l.size());
                for (Object s : l) symbols.add(new SymbolValue((String) s));
                yield new ArrayValue(AmqpType.SYMBOL, symbols);
            }
            case LIST -> new ListValue((List<AmqpValue>) o);
            case BINARY, MAP, ANY, COMPOSITE -> (AmqpValue) o;
            case CHOICE -> ((Choice) o).value();
        };
    }

    /** The Java value of a default as the spec writes it. */
    Object parseDefault(String text) {
        return switch (kind) {
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) throw new IllegalArgumentException("not a boolean: " + text);
                yield Boolean.valueOf(text);
            }
            case UBYTE -> range(Integer.parseInt(text), 0xFF);
            case USHORT -> range(Integer.parseInt(text), 0xFFFF);
            case UINT -> new UIntValue(Long.parseLong(text)).value();
            case ULONG -> Long.parseUnsignedLong(text);
            case CHOICE -> {
                Choice c = byName.get(text);
                if (c == null) throw new IllegalArgumentException(text + " is not a choice of " + specName);
                yield c;
            }
            case COMPOSITE -> throw new IllegalArgumentException(specName + " fields have no defaults: " + text);
            default -> throw new IllegalArgumentException(specName + " fields have no defaults in the spec: " + text);
        };
    }

    private static int range(int v, int max) {
        if (v < 0 || v > max) throw new IllegalArgumentException("value out of range 0.." + max + ": " + v);
        return v;
    }

    private static String ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) throw new IllegalArgumentException("symbol is not ASCII: " + s);
        }
        return s;
    }
}
