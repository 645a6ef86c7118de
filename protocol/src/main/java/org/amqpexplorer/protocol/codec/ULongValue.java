package org.amqpexplorer.protocol.codec;

/** ulong: 0 to 2^64-1, held as the 64 bits of a long (read with {@link Long#toUnsignedString(long)}). */
public record ULongValue(long value) implements AmqpValue {
    /** The value as an unsigned decimal string. */
    @Override
    public String toString() {
        return "ULongValue[value=" + Long.toUnsignedString(value) + "]";
    }

    public java.math.BigInteger bigValue() {
        return new java.math.BigInteger(Long.toUnsignedString(value));
    }

    @Override
    public AmqpType type() {
        return AmqpType.ULONG;
    }
}
