package org.amqpexplorer.protocol.codec;

/** double: IEEE 754 binary64. Equality as for {@link Double#compare}. */
public record DoubleValue(double value) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.DOUBLE;
    }
}
