package org.amqpexplorer.ui.trace;

import java.util.List;

/**
 * One line of a frame's decoded field tree.
 *
 * @param name     the field's spec name ({@code next-incoming-id}), or a label such as {@code descriptor} or {@code [2]}
 * @param type     the exact AMQP type on the wire ({@code uint}), with the field's declared type where it says more
 *                 ({@code uint (handle)}); empty for parts of the frame that are not AMQP values
 * @param value    the value on one line
 * @param encoding the encoding the sender chose ({@code smalluint}), or empty if the bytes were not recorded
 * @param range    where the node's bytes are in the frame, or null if not known
 */
record FieldNode(String name, String type, String value, String encoding, ByteRange range, List<FieldNode> children) {
    FieldNode {
        children = List.copyOf(children);
    }

    static FieldNode leaf(String name, String type, String value, String encoding, ByteRange range) {
        return new FieldNode(name, type, value, encoding, range, List.of());
    }

    @Override
    public String toString() {
        return name + ": " + type + " " + value;
    }
}
