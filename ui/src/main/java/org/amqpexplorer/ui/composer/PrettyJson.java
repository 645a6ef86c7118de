package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Typed JSON laid out for people: a value that fits on a line stays on one line ({@code {"ubyte": 7}}, a short
 * map entry), anything larger is broken over indented lines. Also the tree-walking helpers the composer needs.
 */
final class PrettyJson {
    private static final int WIDTH = 64;

    private PrettyJson() {
    }

    static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode node, int indent, StringBuilder sb) {
        String flat = flat(node);
        if (indent + flat.length() <= WIDTH || !node.isContainerNode() || node.isEmpty()) {
            sb.append(flat);
            return;
        }
        String pad = " ".repeat(indent + 2);
        if (node instanceof ObjectNode o) {
            sb.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(pad).append(quote(e.getKey())).append(": ");
                write(e.getValue(), indent + 2, sb);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent)).append('}');
        } else {
            ArrayNode a = (ArrayNode) node;
            sb.append("[\n");
            for (int i = 0; i < a.size(); i++) {
                sb.append(pad);
                write(a.get(i), indent + 2, sb);
                sb.append(i + 1 < a.size() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent)).append(']');
        }
    }

    /** The node on one line, with a space after each colon and comma. */
    static String flat(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        flat(node, sb);
        return sb.toString();
    }

    private static void flat(JsonNode node, StringBuilder sb) {
        if (node instanceof ObjectNode o) {
            sb.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(quote(e.getKey())).append(": ");
                flat(e.getValue(), sb);
                if (it.hasNext()) sb.append(", ");
            }
            sb.append('}');
        } else if (node instanceof ArrayNode a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) sb.append(", ");
                flat(a.get(i), sb);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            sb.append(quote(node.textValue()));
        } else {
            // Numbers as written (the typed-JSON reader's -0 spells itself), booleans, null.
            sb.append(node.asText());
        }
    }

    /** A JSON string literal that is valid Unicode: a lone surrogate is written as its escape. */
    static String quote(String s) {
        String q = new String(JsonStringEncoder.getInstance().quoteAsString(s));
        StringBuilder out = null;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            boolean lone = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < q.length() && Character.isLowSurrogate(q.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                if (out != null) out.append(c).append(q.charAt(i + 1));
                i++;
                continue;
            }
            if (lone && out == null) out = new StringBuilder(q.length() + 8).append(q, 0, i);
            if (out != null) out.append(lone ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return '"' + (out == null ? q : out.toString()) + '"';
    }

    /** The node at {@code path} under {@code root}, or null. */
    static JsonNode at(JsonNode root, NodePath path) {
        JsonNode n = root;
        for (Object step : path.steps()) {
            if (n == null) return null;
            n = step instanceof Integer i ? n.get(i) : n.get((String) step);
        }
        return n;
    }

    /** Replaces the node at {@code path} (which must exist, below the root) with {@code value}. */
    static void replace(JsonNode root, NodePath path, JsonNode value) {
        JsonNode parent = at(root, path.parent());
        if (path.last() instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) path.last(), value);
        }
    }
}
