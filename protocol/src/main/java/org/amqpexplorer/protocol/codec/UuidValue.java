package org.amqpexplorer.protocol.codec;

/** uuid: RFC 4122. */
public record UuidValue(java.util.UUID value) implements AmqpValue {
    public UuidValue {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public AmqpType type() {
        return AmqpType.UUID;
    }
}
