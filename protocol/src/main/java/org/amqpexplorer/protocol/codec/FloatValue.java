package org.amqpexplorer.protocol.codec;

/** float: IEEE 754 binary32. Equality is bitwise-normalised as for {@link Float#compare}. */
public record FloatValue(float value) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.FLOAT;
    }
}
