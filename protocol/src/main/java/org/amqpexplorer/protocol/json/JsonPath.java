package org.amqpexplorer.protocol.json;

import java.util.regex.Pattern;

/**
 * Where a JSON node sits in the document, written the way error messages show it: {@code $} for the root,
 * {@code .name} for an object member, {@code [i]} for an array element, e.g. {@code $.body.amqpValue.list[2]}.
 * Built one step at a time as a reader descends; the text is made only when an error needs it.
 */
final class JsonPath {
    static final JsonPath ROOT = new JsonPath(null, null, -1);

    // Names that read unambiguously after a dot; anything else is written as ["name"].
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final JsonPath parent;
    private final String member;
    private final int index;

    private JsonPath(JsonPath parent, String member, int index) {
        this.parent = parent;
        this.member = member;
        this.index = index;
    }

    JsonPath member(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    private void appendTo(StringBuilder sb) {
        if (parent == null) {
            sb.append('$');
            return;
        }
        parent.appendTo(sb);
        if (member == null) {
            sb.append('[').append(index).append(']');
        } else if (PLAIN_NAME.matcher(member).matches()) {
            sb.append('.').append(member);
        } else {
            sb.append('[').append(JsonText.quote(member)).append(']');
        }
    }
}
