package org.amqpexplorer.protocol.codec;

/** null. */
public enum NullValue implements AmqpValue {
    NULL;

    @Override
    public AmqpType type() {
        return AmqpType.NULL;
    }
}
