package org.amqpexplorer.protocol.peer;

import java.time.Duration;
import java.util.Objects;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.transport.TlsOptions;

/**
 * How the built-in peer listens and how much it holds. {@link #DEFAULT} listens on 127.0.0.1:5672 without TLS,
 * accepts anyone (ANONYMOUS), and bounds each queue to 10 000 messages and 64 MiB.
 *
 * @param host             the address to listen on ("127.0.0.1": this machine only; "0.0.0.0": every interface)
 * @param port             the TCP port; 0 for any free one ({@link Peer#port()} tells which)
 * @param tls              the key store to speak TLS with, or null for none
 * @param tlsFirst         TLS from the first byte (amqps); otherwise only after a client's TLS protocol header
 * @param users            the users PLAIN and SCRAM-SHA-256 accept; null to accept anyone with ANONYMOUS
 * @param handshakeTimeout how long a client may take from connecting to the end of SASL
 * @param maxQueueMessages the most messages one queue answers for: waiting, delivered and not yet settled, and
 *                         sent in a transaction not yet discharged
 * @param maxQueueBytes    the most payload bytes one queue answers for, counted the same way
 * @param maxMessageSize   the largest message the peer takes: the max-message-size of every link it receives on
 * @param linkCredit       the link-credit given to each sending client, given again when half is used
 */
public record PeerOptions(String host, int port, TlsOptions tls, boolean tlsFirst, SaslUsers users,
                          Duration handshakeTimeout, long maxQueueMessages, long maxQueueBytes, long maxMessageSize,
                          int linkCredit) {

    public static final long DEFAULT_MAX_QUEUE_MESSAGES = 10_000;
    public static final long DEFAULT_MAX_QUEUE_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 8L * 1024 * 1024;
    public static final int DEFAULT_LINK_CREDIT = 200;

    public static final PeerOptions DEFAULT = new PeerOptions("127.0.0.1", 5672, null, false, null,
            ClientOptions.DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_MAX_QUEUE_MESSAGES, DEFAULT_MAX_QUEUE_BYTES,
            DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_LINK_CREDIT);

    public PeerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (port < 0 || port > 0xFFFF) throw new IllegalArgumentException("port must be 0..65535: " + port);
        if (tlsFirst && tls == null) throw new IllegalArgumentException("tlsFirst needs TLS options");
        if (maxQueueMessages < 1) throw new IllegalArgumentException("maxQueueMessages must be positive: " + maxQueueMessages);
        if (maxQueueBytes < 1) throw new IllegalArgumentException("maxQueueBytes must be positive: " + maxQueueBytes);
        if (maxMessageSize < 1) throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
        if (linkCredit < 1) throw new IllegalArgumentException("linkCredit must be positive: " + linkCredit);
    }

    public PeerOptions withAddress(String host, int port) {
        return new PeerOptions(host, port, tls, tlsFirst, users, handshakeTimeout, maxQueueMessages, maxQueueBytes,
                maxMessageSize, linkCredit);
    }

    /** Port 0: any free port. */
    public PeerOptions withPort(int port) {
        return withAddress(host, port);
    }

    /** PLAIN and SCRAM-SHA-256 against these users (null: ANONYMOUS). */
    public PeerOptions withUsers(SaslUsers users) {
        return new PeerOptions(host, port, tls, tlsFirst, users, handshakeTimeout, maxQueueMessages, maxQueueBytes,
                maxMessageSize, linkCredit);
    }

    public PeerOptions withTls(TlsOptions tls, boolean tlsFirst) {
        return new PeerOptions(host, port, tls, tlsFirst, users, handshakeTimeout, maxQueueMessages, maxQueueBytes,
                maxMessageSize, linkCredit);
    }

    public PeerOptions withHandshakeTimeout(Duration timeout) {
        return new PeerOptions(host, port, tls, tlsFirst, users, timeout, maxQueueMessages, maxQueueBytes,
                maxMessageSize, linkCredit);
    }

    public PeerOptions withQueueLimits(long maxMessages, long maxBytes) {
        return new PeerOptions(host, port, tls, tlsFirst, users, handshakeTimeout, maxMessages, maxBytes,
                maxMessageSize, linkCredit);
    }

    public PeerOptions withMaxMessageSize(long maxMessageSize) {
        return new PeerOptions(host, port, tls, tlsFirst, users, handshakeTimeout, maxQueueMessages, maxQueueBytes,
                maxMessageSize, linkCredit);
    }

    public PeerOptions withLinkCredit(int linkCredit) {
        return new PeerOptions(host, port, tls, tlsFirst, users, handshakeTimeout, maxQueueMessages, maxQueueBytes,
                maxMessageSize, linkCredit);
    }

    ServerOptions serverOptions() {
        return new ServerOptions(tls, tlsFirst, users, handshakeTimeout);
    }
}
