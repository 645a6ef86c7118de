package org.amqpexplorer.protocol.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds SSL contexts from {@link TlsOptions}. Problems come out as {@link TransportException}s that say which file and why. */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext client(TlsOptions options) throws TransportException {
        return context(options, options.insecure() ? new TrustManager[] {new TrustAll()} : trustManagers(options));
    }

    static SSLContext server(TlsOptions options) throws TransportException {
        if (options.keyStore() == null) throw new TransportException("a TLS listener needs a key store with its certificate");
        // Client certificates, when offered, are checked against the trust store (mutual TLS).
        return context(options, trustManagers(options));
    }

    /** Turns on host-name verification (and SNI) for a client connecting to {@code host}, unless insecure. */
    static SSLParameters clientParameters(SSLParameters p, TlsOptions options, String host) {
        if (!options.insecure() && options.verifyHostName()) p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    private static SSLContext context(TlsOptions options, TrustManager[] trust) throws TransportException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(options), trust, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new TransportException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(TlsOptions options) throws TransportException {
        if (options.keyStore() == null) return null;
        KeyStore ks = loadPkcs12(options.keyStore(), options.keyStorePassword(), "key store");
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password(options.keyStorePassword()));
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new TransportException("key store " + options.keyStore() + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(TlsOptions options) throws TransportException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(options.trustStore() == null ? null : loadTrust(options.trustStore(), options.trustStorePassword()));
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new TransportException("trust store " + options.trustStore() + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** A PEM file of certificates, or a PKCS12 store. */
    private static KeyStore loadTrust(Path file, char[] password) throws TransportException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12")) return loadPkcs12(file, password, "trust store");
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new TransportException("trust store " + file + " holds no certificates");
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("cert-" + i++, c);
            return ks;
        } catch (IOException e) {
            throw new TransportException("trust store " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            // Not PEM: try PKCS12 before giving up.
            return loadPkcs12(file, password, "trust store");
        }
    }

    private static KeyStore loadPkcs12(Path file, char[] password, String what) throws TransportException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password(password));
            return ks;
        } catch (IOException e) {
            String reason = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password") ? "wrong password or not a PKCS12 file" : e.getMessage();
            throw new TransportException(what + " " + file + " cannot be read: " + reason, e);
        } catch (GeneralSecurityException e) {
            throw new TransportException(what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static char[] password(char[] p) {
        return p == null ? new char[0] : p;
    }

    /** The explicit "insecure" choice: every certificate is accepted. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
