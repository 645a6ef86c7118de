package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Role;

/**
 * Everything an engine does that can be observed, as immutable values safe to hand to another thread.
 * Timestamps come from the connection's clock. Unsigned protocol numbers (transfer-ids, windows, counts,
 * handles) are carried as {@code long}; -1 stands for "not known yet".
 */
public sealed interface EngineEvent {

    long timestamp();

    /** Which end did something. */
    enum Side { LOCAL, REMOTE }

    /** What a protocol error ended: the whole connection, one session, or one link. */
    enum Scope { CONNECTION, SESSION, LINK }

    record HeaderSent(long timestamp, ProtocolHeader header) implements EngineEvent {
    }

    record HeaderReceived(long timestamp, ProtocolHeader header) implements EngineEvent {
    }

    /**
     * A frame written to the output.
     *
     * @param body      the performative, or null for an empty frame (a heartbeat)
     * @param rawBytes  the whole frame as written, if the observer asked for raw bytes; otherwise null
     */
    record FrameSent(long timestamp, int channel, Described body, int payloadSize, int frameSize, byte[] rawBytes)
            implements EngineEvent {
    }

    /** A frame read from the input (see {@link FrameSent}). */
    record FrameReceived(long timestamp, int channel, Described body, int payloadSize, int frameSize, byte[] rawBytes)
            implements EngineEvent {
    }

    /** @param error the error of the close that caused this state, if any */
    record ConnectionStateChanged(long timestamp, EndpointState state, ErrorCondition error) implements EngineEvent {
    }

    record SessionStateChanged(long timestamp, int localChannel, int remoteChannel, EndpointState state,
                               ErrorCondition error) implements EngineEvent {
    }

    /** @param closed for a detach: whether it closed the link rather than only detaching it */
    record LinkStateChanged(long timestamp, LinkRef link, EndpointState state, boolean closed, ErrorCondition error)
            implements EngineEvent {
    }

    /** The session's flow-control state (2.5.6) after a change, from this end's point of view. */
    record SessionWindowChanged(long timestamp, int localChannel, long nextIncomingId, long incomingWindow,
                                long nextOutgoingId, long outgoingWindow, long remoteIncomingWindow,
                                long remoteOutgoingWindow) implements EngineEvent {
    }

    /**
     * A link's flow state (2.6.7) after a change: this end's values, and the peer's as its last flow gave them
     * (null before it sent one).
     */
    record LinkFlowChanged(long timestamp, LinkRef link, FlowState local, FlowState remote) implements EngineEvent {
    }

    record FlowState(long deliveryCount, long linkCredit, long available, boolean drain) {
    }

    /** A delivery came into being: queued by this end, or announced by the peer's first transfer. */
    record DeliveryCreated(long timestamp, DeliveryRef delivery, long messageFormat, boolean settled)
            implements EngineEvent {
    }

    /** One transfer frame of a delivery was sent or received. */
    record DeliveryTransferred(long timestamp, DeliveryRef delivery, int payloadSize, boolean more, long totalPayload)
            implements EngineEvent {
    }

    record DeliveryAborted(long timestamp, DeliveryRef delivery, Side by) implements EngineEvent {
    }

    record DeliveryStateChanged(long timestamp, DeliveryRef delivery, AmqpValue state, Side by) implements EngineEvent {
    }

    record DeliverySettled(long timestamp, DeliveryRef delivery, Side by) implements EngineEvent {
    }

    /**
     * The peer broke a rule of the protocol (or its bytes could not be read); the engine ends the connection,
     * session or link with this error.
     */
    record ProtocolError(long timestamp, Scope scope, int channel, long handle, ErrorCondition error)
            implements EngineEvent {
    }

    /** Names a link: its session's local channel, its name, our role, and both handles (-1 if not assigned). */
    record LinkRef(int channel, String name, Role role, long handle, long remoteHandle) {
    }

    /**
     * Names a delivery: its link, a key unique within the connection (deliveries queued by this end have no
     * delivery-id until their first transfer), the delivery-id (-1 until known) and the tag.
     */
    record DeliveryRef(LinkRef link, long key, long deliveryId, BinaryValue tag) {
    }
}
