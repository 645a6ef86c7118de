package org.amqpexplorer.protocol.transport;

import java.time.Duration;
import org.amqpexplorer.protocol.sasl.SaslUsers;

/**
 * How a listener treats the connections it accepts.
 *
 * @param tls              the key store (and trust store for client certificates) to speak TLS with, or null
 * @param tlsFirst         TLS from the first byte (amqps); otherwise TLS only after the client's TLS header
 * @param users            the users PLAIN and SCRAM-SHA-256 check; null to accept ANONYMOUS (or no SASL at all)
 * @param handshakeTimeout how long a client may take from connecting to finishing SASL, and to answer our close
 */
public record ServerOptions(TlsOptions tls, boolean tlsFirst, SaslUsers users, Duration handshakeTimeout) {

    public static final ServerOptions ANONYMOUS = new ServerOptions(null, false, null, ClientOptions.DEFAULT_HANDSHAKE_TIMEOUT);

    public ServerOptions {
        if (tlsFirst && tls == null) throw new IllegalArgumentException("tlsFirst needs TLS options");
    }
}
