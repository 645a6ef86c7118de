package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.types.Received;

/**
 * What a sender does, when a link is attached again, with a delivery it still holds unsettled, given what the
 * receiver's unsettled map says of it (2.6.13). The cases are those of 3.4.6, named there by delivery-tag
 * (1 to 14); a null state counts as received with section-number and section-offset 0.
 */
enum Resumption {
    /**
     * The receiver has no record (tags 1, 5): it never got the delivery, or got it and settled it first. Sent
     * again as a new delivery, without resume (a resumed one would be ignored): at-least-once.
     */
    RESEND,
    /** Both hold it and the receiver has not all of it (tags 2, 4, 6): sent again with resume, from where it stopped. */
    RESUME,
    /**
     * The receiver reached an outcome the sender had not heard of (tags 3, 8), or the same one (tag 12): the
     * sender settles it, with a resumed transfer that is settled and carries the outcome, and no payload.
     */
    SETTLE,
    /**
     * Both reached outcomes and they differ (tag 13): the sender's is definitive, restated in a resumed
     * transfer; the receiver echoes it and settles.
     */
    RESTATE,
    /**
     * It cannot be resumed (tags 7, 9: the receiver has less than the sender knew it had; 11, 14: the sender
     * has an outcome, the receiver not the whole message): a resumed transfer that says aborted.
     */
    ABORT,
    /** The sender has an outcome and the receiver no record (tag 10): settled here, no frame needed. */
    FORGET;

    /**
     * @param local        the sender's state of the delivery (null: none)
     * @param remoteHolds  whether the receiver's unsettled map has the delivery's tag
     * @param remote       the receiver's state for it (null or {@link NullValue}: none)
     */
    static Resumption of(AmqpValue local, boolean remoteHolds, AmqpValue remote) {
        boolean localTerminal = DeliveryStates.isTerminal(local);
        if (!remoteHolds) {
            return localTerminal ? FORGET : RESEND;
        }
        if (DeliveryStates.isTerminal(remote)) {
            return !localTerminal || local.equals(remote) ? SETTLE : RESTATE;
        }
        if (localTerminal) {
            return ABORT;
        }
        return compare(received(local), received(remote)) <= 0 ? RESUME : ABORT;
    }

    /** A state as received(section-number, section-offset): none is (0, 0), as is any other non-terminal state. */
    static Received received(AmqpValue state) {
        return state instanceof Received r ? r : new Received(0L, 0L);
    }

    private static int compare(Received a, Received b) {
        int bySection = Long.compare(a.sectionNumber(), b.sectionNumber());
        return bySection != 0 ? bySection : Long.compare(a.sectionOffset(), b.sectionOffset());
    }

    /**
     * Where a message's payload resumes for a receiver that has it up to {@code received} (3.4.1: the first
     * section not wholly received, and the first byte of it not received): the sections before are skipped
     * by decoding them. Returns -1 if the payload does not have that many sections (or is not made of AMQP
     * values): the delivery cannot be resumed from there.
     */
    static int resumeOffset(byte[] payload, Received received) {
        long section = received.sectionNumber();
        long offset = received.sectionOffset();
        Decoder decoder = new Decoder(payload, DescribedTypes.NONE);
        try {
            for (long i = 0; i < section; i++) {
                if (!decoder.hasRemaining()) {
                    return -1;
                }
                decoder.readValue();
            }
        } catch (DecodeException e) {
            return -1;
        }
        long at = decoder.position() + offset;
        return at <= payload.length ? (int) at : -1;
    }
}
