package org.amqpexplorer.protocol.codec;

/** symbol: ASCII text. */
public record SymbolValue(String value) implements AmqpValue {
    public SymbolValue {
        java.util.Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7F) throw new IllegalArgumentException("symbol is not ASCII at index " + i + ": " + value);
        }
    }

    @Override
    public AmqpType type() {
        return AmqpType.SYMBOL;
    }
}
