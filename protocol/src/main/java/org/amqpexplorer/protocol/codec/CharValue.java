package org.amqpexplorer.protocol.codec;

/** char: one Unicode scalar value (a code point that is not a surrogate), UTF-32BE on the wire. */
public record CharValue(int codePoint) implements AmqpValue {
    public CharValue {
        if (!isScalarValue(codePoint)) {
            throw new IllegalArgumentException(String.format("char is not a Unicode scalar value: 0x%x", codePoint));
        }
    }

    /** UTF-32 can encode only scalar values: surrogate code points (U+D800 to U+DFFF) are ill-formed in it. */
    static boolean isScalarValue(int codePoint) {
        return Character.isValidCodePoint(codePoint)
                && (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE);
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
