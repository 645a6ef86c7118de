package org.amqpexplorer.protocol.codec;

/** long: signed 64 bits. */
public record LongValue(long value) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.LONG;
    }
}
