package org.amqpexplorer.protocol.codec;

/**
 * Bytes that are not a valid AMQP encoding. Names what was wrong and the byte offset (from the start of the
 * decoded input) where it was found. Maps to the {@code amqp:decode-error} condition.
 */
public class DecodeException extends RuntimeException {
    private final int offset;

    public DecodeException(String reason, int offset) {
        super(offset >= 0 ? reason + " at byte offset " + offset : reason);
        this.offset = offset;
    }

    /** An error found while converting an already decoded value; the decoder supplies the offset. */
    public DecodeException(String reason) {
        this(reason, -1);
    }

    /** The byte offset of the problem, or -1 if not known. */
    public int offset() {
        return offset;
    }

    /** The reason without the offset. */
    public String reason() {
        String m = getMessage();
        return offset >= 0 ? m.substring(0, m.lastIndexOf(" at byte offset ")) : m;
    }
}
