package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.codec.BinaryValue;

/** A delivery this end sends: queued on its {@link Sender} until credit and the session window let it go. */
public final class OutgoingDelivery extends Delivery {

    final byte[] payload;
    /** settled=true on its transfers: at-most-once (2.6.12). */
    final boolean presettled;
    boolean started;
    boolean sent;
    boolean abortRequested;
    long bytesSent;
    /** Its first transfer says resume (2.6.13). */
    boolean resume;

    OutgoingDelivery(Sender sender, long key, BinaryValue tag, long messageFormat, byte[] payload, boolean presettled) {
        super(sender, key, tag, messageFormat);
        this.payload = payload;
        this.presettled = presettled;
    }

    public Sender sender() {
        return (Sender) link;
    }

    public int payloadSize() {
        return payload.length;
    }

    /** Whether the first transfer has been sent (the delivery has its delivery-id and used a credit). */
    public boolean isStarted() {
        return started;
    }

    /** Whether every transfer frame has been sent. */
    public boolean isSent() {
        return sent;
    }

    /**
     * Gives up the delivery (2.6.14). Not yet started: it is dropped without a frame, unless it resumes a
     * delivery the peer may hold unsettled (2.6.13), which goes out as one transfer that says resume and
     * aborted. Partly sent: its next transfer says aborted, and the receiver discards what it got. Fully sent:
     * too late, an {@link IllegalStateException}.
     */
    public void abort() {
        Connection connection = link.connection;
        connection.enter();
        try {
            if (sent) {
                throw new IllegalStateException("delivery " + deliveryId() + " is completely sent; settle it instead");
            }
            if (aborted || abortRequested) {
                return;
            }
            if (started || resume) {
                abortRequested = true;
            } else {
                sender().dropQueued(this);
            }
        } finally {
            connection.exit();
        }
    }

    @Override
    void afterRemoteUpdate() {
        Connection connection = link.connection;
        connection.handler().remoteDisposition(this);
        if (settled) {
            return;
        }
        if (remotelySettled) {
            // The receiver settled first (rcv-settle-mode first): it has forgotten the delivery, no frame needed.
            settleLocally();
        } else if (DeliveryStates.isTerminal(remoteState) && sender().receiverSettlesSecond()) {
            // 2.6.12 exactly-once: the receiver holds its outcome until we settle, and we settle on it.
            localState = remoteState;
            settleLocally();
            link.session.queueDisposition(this);
        }
    }

    @Override
    boolean incoming() {
        return false;
    }
}
