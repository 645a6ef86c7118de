package org.amqpexplorer.protocol.codec;

import java.util.List;

/**
 * A decoded value together with where and how it was encoded, for showing exactly what was on the wire:
 * the format code used, its byte range in the input, and the same for every contained value (list and map
 * elements in order, keys and values alternating; for a described value the descriptor then the described
 * value; array elements, which share the array's constructor, carry the array's element format code).
 */
public record EncodedValue(AmqpValue value, int formatCode, int offset, int length, List<EncodedValue> children) {
    public EncodedValue {
        children = List.copyOf(children);
    }

    /** The spec's name for this encoding, e.g. {@code "smalluint"}. */
    public String encodingName() {
        return FormatCode.encodingName(formatCode);
    }
}
