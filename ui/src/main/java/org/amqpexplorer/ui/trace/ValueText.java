package org.amqpexplorer.ui.trace;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.ByteValue;
import org.amqpexplorer.protocol.codec.CharValue;
import org.amqpexplorer.protocol.codec.Decimal128Value;
import org.amqpexplorer.protocol.codec.Decimal32Value;
import org.amqpexplorer.protocol.codec.Decimal64Value;
import org.amqpexplorer.protocol.codec.Described;
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
import org.amqpexplorer.protocol.types.Choice;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.CompositeType;
import org.amqpexplorer.protocol.types.Field;

/**
 * Values as the trace writes them on one line: numbers in decimal, symbols and strings bare, binaries in hex,
 * compounds in brackets, composites in the one-line style {@code name(field:value,…)} with absent fields left out.
 */
final class ValueText {
    private static final HexFormat HEX = HexFormat.of();

    /** Long field names shortened where the short form is the common one (the windows of begin and flow). */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "next-incoming-id", "next-in-id",
            "incoming-window", "in-window",
            "next-outgoing-id", "next-out-id",
            "outgoing-window", "out-window",
            "offered-capabilities", "offered-caps",
            "desired-capabilities", "desired-caps",
            "sasl-server-mechanisms", "mechanisms");

    private ValueText() {
    }

    /** {@code flow(next-in-id:5,in-window:2048,…)}: every present field of the composite, from its field table. */
    static String composite(Composite c) {
        CompositeType<?> type = c.compositeType();
        StringJoiner fields = new StringJoiner(",", type.name() + "(", ")");
        for (Field f : type.fields()) {
            Object v = fieldValue(type, c, f.index());
            if (v != null) fields.add(ABBREVIATIONS.getOrDefault(f.name(), f.name()) + ":" + javaValue(v));
        }
        return fields.toString();
    }

    /** Field {@code index} of {@code c} as the record holds it (a Long, a Choice, a nested Composite …), or null. */
    static Object fieldValue(CompositeType<?> type, Composite c, int index) {
        return get(type, c, index);
    }

    private static <T extends Composite> Object get(CompositeType<T> type, Composite c, int index) {
        return type.get(type.javaType().cast(c), index);
    }

    /** A field's value in its record representation. */
    static String javaValue(Object v) {
        return switch (v) {
            case Choice c -> c.choiceName();
            case AmqpValue a -> value(a, 16);
            case List<?> l -> {
                StringJoiner j = new StringJoiner(",", "[", "]");
                for (Object o : l) j.add(javaValue(o));
                yield j.toString();
            }
            default -> String.valueOf(v); // Long, Integer, Boolean, String
        };
    }

    /** Any value on one line; binaries show at most {@code maxBytes} bytes. */
    static String value(AmqpValue v, int maxBytes) {
        return switch (v) {
            case NullValue n -> "null";
            case BooleanValue b -> Boolean.toString(b.value());
            case UByteValue u -> Integer.toString(u.value());
            case UShortValue u -> Integer.toString(u.value());
            case UIntValue u -> Long.toString(u.value());
            case ULongValue u -> Long.toUnsignedString(u.value());
            case ByteValue b -> Byte.toString(b.value());
            case ShortValue s -> Short.toString(s.value());
            case IntValue i -> Integer.toString(i.value());
            case LongValue l -> Long.toString(l.value());
            case FloatValue f -> Float.toString(f.value());
            case DoubleValue d -> Double.toString(d.value());
            case Decimal32Value d -> "0x" + HEX.toHexDigits(d.bits());
            case Decimal64Value d -> "0x" + HEX.toHexDigits(d.bits());
            case Decimal128Value d -> "0x" + HEX.toHexDigits(d.high()) + HEX.toHexDigits(d.low());
            case CharValue c -> Character.toString(c.codePoint());
            case TimestampValue t -> Instant.ofEpochMilli(t.millis()).toString();
            case UuidValue u -> u.value().toString();
            case BinaryValue b -> binary(b, maxBytes);
            case StringValue s -> s.value();
            case SymbolValue s -> s.value();
            case ListValue l -> elements(l.elements(), maxBytes);
            case ArrayValue a -> elements(a.elements(), maxBytes);
            case MapValue m -> {
                StringJoiner j = new StringJoiner(",", "[", "]");
                m.entries().forEach((k, e) -> j.add(value(k, maxBytes) + ":" + value(e, maxBytes)));
                yield j.toString();
            }
            case Composite c -> composite(c);
            case Described d -> descriptor(d.descriptor()) + "(" + value(d.described(), maxBytes) + ")";
        };
    }

    private static String elements(List<AmqpValue> elements, int maxBytes) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (AmqpValue e : elements) j.add(value(e, maxBytes));
        return j.toString();
    }

    /** Hex, or only the size if longer than {@code maxBytes}. */
    static String binary(BinaryValue b, int maxBytes) {
        if (b.length() > maxBytes) return "(" + bytes(b.length()) + ")";
        return HEX.formatHex(b.toByteArray());
    }

    /** A descriptor: a symbol as itself, a numeric one in hex. */
    static String descriptor(AmqpValue descriptor) {
        return descriptor instanceof ULongValue u ? "0x" + Long.toHexString(u.value()) : value(descriptor, 16);
    }

    /** {@code 1 byte}, {@code 42 bytes}. */
    static String bytes(long n) {
        return n == 1 ? "1 byte" : String.format("%,d bytes", n);
    }
}
