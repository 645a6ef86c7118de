package org.amqpexplorer.protocol.codec;

/** char: one UTF-32BE code point. */
public record CharValue(int codePoint) implements AmqpValue {
    public CharValue {
        if (!Character.isValidCodePoint(codePoint)) throw new IllegalArgumentException("char is not a Unicode code point: " + codePoint);
    }

    @Override
    public String toString() {
        return "CharValue[" + new String(Character.toChars(codePoint)) + "]";
    }

    @Override
    public AmqpType type() {
        return AmqpType.CHAR;
    }
}
