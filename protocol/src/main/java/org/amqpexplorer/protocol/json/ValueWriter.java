package org.amqpexplorer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Base64;
import java.util.HexFormat;
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

/** {@link AmqpValue} to typed JSON, always in the explicit form: every value names its type. */
final class ValueWriter {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Beyond 2^53 a JSON number is not exact in every reader (JavaScript's among them): such a 64-bit integer is written as a string. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private ValueWriter() {
    }

    static ObjectNode toJson(AmqpValue v) {
        ObjectNode o = NODES.objectNode();
        o.set(v.type().specName(), content(v));
        return o;
    }

    static String write(AmqpValue v) {
        return JsonText.write(toJson(v));
    }

    /** What follows the type name; also how an array writes each element. */
    static JsonNode content(AmqpValue v) {
        return switch (v) {
            case NullValue n -> NullNode.getInstance();
            case BooleanValue b -> BooleanNode.valueOf(b.value());
            case UByteValue u -> IntNode.valueOf(u.value());
            case UShortValue u -> IntNode.valueOf(u.value());
            case UIntValue u -> LongNode.valueOf(u.value());
            case ULongValue u -> Long.compareUnsigned(u.value(), EXACT_IN_DOUBLE) > 0
                    ? TextNode.valueOf(Long.toUnsignedString(u.value()))
                    : LongNode.valueOf(u.value());
            case ByteValue b -> IntNode.valueOf(b.value());
            case ShortValue s -> IntNode.valueOf(s.value());
            case IntValue i -> IntNode.valueOf(i.value());
            case LongValue l -> long64(l.value());
            case FloatValue f -> Float.isFinite(f.value()) ? FloatNode.valueOf(f.value()) : special(f.value());
            case DoubleValue d -> Double.isFinite(d.value()) ? DoubleNode.valueOf(d.value()) : special(d.value());
            case Decimal32Value d -> TextNode.valueOf(HexFormat.of().toHexDigits(d.bits()));
            case Decimal64Value d -> TextNode.valueOf(HexFormat.of().toHexDigits(d.bits()));
            case Decimal128Value d -> TextNode.valueOf(HexFormat.of().toHexDigits(d.high()) + HexFormat.of().toHexDigits(d.low()));
            case CharValue c -> TextNode.valueOf(Character.toString(c.codePoint()));
            case TimestampValue t -> LongNode.valueOf(t.millis());
            case UuidValue u -> TextNode.valueOf(u.value().toString());
            case BinaryValue b -> TextNode.valueOf(base64(b));
            case StringValue s -> TextNode.valueOf(s.value());
            case SymbolValue s -> TextNode.valueOf(s.value());
            case ListValue l -> {
                ArrayNode a = NODES.arrayNode(l.size());
                for (AmqpValue e : l.elements()) a.add(toJson(e));
                yield a;
            }
            case MapValue m -> {
                ArrayNode a = NODES.arrayNode(m.size());
                m.entries().forEach((k, e) -> a.add(pair(k, e)));
                yield a;
            }
            case ArrayValue a -> {
                ObjectNode o = NODES.objectNode();
                if (a.descriptor() != null) o.set("descriptor", toJson(a.descriptor()));
                o.put("type", a.elementType().specName());
                ArrayNode values = o.putArray("values");
                for (AmqpValue e : a.elements()) values.add(content(e));
                yield o;
            }
            case Described d -> {
                ObjectNode o = NODES.objectNode();
                o.set("descriptor", toJson(d.descriptor()));
                o.set("value", toJson(d.described()));
                yield o;
            }
        };
    }

    static ArrayNode pair(AmqpValue key, AmqpValue value) {
        ArrayNode pair = NODES.arrayNode(2);
        pair.add(toJson(key));
        pair.add(toJson(value));
        return pair;
    }

    static JsonNode long64(long v) {
        return v > EXACT_IN_DOUBLE || v < -EXACT_IN_DOUBLE ? TextNode.valueOf(Long.toString(v)) : LongNode.valueOf(v);
    }

    static String base64(BinaryValue b) {
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }

    private static JsonNode special(double v) {
        return TextNode.valueOf(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
}
