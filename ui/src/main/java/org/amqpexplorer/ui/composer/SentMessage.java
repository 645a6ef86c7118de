package org.amqpexplorer.ui.composer;

/**
 * One message of a send as the composer lists it: its place in the send, the {@code ${seq}} it was made with,
 * its message-id as text (empty if it has none), where it stands and any detail (the rejection's error, the
 * modification's flags, why it failed).
 */
public record SentMessage(int index, long seq, String messageId, Status status, String detail) {

    public enum Status {
        /** Made, not yet reported sent. */
        COMPOSED,
        /** Transferred unsettled; waiting for the receiver's outcome. */
        SENT,
        /** Transferred settled (pre-settled): no outcome will come. */
        SETTLED,
        ACCEPTED,
        REJECTED,
        RELEASED,
        MODIFIED,
        /** Could not be made or sent; see the detail. */
        FAILED;

        /** True once nothing more will happen to the message. */
        public boolean isFinal() {
            return this != COMPOSED && this != SENT;
        }

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    SentMessage with(Status s, String d) {
        return new SentMessage(index, seq, messageId, s, d);
    }
}
