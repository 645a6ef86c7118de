package org.amqpexplorer.protocol.codec;

/** string: Unicode text, UTF-8 on the wire. */
public record StringValue(String value) implements AmqpValue {
    public StringValue {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public AmqpType type() {
        return AmqpType.STRING;
    }
}
