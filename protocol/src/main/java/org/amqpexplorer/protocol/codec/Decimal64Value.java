package org.amqpexplorer.protocol.codec;

/** decimal64: IEEE 754 decimal64, kept as its 64 encoded bits. */
public record Decimal64Value(long bits) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.DECIMAL64;
    }
}
