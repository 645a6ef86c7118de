package org.amqpexplorer.protocol.codec;

/** int: signed 32 bits. */
public record IntValue(int value) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.INT;
    }
}
