package org.amqpexplorer.protocol.frame;

/** The frame types of 2.3.1: byte 5 of the frame header. */
public enum FrameType {
    AMQP(0x00),
    SASL(0x01);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The frame type with this code, or null for an unknown one. */
    public static FrameType ofCode(int code) {
        return switch (code) {
            case 0x00 -> AMQP;
            case 0x01 -> SASL;
            default -> null;
        };
    }
}
