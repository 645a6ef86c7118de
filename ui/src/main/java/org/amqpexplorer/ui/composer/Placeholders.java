package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Placeholders in composed messages: {@code ${uuid}}, {@code ${seq}}, {@code ${now}} and {@code ${iso-now}},
 * evaluated once for each message sent ({@code $${} stands for a literal {@code ${}). A template is typed JSON
 * whose strings may hold them; evaluating it gives typed JSON that the typed-JSON reader then checks as usual,
 * so a placeholder never bends the notation's rules: it only supplies text, or a number where the notation
 * expects one.
 */
final class Placeholders {
    static final String HELP = """
            Placeholders are replaced for each message sent:
              ${uuid}     a new random UUID (the same one everywhere in one message)
              ${seq}      the message's sequence number: 1, 2, 3 … (it carries on across sends)
              ${now}      the time the message is made, in ms since 1970-01-01T00:00:00Z
              ${iso-now}  the same time as an ISO-8601 instant, e.g. 2024-05-01T12:00:00.123Z
            Use them inside strings and symbols (order-${seq}), or as the whole value of a number,
            timestamp or uuid field (a uuid message-id from ${uuid}, a ulong one from ${seq}).
            Write $${ for a literal ${. Data sections, binary values and user-id are taken as they are.""";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Set<String> NUMBER_TYPES =
            Set.of("ubyte", "ushort", "uint", "ulong", "byte", "short", "int", "long", "float", "double", "timestamp");
    private static final Set<String> HEADER_NUMBERS = Set.of("priority", "ttl", "deliveryCount");
    private static final Set<String> PROPERTY_NUMBERS = Set.of("absoluteExpiryTime", "creationTime", "groupSequence");
    private static final Set<String> PROPERTY_VALUES = Set.of("messageId", "correlationId");
    private static final Set<String> ANNOTATIONS = Set.of("deliveryAnnotations", "messageAnnotations", "footer");

    private Placeholders() {
    }

    /** The values of the placeholders for one message. */
    record Context(long seq, long now, UUID uuid) {
        /** Fresh values for the message with this sequence number: the time now and a new UUID. */
        static Context forMessage(long seq) {
            return new Context(seq, System.currentTimeMillis(), UUID.randomUUID());
        }

        String value(String name) {
            return switch (name) {
                case "uuid" -> uuid.toString();
                case "seq" -> Long.toString(seq);
                case "now" -> Long.toString(now);
                case "iso-now" -> Instant.ofEpochMilli(now).toString();
                default -> null;
            };
        }
    }

    /** True if the text uses the placeholder syntax (a placeholder or an escaped {@code ${}). */
    static boolean uses(String text) {
        return text.contains("${");
    }

    /** The text as the composer shows a literal: every {@code ${} escaped, so evaluating it gives the text back. */
    static String escape(String literal) {
        return literal.replace("${", "$${");
    }

    /** The text with its placeholders replaced. */
    static String evaluate(String text, Context ctx) {
        if (!uses(text)) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) throw new InvalidInput("unclosed placeholder at position " + i + ": " + text.substring(i) + " (write $${ for a literal ${)");
                String name = text.substring(i + 2, end);
                String value = ctx.value(name);
                if (value == null) {
                    throw new InvalidInput("unknown placeholder ${" + name + "}; known: ${uuid}, ${seq}, ${now}, ${iso-now} (write $${ for a literal ${)");
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * A typed-JSON message template with its placeholders evaluated. Nodes without placeholders are shared
     * with the template, not copied. Each string that held one is reported to {@code found} with the path
     * of the field it belongs to.
     *
     * @throws InvalidInput naming the path, for an unknown or unclosed placeholder
     */
    static JsonNode evaluateMessage(JsonNode message, Context ctx, BiConsumer<NodePath, String> found) {
        return new Walk(ctx, found).message(message);
    }

    /** As {@link #evaluateMessage}, for one typed value (or shorthand) at {@code at}. */
    static JsonNode evaluateValue(JsonNode value, NodePath at, Context ctx, BiConsumer<NodePath, String> found) {
        return new Walk(ctx, found).value(value, at);
    }

    /**
     * One pass over a template; knows where typed JSON expects values, numbers and plain text. Bytes (binary
     * values, user-id, data sections) are left as they are.
     */
    private record Walk(Context ctx, BiConsumer<NodePath, String> found) {

        JsonNode message(JsonNode m) {
            return members(m, NodePath.ROOT, (name, c, at) -> switch (name) {
                case "header" -> members(c, at, (field, v, p) -> HEADER_NUMBERS.contains(field) ? number(v, p) : text(v, p));
                case "properties" -> members(c, at, (field, v, p) -> PROPERTY_VALUES.contains(field) ? value(v, p)
                        : PROPERTY_NUMBERS.contains(field) ? number(v, p) : field.equals("userId") ? v : text(v, p));
                case "applicationProperties" -> members(c, at, (field, v, p) -> value(v, p));
                case "body" -> members(c, at, (kind, v, p) -> switch (kind) {
                    case "amqpValue" -> value(v, p);
                    case "amqpSequence" -> elements(v, p, (section, sp) -> elements(section, sp, this::value));
                    default -> v;
                });
                default -> ANNOTATIONS.contains(name) ? pairs(c, at) : c;
            });
        }

        /** A typed value or a shorthand. */
        JsonNode value(JsonNode v, NodePath at) {
            if (v.isTextual()) return text(v, at);
            if (!v.isObject() || v.size() != 1) return v;
            Map.Entry<String, JsonNode> typed = v.fields().next();
            JsonNode content = content(typed.getKey(), typed.getValue(), at);
            if (content == typed.getValue()) return v;
            ObjectNode o = NODES.objectNode();
            o.set(typed.getKey(), content);
            return o;
        }

        /** What follows a type name (or an element of an array of that type); errors are reported at {@code at}. */
        JsonNode content(String type, JsonNode c, NodePath at) {
            if (NUMBER_TYPES.contains(type)) return number(c, at);
            return switch (type) {
                case "list" -> elements(c, at.member("list"), this::value);
                case "map" -> pairs(c, at.member("map"));
                case "array" -> array(c, at.member("array"));
                case "described" -> members(c, at.member("described"), (name, v, p) -> value(v, p));
                case "binary" -> c;
                default -> text(c, at);
            };
        }

        /** An array's content; {@code inside} is where its members are. */
        JsonNode array(JsonNode c, NodePath inside) {
            if (!c.isObject()) return c;
            JsonNode type = c.get("type");
            return members(c, inside, (name, v, p) -> switch (name) {
                case "descriptor" -> value(v, p);
                case "values" -> type != null && type.isTextual()
                        ? elements(v, p, (e, ep) -> arrayElement(type.textValue(), e, ep)) : v;
                default -> v;
            });
        }

        /** An array element is a content; a compound one has its parts under its own path. */
        JsonNode arrayElement(String type, JsonNode e, NodePath at) {
            return switch (type) {
                case "list" -> elements(e, at, this::value);
                case "map" -> pairs(e, at);
                case "array" -> array(e, at);
                default -> content(type, e, at);
            };
        }

        JsonNode pairs(JsonNode c, NodePath at) {
            return elements(c, at, (pair, p) -> pair.isArray() && pair.size() == 2
                    ? elements(pair, p, this::value) : pair);
        }

        JsonNode text(JsonNode c, NodePath at) {
            if (!c.isTextual() || !uses(c.textValue())) return c;
            return TextNode.valueOf(evaluated(c.textValue(), at));
        }

        /** Where typed JSON expects a number, a string holding a placeholder becomes the number it spells. */
        JsonNode number(JsonNode c, NodePath at) {
            if (!c.isTextual() || !uses(c.textValue())) return c;
            String s = evaluated(c.textValue(), at);
            if (!JSON_NUMBER.matcher(s).matches()) return TextNode.valueOf(s);
            return s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0
                    ? BigIntegerNode.valueOf(new BigInteger(s)) : DecimalNode.valueOf(new BigDecimal(s));
        }

        private String evaluated(String raw, NodePath at) {
            String s;
            try {
                s = evaluate(raw, ctx);
            } catch (InvalidInput e) {
                throw e.at(at);
            }
            found.accept(at, raw);
            return s;
        }

        interface MemberWalk {
            JsonNode apply(String name, JsonNode value, NodePath at);
        }

        JsonNode members(JsonNode o, NodePath at, MemberWalk walk) {
            if (!o.isObject()) return o;
            ObjectNode copy = null;
            int i = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); i++) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = walk.apply(e.getKey(), e.getValue(), at.member(e.getKey()));
                if (v != e.getValue() && copy == null) {
                    copy = NODES.objectNode();
                    Iterator<Map.Entry<String, JsonNode>> before = o.fields();
                    for (int j = 0; j < i; j++) {
                        Map.Entry<String, JsonNode> b = before.next();
                        copy.set(b.getKey(), b.getValue());
                    }
                }
                if (copy != null) copy.set(e.getKey(), v);
            }
            return copy == null ? o : copy;
        }

        JsonNode elements(JsonNode a, NodePath at, ElementWalk walk) {
            if (!a.isArray()) return a;
            ArrayNode copy = null;
            for (int i = 0; i < a.size(); i++) {
                JsonNode e = a.get(i);
                JsonNode v = walk.apply(e, at.index(i));
                if (v != e && copy == null) {
                    copy = NODES.arrayNode(a.size());
                    for (int j = 0; j < i; j++) copy.add(a.get(j));
                }
                if (copy != null) copy.add(v);
            }
            return copy == null ? a : copy;
        }

        interface ElementWalk {
            JsonNode apply(JsonNode element, NodePath at);
        }
    }
}
