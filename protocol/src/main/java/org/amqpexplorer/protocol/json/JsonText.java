package org.amqpexplorer.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * JSON text to and from Jackson trees, strictly: one JSON value per text, no duplicate member names (a typed
 * value with a repeated name would otherwise silently keep the last one), and numbers kept exactly. Jackson's
 * own tree reader is not used because it cannot keep both: with exact decimals it loses the sign of -0.0,
 * with doubles it rounds every float literal twice (text to double to float).
 */
final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_SHOWN = 60;

    private JsonText() {
    }

    /** Parses one JSON document; errors give line and column. */
    static JsonNode parse(String text) {
        return parse(text, false);
    }

    /** Parses one line of a JSON Lines stream; errors give the column (the caller adds the line). */
    static JsonNode parseLine(String line) {
        return parse(line, true);
    }

    private static JsonNode parse(String text, boolean oneLine) {
        JsonParser p;
        try {
            p = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Not try-with-resources: closing first would lose the parser's position the error reports.
        try {
            JsonToken t = p.nextToken();
            if (t == null) throw malformed(p, p.currentLocation(), "no JSON value", oneLine);
            JsonNode root = node(p, t, JsonPath.ROOT);
            if (p.nextToken() != null) {
                throw malformed(p, p.currentTokenLocation(), "more than one JSON value", oneLine);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(p, e.getLocation(), e.getOriginalMessage(), oneLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        } finally {
            close(p);
        }
    }

    private static void close(JsonParser p) {
        try {
            p.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(JsonParser p, JsonToken t, JsonPath path) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (o.has(name)) throw new TypedJsonException(path, "duplicate member " + quote(name));
                    o.set(name, node(p, p.nextToken(), path.member(name)));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) a.add(node(p, e, path.index(a.size())));
                return a;
            }
            case VALUE_STRING -> {
                return TextNode.valueOf(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                if (p.getText().equals("-0")) return NegativeZero.INSTANCE;
                return switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal d;
                try {
                    d = p.getDecimalValue();
                } catch (NumberFormatException e) {
                    throw new TypedJsonException(path, "number exponent out of range: " + p.getText());
                }
                // BigDecimal has no negative zero; -0.0 is a double, exactly.
                if (d.signum() == 0 && p.getText().startsWith("-")) return DoubleNode.valueOf(-0.0);
                return DecimalNode.valueOf(d);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return BooleanNode.valueOf(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            default -> throw new IllegalStateException("JSON text gave token " + t);
        }
    }

    /**
     * The JSON integer {@code -0}: zero to every integer type, but to a float or double content the negative
     * zero it spells.
     */
    static final class NegativeZero extends IntNode {
        static final NegativeZero INSTANCE = new NegativeZero();

        private NegativeZero() {
            super(0);
        }

        @Override
        public String asText() {
            return "-0";
        }
    }

    private static TypedJsonException malformed(JsonParser p, JsonLocation at, String message, boolean oneLine) {
        if (at == null) at = p.currentLocation(); // limits (nesting depth, number length) give none
        String where = oneLine
                ? "column " + at.getColumnNr()
                : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new TypedJsonException(pathOf(p.getParsingContext()), "malformed JSON at " + where + ": " + clean(message));
    }

    // Jackson adds source descriptions ("[Source: REDACTED ...; line: 1, column: 2]") that repeat what the
    // message already says, and advice on its own parser features, which the notation does not allow.
    private static String clean(String message) {
        if (message == null) return "unreadable";
        String m = message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(", from `[^`]*`", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static JsonPath pathOf(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) return JsonPath.ROOT;
        JsonPath parent = pathOf(ctx.getParent());
        if (ctx.inArray()) return ctx.getCurrentIndex() < 0 ? parent : parent.index(ctx.getCurrentIndex());
        String name = ctx.getCurrentName();
        return name == null ? parent : parent.member(name);
    }

    /** Compact JSON text on one line, valid Unicode throughout. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node); // values hold no lone surrogates: the text is valid Unicode
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serializes
        }
    }

    /** A string as a JSON string literal. */
    static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }

    /** A node as an error message shows what it found: numbers and short strings as written, else its kind. */
    static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> {
                String s = n.textValue();
                yield s.length() <= MAX_SHOWN ? quote(s) : quote(s.substring(0, MAX_SHOWN)) + "…";
            }
            case NUMBER, BOOLEAN, NULL -> n.asText();
            case ARRAY -> n.isEmpty() ? "an empty array" : "an array of " + n.size();
            case OBJECT -> n.isEmpty() ? "an empty object" : "an object";
            default -> "a " + n.getNodeType().name().toLowerCase() + " node";
        };
    }
}
