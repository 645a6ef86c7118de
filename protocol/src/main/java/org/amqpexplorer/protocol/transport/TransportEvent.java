package org.amqpexplorer.protocol.transport;

import java.util.List;

/** What a transport did with its socket, in words a person can read. Delivered on the connection's thread. */
public sealed interface TransportEvent {

    /**
     * The socket is connected (and TLS, if any, negotiated).
     *
     * @param tls             e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384", or null for plain TCP
     * @param peerCertificate the peer certificate's subject, or null
     * @param insecure        certificate and host-name checks were switched off by the user
     */
    record Connected(String local, String remote, String tls, String peerCertificate, boolean insecure)
            implements TransportEvent {
    }

    /** SASL finished successfully. {@code identity} is set on the server side. */
    record Authenticated(String mechanism, String identity) implements TransportEvent {
    }

    /** The connection could not be made or broke; {@code reason} says what happened and, where it can, what to do. */
    record Failed(String reason) implements TransportEvent {
    }

    /**
     * Step mode: how many frames (and the protocol header, if not yet passed) each direction holds back now, and
     * those units themselves, oldest first, as they are on the wire: whole frames, or the protocol header's eight
     * bytes. The arrays are the transport's own and never change; do not change them either.
     */
    record Held(int incoming, int outgoing, List<byte[]> incomingFrames, List<byte[]> outgoingFrames)
            implements TransportEvent {
    }

    /** The socket is closed; nothing more will happen on this transport. */
    record Closed() implements TransportEvent {
    }
}
