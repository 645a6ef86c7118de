package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EngineEvent.DeliveryRef;
import org.amqpexplorer.protocol.engine.EngineEvent.Side;

/**
 * A message transfer on a link (2.6.12), from the first transfer to settlement at both ends. The state is a
 * delivery state (3.4): a typed record or any described value.
 */
public abstract sealed class Delivery permits IncomingDelivery, OutgoingDelivery {

    final Link link;
    final long key;
    final BinaryValue tag;
    final long messageFormat;
    int deliveryId;
    boolean hasDeliveryId;
    AmqpValue localState;
    AmqpValue remoteState;
    boolean settled;
    boolean remotelySettled;
    boolean aborted;
    /** Waiting in the session's batch of dispositions to send. */
    boolean dispositionPending;

    Delivery(Link link, long key, BinaryValue tag, long messageFormat) {
        this.link = link;
        this.key = key;
        this.tag = tag;
        this.messageFormat = messageFormat;
    }

    /** A key unique within the connection, as events name it ({@code EngineEvent.DeliveryRef#key}). */
    public long key() {
        return key;
    }

    public Link link() {
        return link;
    }

    public BinaryValue tag() {
        return tag;
    }

    public long messageFormat() {
        return messageFormat;
    }

    /** The delivery-id (uint), or -1 for an outgoing delivery whose first transfer has not been sent. */
    public long deliveryId() {
        return hasDeliveryId ? SerialNumber.toUnsigned(deliveryId) : -1;
    }

    public AmqpValue localState() {
        return localState;
    }

    public AmqpValue remoteState() {
        return remoteState;
    }

    /** Settled at this end. */
    public boolean isSettled() {
        return settled;
    }

    public boolean isRemotelySettled() {
        return remotelySettled;
    }

    public boolean isAborted() {
        return aborted;
    }

    /**
     * Sets this end's state of the delivery and, with {@code settle}, settles it; the peer hears of it in a
     * disposition (batched with others into ranges) unless it has already settled and forgotten the delivery.
     *
     * @throws IllegalStateException if the delivery is already settled here, has no delivery-id yet, or (for a
     *                               receiver in rcv-settle-mode second) the sender has not settled first
     */
    public void disposition(AmqpValue state, boolean settle) {
        Connection connection = link.connection;
        connection.enter();
        try {
            if (settled) {
                throw new IllegalStateException("delivery " + deliveryId() + " is already settled");
            }
            if (!hasDeliveryId) {
                throw new IllegalStateException("delivery has not been sent yet; abort it instead");
            }
            checkMaySettle(settle);
            if (state != null && (localState == null || !state.equals(localState))) {
                localState = state;
                if (connection.events.enabled()) {
                    connection.events.emit(new EngineEvent.DeliveryStateChanged(connection.events.now(), ref(), state, Side.LOCAL));
                }
            }
            if (settle) {
                settleLocally();
            }
            if (!remotelySettled) {
                link.session.queueDisposition(this);
            }
        } finally {
            connection.exit();
        }
    }

    /** Settles with the current state. */
    public void settle() {
        disposition(null, true);
    }

    void checkMaySettle(boolean settle) {
    }

    void settleLocally() {
        settled = true;
        Connection connection = link.connection;
        if (connection.events.enabled()) {
            connection.events.emit(new EngineEvent.DeliverySettled(connection.events.now(), ref(), Side.LOCAL));
        }
        // Once settled here the delivery is forgotten: later dispositions about it are ignored (2.6.12).
        link.session.forget(this);
    }

    /** The peer's disposition for this delivery. */
    void remoteUpdate(AmqpValue state, boolean settle) {
        if (applyRemote(state, settle)) {
            afterRemoteUpdate();
        }
    }

    /** Takes the peer's state and settlement (from a disposition or a transfer); returns whether they changed. */
    boolean applyRemote(AmqpValue state, boolean settle) {
        Connection connection = link.connection;
        boolean changed = false;
        if (state != null && (remoteState == null || !state.equals(remoteState))) {
            remoteState = state;
            changed = true;
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.DeliveryStateChanged(connection.events.now(), ref(), state, Side.REMOTE));
            }
        }
        if (settle && !remotelySettled) {
            remotelySettled = true;
            changed = true;
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.DeliverySettled(connection.events.now(), ref(), Side.REMOTE));
            }
        }
        return changed;
    }

    abstract void afterRemoteUpdate();

    /** Whether this end plays the receiver for this delivery. */
    abstract boolean incoming();

    DeliveryRef ref() {
        return new DeliveryRef(link.ref(), key, deliveryId(), tag);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + deliveryId() + ", tag=" + tag + ", state=" + localState
                + "/" + remoteState + ", settled=" + settled + "/" + remotelySettled + (aborted ? ", aborted" : "") + "]";
    }
}
