package org.amqpexplorer.protocol.frame;

import org.amqpexplorer.protocol.codec.SymbolValue;

/**
 * Bytes that break the framing rules (part 2.2–2.3, 5.3), a frame body that is not a valid encoding, or a frame
 * that cannot be written within the peer's max-frame-size. Names the error condition the spec gives for it and,
 * for received bytes, the offset in the stream where the problem was found.
 */
public class FramingException extends RuntimeException {

    /** The error conditions (2.8.15, 2.8.16) that framing problems end in. */
    public enum Condition {
        /** A frame that breaks the framing rules: bad size, data offset or type; a bad protocol header. */
        FRAMING_ERROR("amqp:connection:framing-error"),
        /** A frame body that is not a valid encoding of one performative or SASL frame body. */
        DECODE_ERROR("amqp:decode-error"),
        /** A frame to send that does not fit in the agreed max-frame-size even without payload. */
        FRAME_SIZE_TOO_SMALL("amqp:frame-size-too-small");

        private final SymbolValue symbol;

        Condition(String symbol) {
            this.symbol = new SymbolValue(symbol);
        }

        public SymbolValue symbol() {
            return symbol;
        }
    }

    private final Condition condition;
    private final String reason;
    private final long offset;

    FramingException(Condition condition, String reason, long offset) {
        super(condition.symbol().value() + ": " + reason + (offset >= 0 ? " at stream offset " + offset : ""));
        this.condition = condition;
        this.reason = reason;
        this.offset = offset;
    }

    public Condition condition() {
        return condition;
    }

    /** What was wrong, without the condition and offset. */
    public String reason() {
        return reason;
    }

    /** The offset in the byte stream of the first byte found to be wrong, or -1 when not about received bytes. */
    public long offset() {
        return offset;
    }
}
