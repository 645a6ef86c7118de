package org.amqpexplorer.protocol.codec;

/** short: signed 16 bits. */
public record ShortValue(short value) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.SHORT;
    }
}
