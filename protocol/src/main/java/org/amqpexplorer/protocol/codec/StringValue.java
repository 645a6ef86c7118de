package org.amqpexplorer.protocol.codec;

/**
 * string: Unicode text, UTF-8 on the wire. A Java string with an unpaired surrogate is not Unicode text and
 * has no UTF-8 encoding, so it is refused here rather than altered on the way out.
 */
public record StringValue(String value) implements AmqpValue {
    public StringValue {
        java.util.Objects.requireNonNull(value, "value");
        int at = unpairedSurrogate(value);
        if (at >= 0) throw new IllegalArgumentException("string has an unpaired surrogate at index " + at);
    }

    /** The index of the first surrogate char that is not half of a pair, or -1. */
    static int unpairedSurrogate(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    @Override
    public AmqpType type() {
        return AmqpType.STRING;
    }
}
