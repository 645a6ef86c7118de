package org.amqpexplorer.protocol.codec;

/** ubyte: 0 to 255. */
public record UByteValue(int value) implements AmqpValue {
    public UByteValue {
        if (value < 0 || value > 0xFF) throw new IllegalArgumentException("ubyte out of range: " + value);
    }

    @Override
    public AmqpType type() {
        return AmqpType.UBYTE;
    }
}
