package org.amqpexplorer.protocol.codec;

/** boolean. */
public record BooleanValue(boolean value) implements AmqpValue {
    public static final BooleanValue TRUE = new BooleanValue(true);
    public static final BooleanValue FALSE = new BooleanValue(false);

    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public AmqpType type() {
        return AmqpType.BOOLEAN;
    }
}
