package org.amqpexplorer.protocol.codec;

/** decimal32: IEEE 754 decimal32, kept as its 32 encoded bits. */
public record Decimal32Value(int bits) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.DECIMAL32;
    }
}
