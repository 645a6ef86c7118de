package org.amqpexplorer.protocol.json;

import static org.amqpexplorer.protocol.json.JsonText.describe;
import static org.amqpexplorer.protocol.json.JsonText.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Typed JSON to {@link AmqpValue}, exactly as typed-json.md says: one-member objects named by the AMQP type,
 * shorthand for string, boolean, null, long and double, and nothing else. A content is never converted to
 * another type: a fraction is not an integer, a string is not a number (except where the notation says so).
 */
final class ValueReader {
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern DECIMAL_STRING = Pattern.compile("-?[0-9]+");
    private static final Pattern UUID_FORM =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]*");
    private static final Set<String> ARRAY_MEMBERS = Set.of("descriptor", "type", "values");
    private static final Set<String> DESCRIBED_MEMBERS = Set.of("descriptor", "value");
    private static final String FLOAT_SPECIALS = "a JSON number or \"NaN\", \"Infinity\", \"-Infinity\"";

    private ValueReader() {
    }

    /** A value where one is expected: a typed object or a shorthand. */
    static AmqpValue value(JsonNode node, JsonPath path) {
        return switch (node.getNodeType()) {
            case OBJECT -> typed(node, path);
            case STRING -> string(node.textValue(), path);
            case BOOLEAN -> BooleanValue.of(node.booleanValue());
            case NULL -> NullValue.NULL;
            case NUMBER -> node.isIntegralNumber()
                    ? new LongValue(signed64(AmqpType.LONG, node, path))
                    : new DoubleValue(floating(AmqpType.DOUBLE, node, path));
            default -> throw new TypedJsonException(path, "expected a typed value, found " + describe(node));
        };
    }

    private static AmqpValue typed(JsonNode node, JsonPath path) {
        if (node.size() != 1) {
            StringBuilder names = new StringBuilder();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.append(names.isEmpty() ? "" : ", ").append(quote(it.next()));
            }
            throw new TypedJsonException(path, node.isEmpty()
                    ? "a typed value has exactly one member, found an empty object"
                    : "a typed value has exactly one member, found " + node.size() + ": " + names);
        }
        Map.Entry<String, JsonNode> member = node.fields().next();
        AmqpType type = AmqpType.ofSpecName(member.getKey());
        if (type == null) throw new TypedJsonException(path, "unknown type name: " + quote(member.getKey()));
        return content(type, member.getValue(), path, path.member(member.getKey()));
    }

    /**
     * The content of a value of {@code type}. Errors about a content are reported at {@code at} (the typed
     * value's own path, or an array element's); the parts of a compound content are found under {@code inside}.
     */
    static AmqpValue content(AmqpType type, JsonNode c, JsonPath at, JsonPath inside) {
        return switch (type) {
            case NULL -> {
                if (!c.isNull()) throw mustBe(type, "null", c, at);
                yield NullValue.NULL;
            }
            case BOOLEAN -> {
                if (!c.isBoolean()) throw mustBe(type, "true or false", c, at);
                yield BooleanValue.of(c.booleanValue());
            }
            case UBYTE -> new UByteValue((int) integer(type, c, at, 0, 0xFF));
            case USHORT -> new UShortValue((int) integer(type, c, at, 0, 0xFFFF));
            case UINT -> new UIntValue(integer(type, c, at, 0, 0xFFFF_FFFFL));
            case BYTE -> new ByteValue((byte) integer(type, c, at, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case SHORT -> new ShortValue((short) integer(type, c, at, Short.MIN_VALUE, Short.MAX_VALUE));
            case INT -> new IntValue((int) integer(type, c, at, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case ULONG -> new ULongValue(unsigned64(c, at));
            case LONG -> new LongValue(signed64(type, c, at));
            case FLOAT -> new FloatValue((float) floating(type, c, at));
            case DOUBLE -> new DoubleValue(floating(type, c, at));
            case DECIMAL32 -> new Decimal32Value(HexFormat.fromHexDigits(hex(type, 8, c, at)));
            case DECIMAL64 -> new Decimal64Value(HexFormat.fromHexDigitsToLong(hex(type, 16, c, at)));
            case DECIMAL128 -> {
                String h = hex(type, 32, c, at);
                yield new Decimal128Value(HexFormat.fromHexDigitsToLong(h, 0, 16), HexFormat.fromHexDigitsToLong(h, 16, 32));
            }
            case CHAR -> {
                if (!c.isTextual() || c.textValue().isEmpty() || c.textValue().codePointCount(0, c.textValue().length()) != 1) {
                    throw mustBe(type, "a string of one Unicode code point", c, at);
                }
                int cp = c.textValue().codePointAt(0);
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    throw new TypedJsonException(at, "char is not a Unicode scalar value: a lone surrogate " + describe(c));
                }
                yield new CharValue(cp);
            }
            case TIMESTAMP -> new TimestampValue(timestamp(c, at));
            case UUID -> {
                if (!c.isTextual() || !UUID_FORM.matcher(c.textValue()).matches()) {
                    throw mustBe(type, "in the canonical 36-character form", c, at);
                }
                yield new UuidValue(java.util.UUID.fromString(c.textValue()));
            }
            case BINARY -> BinaryValue.wrap(base64(type.specName(), c, at));
            case STRING -> string(text(type, c, at), at);
            case SYMBOL -> new SymbolValue(symbol(type, c, at));
            case LIST -> list(c, at, inside);
            case MAP -> map(c, at, inside);
            case ARRAY -> array(c, at, inside);
            case DESCRIBED -> described(c, at, inside);
        };
    }

    /** A string must be valid Unicode: AMQP strings are UTF-8, which cannot carry half a surrogate pair. */
    private static StringValue string(String s, JsonPath at) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new TypedJsonException(at, "string holds a lone surrogate at index " + i + " (not valid Unicode)");
            }
        }
        return new StringValue(s);
    }

    private static long integer(AmqpType type, JsonNode c, JsonPath at, long min, long max) {
        if (!c.isIntegralNumber()) throw mustBe(type, "a JSON integer", c, at);
        if (!c.canConvertToLong() || c.longValue() < min || c.longValue() > max) throw outOfRange(type, c, at);
        return c.longValue();
    }

    /** long: a JSON integer or a decimal string. */
    static long signed64(AmqpType type, JsonNode c, JsonPath at) {
        BigInteger v = integerOrDecimalString(type, c, at);
        if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) throw outOfRange(type, c, at);
        return v.longValue();
    }

    /** ulong: a JSON integer or a decimal string, 0 to 2^64-1, returned as its 64 bits. */
    static long unsigned64(JsonNode c, JsonPath at) {
        BigInteger v = integerOrDecimalString(AmqpType.ULONG, c, at);
        if (v.signum() < 0 || v.compareTo(ULONG_MAX) > 0) throw outOfRange(AmqpType.ULONG, c, at);
        return v.longValue();
    }

    private static BigInteger integerOrDecimalString(AmqpType type, JsonNode c, JsonPath at) {
        if (c.isIntegralNumber()) return c.canConvertToLong() ? BigInteger.valueOf(c.longValue()) : c.bigIntegerValue();
        if (c.isTextual() && DECIMAL_STRING.matcher(c.textValue()).matches()) {
            String s = c.textValue();
            // More than 20 significant digits is out of range whatever they are; don't parse a megabyte of them.
            if (s.replaceFirst("^-?0*", "").length() > 20) throw outOfRange(type, c, at);
            return new BigInteger(s);
        }
        throw mustBe(type, "a JSON integer or a decimal string", c, at);
    }

    /** float and double; the result of a float content is exactly representable as a float. */
    static double floating(AmqpType type, JsonNode c, JsonPath at) {
        if (c.isTextual()) {
            return switch (c.textValue()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw mustBe(type, FLOAT_SPECIALS, c, at);
            };
        }
        if (!c.isNumber()) throw mustBe(type, FLOAT_SPECIALS, c, at);
        boolean isFloat = type == AmqpType.FLOAT;
        double v;
        if (c.isFloat() || c.isDouble()) {
            // Already binary (a tree built in code): a float node is exact, a double node for a float is
            // rounded once, and NaN or an infinity held as a number is taken as what it is.
            double d = c.doubleValue();
            if (!Double.isFinite(d)) return d;
            v = isFloat ? (double) (float) d : d;
        } else if (c.isBigDecimal() || c.isBigInteger()) {
            // From the decimal text, rounded once to the target precision.
            String text = c.isBigDecimal() ? c.decimalValue().toString() : c.bigIntegerValue().toString();
            v = isFloat ? Float.parseFloat(text) : Double.parseDouble(text);
        } else if (c instanceof JsonText.NegativeZero) {
            v = -0.0;
        } else {
            v = isFloat ? (double) (float) c.longValue() : (double) c.longValue();
        }
        if (Double.isInfinite(v)) throw outOfRange(type, c, at);
        return v;
    }

    private static String hex(AmqpType type, int digits, JsonNode c, JsonPath at) {
        if (!c.isTextual() || c.textValue().length() != digits || !LOWER_HEX.matcher(c.textValue()).matches()) {
            throw mustBe(type, digits + " lowercase hex digits", c, at);
        }
        return c.textValue();
    }

    /** timestamp: milliseconds as a JSON integer, or an ISO-8601 instant no finer than a millisecond. */
    static long timestamp(JsonNode c, JsonPath at) {
        if (c.isIntegralNumber()) {
            if (!c.canConvertToLong()) throw outOfRange(AmqpType.TIMESTAMP, c, at);
            return c.longValue();
        }
        if (!c.isTextual()) throw mustBe(AmqpType.TIMESTAMP, "a JSON integer or an ISO-8601 instant", c, at);
        Instant instant;
        try {
            instant = Instant.parse(c.textValue());
        } catch (DateTimeParseException e) {
            throw new TypedJsonException(at, "timestamp is not an ISO-8601 instant: " + describe(c));
        }
        if (instant.getNano() % 1_000_000 != 0) {
            throw new TypedJsonException(at, "timestamp is finer than a millisecond: " + describe(c));
        }
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException | DateTimeException e) {
            throw outOfRange(AmqpType.TIMESTAMP, c, at);
        }
    }

    /** Standard base64 (RFC 4648 section 4) with padding, and only the one canonical spelling of the bytes. */
    static byte[] base64(String what, JsonNode c, JsonPath at) {
        if (c.isTextual()) {
            try {
                byte[] bytes = Base64.getDecoder().decode(c.textValue());
                if (Base64.getEncoder().encodeToString(bytes).equals(c.textValue())) return bytes;
            } catch (IllegalArgumentException e) {
                // not base64: reported below
            }
        }
        throw mustBe(what, "standard base64", c, at);
    }

    static String text(AmqpType type, JsonNode c, JsonPath at) {
        if (!c.isTextual()) throw mustBe(type, "a JSON string", c, at);
        return c.textValue();
    }

    static String symbol(AmqpType type, JsonNode c, JsonPath at) {
        String s = text(type, c, at);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) throw mustBe(type, "ASCII", c, at);
        }
        return s;
    }

    private static ListValue list(JsonNode c, JsonPath at, JsonPath inside) {
        if (!c.isArray()) throw mustBe(AmqpType.LIST, "a JSON array of values", c, at);
        return new ListValue(values(c, inside));
    }

    static List<AmqpValue> values(JsonNode array, JsonPath inside) {
        List<AmqpValue> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) elements.add(value(array.get(i), inside.index(i)));
        return elements;
    }

    private static MapValue map(JsonNode c, JsonPath at, JsonPath inside) {
        if (!c.isArray()) throw mustBe(AmqpType.MAP, "a JSON array of [key, value] pairs", c, at);
        return new MapValue(pairs(c, inside));
    }

    /** {@code [key, value]} pairs in order; keys must be unique (a map's are, 1.6.23). */
    static Map<AmqpValue, AmqpValue> pairs(JsonNode array, JsonPath inside) {
        Map<AmqpValue, AmqpValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode pair = array.get(i);
            JsonPath where = inside.index(i);
            if (!pair.isArray() || pair.size() != 2) {
                throw new TypedJsonException(where, "a map entry is a [key, value] pair, found " + describe(pair));
            }
            AmqpValue key = value(pair.get(0), where.index(0));
            AmqpValue v = value(pair.get(1), where.index(1));
            if (entries.putIfAbsent(key, v) != null) {
                throw new TypedJsonException(where, "duplicate map key: " + ValueWriter.write(key));
            }
        }
        return entries;
    }

    private static ArrayValue array(JsonNode c, JsonPath at, JsonPath inside) {
        if (!c.isObject()) throw mustBe(AmqpType.ARRAY, "an object with \"type\" and \"values\"", c, at);
        Members.only(c, inside, ARRAY_MEMBERS);
        JsonNode typeName = Members.required(c, inside, "type");
        JsonNode values = Members.required(c, inside, "values");
        JsonPath typePath = inside.member("type");
        if (!typeName.isTextual()) throw new TypedJsonException(typePath, "array element type must be a type name, found " + describe(typeName));
        AmqpType elementType = AmqpType.ofSpecName(typeName.textValue());
        if (elementType == null) throw new TypedJsonException(typePath, "unknown type name: " + describe(typeName));
        if (elementType == AmqpType.DESCRIBED) {
            throw new TypedJsonException(typePath,
                    "array element type cannot be \"described\": give the shared \"descriptor\" and the type of the described values");
        }
        AmqpValue descriptor = c.has("descriptor") ? value(c.get("descriptor"), inside.member("descriptor")) : null;
        JsonPath valuesPath = inside.member("values");
        if (!values.isArray()) throw new TypedJsonException(valuesPath, "array values must be a JSON array, found " + describe(values));
        List<AmqpValue> elements = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonPath element = valuesPath.index(i);
            elements.add(content(elementType, values.get(i), element, element));
        }
        return new ArrayValue(elementType, descriptor, elements);
    }

    private static DescribedValue described(JsonNode c, JsonPath at, JsonPath inside) {
        if (!c.isObject()) throw mustBe(AmqpType.DESCRIBED, "an object with \"descriptor\" and \"value\"", c, at);
        Members.only(c, inside, DESCRIBED_MEMBERS);
        JsonNode descriptor = Members.required(c, inside, "descriptor");
        JsonNode described = Members.required(c, inside, "value");
        return new DescribedValue(value(descriptor, inside.member("descriptor")), value(described, inside.member("value")));
    }

    static TypedJsonException mustBe(AmqpType type, String what, JsonNode found, JsonPath at) {
        return mustBe(type.specName(), what, found, at);
    }

    static TypedJsonException mustBe(String name, String what, JsonNode found, JsonPath at) {
        return new TypedJsonException(at, name + " must be " + what + ", found " + describe(found));
    }

    static TypedJsonException outOfRange(AmqpType type, JsonNode found, JsonPath at) {
        return new TypedJsonException(at, type.specName() + " out of range: " + describe(found));
    }
}
