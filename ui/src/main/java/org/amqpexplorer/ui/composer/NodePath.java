package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where something sits in a typed-JSON message, as a list of steps (member names and array indexes), written
 * the way {@link org.amqpexplorer.protocol.json.TypedJsonException#path()} writes it, e.g.
 * {@code $.body.amqpValue.map[0][1]}. The composer names every field by this path, so an error from the
 * typed-JSON reader lands on the field it is about.
 */
record NodePath(List<Object> steps) {
    static final NodePath ROOT = new NodePath(List.of());

    // As the typed-JSON reader writes names: plain ones after a dot, anything else as ["name"].
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    NodePath {
        steps = List.copyOf(steps);
    }

    NodePath member(String name) {
        return with(name);
    }

    NodePath index(int i) {
        return with(i);
    }

    private NodePath with(Object step) {
        List<Object> s = new ArrayList<>(steps.size() + 1);
        s.addAll(steps);
        s.add(step);
        return new NodePath(s);
    }

    Object last() {
        return steps.getLast();
    }

    NodePath parent() {
        return new NodePath(steps.subList(0, steps.size() - 1));
    }

    /** True if {@code other} is this path or lies under it. */
    boolean contains(NodePath other) {
        return other.steps.size() >= steps.size() && other.steps.subList(0, steps.size()).equals(steps);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (Object step : steps) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (PLAIN_NAME.matcher((String) step).matches()) {
                sb.append('.').append(step);
            } else {
                sb.append('[').append(quote((String) step)).append(']');
            }
        }
        return sb.toString();
    }

    static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}
