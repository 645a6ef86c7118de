package org.amqpexplorer.protocol.codec;

/** ushort: 0 to 65535. */
public record UShortValue(int value) implements AmqpValue {
    public UShortValue {
        if (value < 0 || value > 0xFFFF) throw new IllegalArgumentException("ushort out of range: " + value);
    }

    @Override
    public AmqpType type() {
        return AmqpType.USHORT;
    }
}
