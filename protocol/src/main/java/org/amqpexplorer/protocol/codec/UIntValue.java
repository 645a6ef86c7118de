package org.amqpexplorer.protocol.codec;

/** uint: 0 to 2^32-1, held in a long. */
public record UIntValue(long value) implements AmqpValue {
    public UIntValue {
        if (value < 0 || value > 0xFFFF_FFFFL) throw new IllegalArgumentException("uint out of range: " + value);
    }

    @Override
    public AmqpType type() {
        return AmqpType.UINT;
    }
}
