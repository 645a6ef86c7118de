package org.amqpexplorer.protocol.peer;

import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.types.ErrorCondition;

/** What the built-in peer did, for observers (e.g. the GUI). Connections are numbered from 1 in accept order. */
public sealed interface PeerEvent {

    /**
     * A client connected. Delivered on the listener's thread before the connection's own thread starts, so an
     * observer may add an {@link org.amqpexplorer.protocol.engine.EngineObserver} to {@code connection} here
     * and see every frame; anything else it does with the engine must go through {@link Connection#post}.
     */
    record ConnectionAccepted(long connectionId, String remoteAddress, Connection connection) implements PeerEvent {
    }

    /** The client passed SASL as {@code identity} (null for ANONYMOUS). */
    record ConnectionAuthenticated(long connectionId, String mechanism, String identity) implements PeerEvent {
    }

    /**
     * The connection is gone; its unsettled deliveries went back to their queues.
     *
     * @param reason null for a clean close, otherwise what went wrong in words (a transport failure, or the
     *               error either end closed with)
     */
    record ConnectionClosed(long connectionId, String reason) implements PeerEvent {
    }

    record QueueCreated(String address, boolean dynamic) implements PeerEvent {
    }

    record QueueDeleted(String address) implements PeerEvent {
    }

    /** A consumer rejected a message (3.4.3): it is dropped. {@code error} is the consumer's, possibly null. */
    record MessageRejected(String address, long connectionId, ErrorCondition error, byte[] payload)
            implements PeerEvent {
    }

    /**
     * The queue refused a message a client sent (full, deleted, or an unknown transaction). The sender was told
     * with a rejected outcome, unless it had sent the message settled.
     */
    record MessageRefused(String address, long connectionId, ErrorCondition error) implements PeerEvent {
    }
}
