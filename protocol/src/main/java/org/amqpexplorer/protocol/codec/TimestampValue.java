package org.amqpexplorer.protocol.codec;

/** timestamp: milliseconds since the Unix epoch. */
public record TimestampValue(long millis) implements AmqpValue {

    @Override
    public AmqpType type() {
        return AmqpType.TIMESTAMP;
    }
}
