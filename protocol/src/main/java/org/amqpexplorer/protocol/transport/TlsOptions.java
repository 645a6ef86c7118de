package org.amqpexplorer.protocol.transport;

import java.nio.file.Path;

/**
 * How to speak TLS. By default the peer's certificate chain is verified against the JDK's trust store and
 * its name against the host connected to. {@code insecure} turns both checks off; it is never the default
 * and a connection made with it says so.
 *
 * @param trustStore         certificates to trust instead of the JDK's: a PEM file of certificates or a
 *                           PKCS12 store; null for the JDK's
 * @param trustStorePassword the PKCS12 trust store's password, or null
 * @param keyStore           a PKCS12 store with our certificate and key (client: mutual TLS and SASL
 *                           EXTERNAL; server: the certificate we present); null for none
 * @param keyStorePassword   the key store's password, or null
 * @param verifyHostName     check that the peer's certificate names the host (clients only)
 * @param insecure           trust any certificate and any name
 */
public record TlsOptions(Path trustStore, char[] trustStorePassword, Path keyStore, char[] keyStorePassword,
                         boolean verifyHostName, boolean insecure) {

    /** Verify everything against the JDK's trust store. */
    public static final TlsOptions DEFAULT = new TlsOptions(null, null, null, null, true, false);

    public TlsOptions withTrustStore(Path file, char[] password) {
        return new TlsOptions(file, password, keyStore, keyStorePassword, verifyHostName, insecure);
    }

    public TlsOptions withKeyStore(Path file, char[] password) {
        return new TlsOptions(trustStore, trustStorePassword, file, password, verifyHostName, insecure);
    }

    /** Trust any certificate and skip the host-name check. */
    public TlsOptions withInsecure(boolean on) {
        return new TlsOptions(trustStore, trustStorePassword, keyStore, keyStorePassword, verifyHostName, on);
    }

    @Override
    public String toString() {
        return "TlsOptions[trustStore=" + trustStore + ", keyStore=" + keyStore + ", verifyHostName=" + verifyHostName
                + ", insecure=" + insecure + "]";
    }
}
