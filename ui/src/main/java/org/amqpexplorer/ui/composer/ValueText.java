package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.ByteValue;
import org.amqpexplorer.protocol.codec.CharValue;
import org.amqpexplorer.protocol.codec.Decimal128Value;
import org.amqpexplorer.protocol.codec.Decimal32Value;
import org.amqpexplorer.protocol.codec.Decimal64Value;
import org.amqpexplorer.protocol.codec.DoubleValue;
import org.amqpexplorer.protocol.codec.FloatValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.LongValue;
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
 * The text the form shows for a primitive value, and that text back to a typed-JSON content. The way back
 * only checks the text's syntax (a whole number, pairs of hex digits …); ranges and formats are the
 * typed-JSON reader's to check, so the form and a pasted JSON document are judged by the same rules.
 */
final class ValueText {
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    // Instants whose ISO-8601 form reads back the same everywhere: years 0000 to 9999.
    private static final long ISO_MIN = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long ISO_MAX = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat SPACED_HEX = HexFormat.ofDelimiter(" ");

    private ValueText() {
    }

    /**
     * The form's text for a primitive value. Strings and symbols are escaped for the placeholder syntax
     * unless {@code literal} (a text that is never evaluated, such as an application property's name).
     */
    static String format(AmqpValue v, boolean binaryAsText, boolean literal) {
        return switch (v) {
            case NullValue n -> "";
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
            case Decimal32Value d -> HEX.toHexDigits(d.bits());
            case Decimal64Value d -> HEX.toHexDigits(d.bits());
            case Decimal128Value d -> HEX.toHexDigits(d.high()) + HEX.toHexDigits(d.low());
            case CharValue c -> Character.toString(c.codePoint());
            case TimestampValue t -> timestamp(t.millis());
            case UuidValue u -> u.value().toString();
            case BinaryValue b -> binaryAsText ? new String(b.toByteArray(), StandardCharsets.UTF_8) : hex(b.toByteArray());
            case StringValue s -> literal ? s.value() : Placeholders.escape(s.value());
            case SymbolValue s -> literal ? s.value() : Placeholders.escape(s.value());
            default -> throw new IllegalArgumentException("not a primitive value: " + v.type());
        };
    }

    /** A timestamp as an ISO-8601 instant where that reads back exactly, else as milliseconds. */
    static String timestamp(long millis) {
        return millis >= ISO_MIN && millis <= ISO_MAX ? Instant.ofEpochMilli(millis).toString() : Long.toString(millis);
    }

    static String hex(byte[] bytes) {
        return SPACED_HEX.formatHex(bytes);
    }

    /** Hex digits in pairs; spaces and line breaks between them are allowed. */
    static byte[] parseHex(String text) {
        String digits = text.replaceAll("\\s+", "");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new InvalidInput("not a hex digit: " + quote(digits.substring(i, digits.offsetByCodePoints(i, 1))));
            }
        }
        if (digits.length() % 2 != 0) throw new InvalidInput("hex digits come in pairs; there are " + digits.length());
        return HEX.parseHex(digits);
    }

    /** The bytes as UTF-8 text, or null if they are not valid UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The text as UTF-8, refusing a lone surrogate (which an encoder would silently replace). */
    static byte[] utf8Bytes(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new InvalidInput("the text holds half a surrogate pair, which UTF-8 cannot encode");
        }
    }

    /** True for text a person can read as such: no control characters other than tab and line breaks. */
    static boolean readable(String text) {
        return text.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c));
    }

    /**
     * The typed-JSON content for the text of a primitive value of {@code type}. Text with placeholders is
     * passed on as a string, to be evaluated for each message.
     *
     * @throws InvalidInput if the text cannot be a content of the type
     */
    static JsonNode content(AmqpType type, String text, boolean binaryAsText) {
        return switch (type) {
            case NULL -> NullNode.getInstance();
            case BOOLEAN -> switch (text) {
                case "true" -> BooleanNode.TRUE;
                case "false" -> BooleanNode.FALSE;
                default -> throw new InvalidInput("boolean must be true or false, found " + quote(text));
            };
            case UBYTE, USHORT, UINT, ULONG, BYTE, SHORT, INT, LONG -> {
                String t = text.strip();
                if (Placeholders.uses(t)) yield TextNode.valueOf(t);
                if (!WHOLE.matcher(t).matches()) throw new InvalidInput(type + " must be a whole number, found " + quote(t));
                yield BigIntegerNode.valueOf(new BigInteger(t));
            }
            case FLOAT, DOUBLE -> {
                String t = text.strip();
                if (Placeholders.uses(t) || t.equals("NaN") || t.equals("Infinity") || t.equals("-Infinity")) yield TextNode.valueOf(t);
                if (!DECIMAL.matcher(t).matches()) {
                    throw new InvalidInput(type + " must be a number (1.5, -2e-3) or NaN, Infinity, -Infinity, found " + quote(t));
                }
                BigDecimal d;
                try {
                    d = new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw new InvalidInput(type + " exponent out of range: " + quote(t));
                }
                // BigDecimal has no negative zero; the sign of -0.0 is part of the value.
                yield d.signum() == 0 && t.startsWith("-") ? DoubleNode.valueOf(-0.0) : DecimalNode.valueOf(d);
            }
            case TIMESTAMP -> {
                String t = text.strip();
                yield WHOLE.matcher(t).matches() ? BigIntegerNode.valueOf(new BigInteger(t)) : TextNode.valueOf(t);
            }
            case DECIMAL32, DECIMAL64, DECIMAL128, UUID -> TextNode.valueOf(text.strip());
            case CHAR, STRING, SYMBOL -> TextNode.valueOf(text);
            case BINARY -> TextNode.valueOf(Base64.getEncoder().encodeToString(binary(text, binaryAsText)));
            case LIST, MAP, ARRAY, DESCRIBED -> throw new IllegalArgumentException("not a primitive type: " + type);
        };
    }

    /** The bytes of a binary value's text: hex digits, or UTF-8 text. */
    static byte[] binary(String text, boolean asText) {
        try {
            return asText ? utf8Bytes(text) : parseHex(text);
        } catch (InvalidInput e) {
            throw new InvalidInput("binary " + (asText ? "(UTF-8 text)" : "(hex)") + ": " + e.reason());
        }
    }

    /** What a new value of the type starts as: something valid, so adding a node adds no error. */
    static String defaultText(AmqpType type) {
        return switch (type) {
            case BOOLEAN -> "false";
            case UBYTE, USHORT, UINT, ULONG, BYTE, SHORT, INT, LONG -> "0";
            case FLOAT, DOUBLE -> "0.0";
            case DECIMAL32 -> "00000000";
            case DECIMAL64 -> "0000000000000000";
            case DECIMAL128 -> "00000000000000000000000000000000";
            case CHAR -> "a";
            case TIMESTAMP -> "${now}";
            case UUID -> "${uuid}";
            default -> "";
        };
    }

    static String quote(String s) {
        return NodePath.quote(s.length() <= 60 ? s : s.substring(0, 60) + "…");
    }
}
