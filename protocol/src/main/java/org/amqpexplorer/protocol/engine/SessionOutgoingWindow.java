package org.amqpexplorer.protocol.engine;

/**
 * The sending half of a session's flow control (2.5.6): next-outgoing-id, our outgoing-window, and what we
 * know of the peer's incoming window. One transfer frame (first or continuation) uses one transfer-id.
 */
final class SessionOutgoingWindow {

    private final int initialOutgoingId;
    private final long outgoingWindow;
    private int nextOutgoingId;
    /** Transfers we may still send before the outgoing-window we last advertised is used up. */
    private long advertisedRemaining;
    private long remoteIncomingWindow;
    /** The peer's view as of its last begin/flow, for display. */
    private long remoteNextIncomingId = -1;
    private long remoteIncomingWindowAdvertised = -1;

    SessionOutgoingWindow(int initialOutgoingId, long outgoingWindow) {
        if (outgoingWindow < 1 || outgoingWindow > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("outgoing-window must be a uint of at least 1: " + outgoingWindow);
        }
        this.initialOutgoingId = initialOutgoingId;
        this.nextOutgoingId = initialOutgoingId;
        this.outgoingWindow = outgoingWindow;
        this.advertisedRemaining = outgoingWindow;
    }

    int nextOutgoingId() {
        return nextOutgoingId;
    }

    long outgoingWindow() {
        return outgoingWindow;
    }

    long remoteIncomingWindow() {
        return remoteIncomingWindow;
    }

    /** The peer's next-incoming-id as of its last flow (uint), or -1 if it has not said. */
    long remoteNextIncomingId() {
        return remoteNextIncomingId;
    }

    /** 2.5.6: the peer's begin implies next-incoming-id = our initial next-outgoing-id. */
    void remoteBegin(long incomingWindow) {
        remoteNextIncomingId = SerialNumber.toUnsigned(initialOutgoingId);
        remoteIncomingWindowAdvertised = incomingWindow;
        remoteIncomingWindow = clampUInt(incomingWindow + SerialNumber.difference(initialOutgoingId, nextOutgoingId));
    }

    /**
     * 2.5.6: remote-incoming-window = next-incoming-id(flow) + incoming-window(flow) - next-outgoing-id(endpoint).
     * A peer that has not seen our begin omits next-incoming-id; our initial next-outgoing-id stands in.
     * Transfers still in flight when the peer shrinks its window make the sum negative: that is legal and
     * means zero, never a huge unsigned number.
     */
    void remoteFlow(Long nextIncomingId, long incomingWindow) {
        int nii = nextIncomingId == null ? initialOutgoingId : SerialNumber.of(nextIncomingId);
        remoteNextIncomingId = SerialNumber.toUnsigned(nii);
        remoteIncomingWindowAdvertised = incomingWindow;
        remoteIncomingWindow = clampUInt(incomingWindow + SerialNumber.difference(nii, nextOutgoingId));
    }

    long remoteIncomingWindowAdvertised() {
        return remoteIncomingWindowAdvertised;
    }

    /** 2.5.6: a sender must not send a transfer when remote-incoming-window is zero. */
    boolean isRemoteWindowOpen() {
        return remoteIncomingWindow > 0;
    }

    /** Our advertised outgoing-window is used up: a flow must re-advertise it before the next transfer. */
    boolean needsReadvertising() {
        return advertisedRemaining == 0;
    }

    /** Called whenever a begin or flow carrying our outgoing-window is sent. */
    void advertised() {
        advertisedRemaining = outgoingWindow;
    }

    /** Accounts one transfer frame sent, and returns the transfer-id it used. */
    int transferSent() {
        if (remoteIncomingWindow == 0) {
            throw new IllegalStateException("remote-incoming-window is zero");
        }
        int id = nextOutgoingId;
        nextOutgoingId = SerialNumber.add(nextOutgoingId, 1);
        remoteIncomingWindow--;
        advertisedRemaining = Math.max(0, advertisedRemaining - 1);
        return id;
    }

    static long clampUInt(long value) {
        return Math.max(0, Math.min(value, 0xFFFF_FFFFL));
    }
}
