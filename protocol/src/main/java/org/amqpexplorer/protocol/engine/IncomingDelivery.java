package org.amqpexplorer.protocol.engine;

import java.util.Arrays;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;

/**
 * A delivery this end receives, put together from its transfer frames. Its payload counts against the
 * session's incoming window until the application reads it.
 */
public final class IncomingDelivery extends Delivery {

    private static final byte[] NONE = new byte[0];

    /** Payload received and not yet read. */
    private byte[] buffer = NONE;
    private int unread;
    private long unreadFrames;
    private long total;
    private int frames;
    boolean complete;
    boolean resumed;
    /** Its unread payload holds room in the session window; it is then on its receiver's list of such. */
    private boolean holding;
    IncomingDelivery previousHeld;
    IncomingDelivery nextHeld;

    IncomingDelivery(Receiver receiver, long key, int deliveryId, BinaryValue tag, long messageFormat) {
        super(receiver, key, tag, messageFormat);
        this.deliveryId = deliveryId;
        this.hasDeliveryId = true;
    }

    public Receiver receiver() {
        return (Receiver) link;
    }

    /**
     * Whether the sender resumes with this delivery one that an earlier attachment of the link left unsettled
     * (2.6.13): the application matches it by tag against what it kept, and the payload continues from where
     * the state it announced (e.g. received) says.
     */
    public boolean isResumed() {
        return resumed;
    }

    /** Whether more transfer frames of this delivery are still to come. */
    public boolean isPartial() {
        return !complete && !aborted;
    }

    /** Payload bytes received so far, read or not. */
    public long payloadSize() {
        return total;
    }

    /** Payload bytes received and not yet read. */
    public int unreadSize() {
        return unread;
    }

    /** How many transfer frames carried this delivery so far. */
    public int frameCount() {
        return frames;
    }

    /**
     * Returns the payload bytes received since the last read (all of them, for a complete delivery read once). A
     * complete delivery's unread payload is held against the session's incoming window; reading gives that room
     * back, which may re-open the window to the peer (and so does settling it here, see {@link #disposition}).
     */
    public byte[] readPayload() {
        Connection connection = link.connection;
        connection.enter();
        try {
            // A buffer filled exactly (a delivery in one frame, read once) is handed over as it is.
            byte[] bytes = buffer.length == unread ? buffer : Arrays.copyOf(buffer, unread);
            release();
            unreadFrames = 0;
            unread = 0;
            if (complete || bytes == buffer) {
                buffer = NONE;
            }
            return bytes;
        } finally {
            connection.exit();
        }
    }

    void append(Frame frame) {
        int length = frame.payloadSize();
        frames++;
        unreadFrames++;
        if (unread + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(unread + length, 2 * buffer.length));
        }
        frame.copyPayload(buffer, unread);
        unread += length;
        total += length;
    }

    /**
     * The last transfer arrived: what is unread now holds room in the session window, unless the application
     * settled the delivery already.
     */
    void completed() {
        complete = true;
        if (!settled && (unread > 0 || unreadFrames > 0)) {
            link.session.held(unreadFrames, unread);
            holding = true;
            receiver().held(this);
        }
    }

    /** Gives back the room the unread payload holds in the session window. */
    private void release() {
        if (holding) {
            holding = false;
            link.session.consumed(unreadFrames, unread);
            receiver().released(this);
        }
    }

    /** Drops the payload not yet read (abort, detach, end) and returns the room it held in the session window. */
    void discard() {
        release();
        unreadFrames = 0;
        unread = 0;
        buffer = NONE;
    }

    /**
     * Settled here after the application was handed the delivery (its own disposition, or the sender settling
     * later): the application is done with it, so its unread payload no longer holds room in the session
     * window (2.5.6), though it can still be read.
     */
    @Override
    void settleLocally() {
        super.settleLocally();
        release();
    }

    /**
     * Settled as it arrives because the sender settled it (at-most-once): the application has not seen it yet, so
     * its payload keeps holding room until read.
     */
    void settleOnArrival() {
        super.settleLocally();
    }

    @Override
    void checkMaySettle(boolean settle) {
        if (settle && !remotelySettled && receiver().settleMode() == ReceiverSettleMode.SECOND) {
            throw new IllegalStateException("rcv-settle-mode second: the receiver settles only after the sender");
        }
    }

    @Override
    void afterRemoteUpdate() {
        link.connection.handler().remoteDisposition(this);
        if (remotelySettled && !settled) {
            // The sender settled (exactly-once's last step, or a sender settling early): nothing more to say.
            settleLocally();
        }
    }

    @Override
    boolean incoming() {
        return true;
    }
}
