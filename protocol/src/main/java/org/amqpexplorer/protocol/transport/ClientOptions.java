package org.amqpexplorer.protocol.transport;

import java.time.Duration;
import org.amqpexplorer.protocol.sasl.SaslCredentials;

/**
 * How to reach a peer.
 *
 * @param host             where to connect
 * @param port             the TCP port
 * @param tls              TLS from the first byte (amqps), or null for plain TCP
 * @param sasl             SASL credentials, or null to skip SASL and speak AMQP at once
 * @param saslHostname     the hostname sent in sasl-init (usually the virtual host), or null
 * @param connectTimeout   how long the TCP connect (and TLS handshake) may take
 * @param handshakeTimeout how long SASL may take, and how long the peer may take to answer our close
 */
public record ClientOptions(String host, int port, TlsOptions tls, SaslCredentials sasl, String saslHostname,
                            Duration connectTimeout, Duration handshakeTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    /** From a URL: TLS for amqps (with default checks), SASL with the URL's user or anonymously. */
    public static ClientOptions of(AmqpUrl url) {
        SaslCredentials sasl = new SaslCredentials(url.user(), url.password(), false, url.saslMechanism());
        return new ClientOptions(url.host(), url.port(), url.tls() ? TlsOptions.DEFAULT : null, sasl, url.virtualHost(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public ClientOptions withTls(TlsOptions tls) {
        SaslCredentials s = sasl == null ? null
                : new SaslCredentials(sasl.user(), sasl.password(), tls != null && tls.keyStore() != null, sasl.mechanism());
        return new ClientOptions(host, port, tls, s, saslHostname, connectTimeout, handshakeTimeout);
    }

    public ClientOptions withTimeouts(Duration connect, Duration handshake) {
        return new ClientOptions(host, port, tls, sasl, saslHostname, connect, handshake);
    }

    /** Skips SASL: the AMQP header is sent at once (peers that do not ask for SASL). */
    public ClientOptions withoutSasl() {
        return new ClientOptions(host, port, tls, null, saslHostname, connectTimeout, handshakeTimeout);
    }
}
