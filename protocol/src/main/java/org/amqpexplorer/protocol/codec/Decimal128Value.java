package org.amqpexplorer.protocol.codec;

/** decimal128: IEEE 754 decimal128, kept as its 128 encoded bits (high 64, then low 64). */
public record Decimal128Value(long high, long low) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.DECIMAL128;
    }
}
