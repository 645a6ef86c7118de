package org.amqpexplorer.protocol.engine;

/**
 * The receiving half of a session's flow control (2.5.6): next-incoming-id, the incoming-window we
 * advertise, and what we know of the peer's outgoing window.
 *
 * <p>The window is sized either in frames or from a byte budget divided by our max-frame-size. Complete
 * deliveries the application has not read yet are held against it, until read (or dropped with their link or
 * session). A delivery still arriving is not held: were it, a delivery larger than the window could never
 * complete (its size is bounded by the link's max-message-size instead). When the window can grow by half its
 * capacity beyond what the peer last heard, {@link #shouldReadvertise()} says so, so that a session flow is
 * sent even when no link has anything to say.
 *
 * <p>The application may resize the window at any time; the new value is advertised as it is, smaller too. A
 * transfer is a window-violation only beyond what the largest advertised window allowed, since transfers the
 * peer sent under a larger window may still be on their way when it shrinks.
 */
final class SessionIncomingWindow {

    private long capacityFrames;
    private long capacityBytes;
    private int maxFrameSize;

    private int nextIncomingId;
    /**
     * Transfers the peer may still send under the most it was ever allowed: the incoming-window, or more after the
     * window shrank (the peer may not have heard yet).
     */
    private long headroom;
    private boolean remoteBegun;
    /** The incoming-window as the peer sees it: last advertised value less the transfers since. */
    private long incomingWindow;
    private long remoteOutgoingWindow;
    private long bufferedFrames;
    private long bufferedBytes;

    private SessionIncomingWindow(long capacityFrames, long capacityBytes, int maxFrameSize) {
        this.capacityFrames = capacityFrames;
        this.capacityBytes = capacityBytes;
        this.maxFrameSize = maxFrameSize;
        this.incomingWindow = available();
    }

    /** A window of so many transfer frames. */
    static SessionIncomingWindow ofFrames(long frames) {
        checkFrames(frames);
        return new SessionIncomingWindow(frames, -1, 0);
    }

    /** A window of as many frames of our max-frame-size as the byte budget holds. */
    static SessionIncomingWindow ofBytes(long budget, int maxFrameSize) {
        checkBytes(budget, maxFrameSize);
        return new SessionIncomingWindow(-1, budget, maxFrameSize);
    }

    static void checkFrames(long frames) {
        if (frames < 0 || frames > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("incoming-window must be a uint: " + frames);
        }
    }

    static void checkBytes(long budget, int maxFrameSize) {
        if (maxFrameSize < 512) {
            throw new IllegalArgumentException("max-frame-size below 512: " + maxFrameSize);
        }
        if (budget < maxFrameSize) {
            throw new IllegalArgumentException("a byte budget of " + budget + " does not hold one frame of " + maxFrameSize);
        }
    }

    /** The application's new window in frames: what the next flow advertises, smaller or larger. */
    void resizeFrames(long frames) {
        checkFrames(frames);
        capacityFrames = frames;
        capacityBytes = -1;
        incomingWindow = available();
    }

    /** The application's new window as a byte budget (see {@link #resizeFrames}). */
    void resizeBytes(long budget, int maxFrameSize) {
        checkBytes(budget, maxFrameSize);
        capacityFrames = -1;
        capacityBytes = budget;
        this.maxFrameSize = maxFrameSize;
        incomingWindow = available();
    }

    /** The window the buffer can hold now. */
    private long available() {
        if (capacityBytes >= 0) {
            return SessionOutgoingWindow.clampUInt(Math.max(0, capacityBytes - bufferedBytes) / maxFrameSize);
        }
        return Math.max(0, capacityFrames - bufferedFrames);
    }

    private long capacity() {
        return capacityBytes >= 0 ? SessionOutgoingWindow.clampUInt(capacityBytes / maxFrameSize) : capacityFrames;
    }

    int nextIncomingId() {
        return nextIncomingId;
    }

    boolean isRemoteBegun() {
        return remoteBegun;
    }

    long incomingWindow() {
        return incomingWindow;
    }

    long remoteOutgoingWindow() {
        return remoteOutgoingWindow;
    }

    long bufferedBytes() {
        return bufferedBytes;
    }

    /** 2.5.6: the peer's begin gives its next-outgoing-id, which is the first transfer-id we expect. */
    void remoteBegin(long nextOutgoingId, long outgoingWindow) {
        nextIncomingId = SerialNumber.of(nextOutgoingId);
        remoteOutgoingWindow = outgoingWindow;
        remoteBegun = true;
    }

    /** 2.5.6: remote-outgoing-window = next-outgoing-id(flow) + outgoing-window(flow) - next-incoming-id(endpoint). */
    void remoteFlow(long nextOutgoingId, long outgoingWindow) {
        remoteOutgoingWindow = SessionOutgoingWindow.clampUInt(
                outgoingWindow + SerialNumber.difference(SerialNumber.of(nextOutgoingId), nextIncomingId));
    }

    /**
     * The value to put in a begin or flow. It grows to what the buffer can take, but never shrinks below what
     * the peer was already allowed: transfers it sent under the last window may be in flight, and they must
     * not turn into a window-violation.
     */
    long advertise() {
        incomingWindow = Math.max(incomingWindow, available());
        headroom = Math.max(headroom, incomingWindow);
        return incomingWindow;
    }

    /**
     * Accounts one incoming transfer frame. Returns false, changing nothing, if it violates our incoming
     * window (2.5.6: amqp:session:window-violation).
     */
    boolean transferReceived() {
        if (headroom == 0) {
            return false;
        }
        nextIncomingId = SerialNumber.add(nextIncomingId, 1);
        headroom--;
        incomingWindow = Math.max(0, incomingWindow - 1);
        remoteOutgoingWindow = Math.max(0, remoteOutgoingWindow - 1);
        return true;
    }

    /** Frames and bytes of complete deliveries waiting for the application. */
    void held(long frames, long bytes) {
        bufferedFrames += frames;
        bufferedBytes += bytes;
    }

    /** Held frames and bytes given up by the application (read, or dropped). */
    void consumed(long frames, long bytes) {
        bufferedFrames = Math.max(0, bufferedFrames - frames);
        bufferedBytes = Math.max(0, bufferedBytes - bytes);
    }

    /**
     * Whether a session flow should be sent to re-advertise the window: the buffer can now take at least half
     * the capacity more than the peer believes. (A flow per consumed frame would be as correct, and noisy.)
     */
    boolean shouldReadvertise() {
        return remoteBegun && available() - incomingWindow >= Math.max(1, capacity() / 2);
    }
}
