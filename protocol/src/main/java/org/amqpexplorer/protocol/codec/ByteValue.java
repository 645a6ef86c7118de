package org.amqpexplorer.protocol.codec;

/** byte: signed 8 bits. */
public record ByteValue(byte value) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.BYTE;
    }
}
