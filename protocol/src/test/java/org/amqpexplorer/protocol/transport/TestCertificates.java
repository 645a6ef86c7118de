package org.amqpexplorer.protocol.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made for a test: a CA, and certificates it signs, written as PKCS12 and PEM files. */
public final class TestCertificates {
    public static final char[] PASSWORD = "changeit".toCharArray();

    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private TestCertificates() {
    }

    public static Issued ca(String cn) throws GeneralSecurityException {
        KeyPair keys = keys();
        return new Issued(keys, sign(cn, keys, "CN=" + cn, keys, true, null));
    }

    /** A certificate for {@code cn}, valid for the DNS names / IP addresses given, signed by {@code ca}. */
    public static Issued issue(Issued ca, String cn, String... names) throws GeneralSecurityException {
        KeyPair keys = keys();
        return new Issued(keys, sign(cn, keys, ca.certificate().getSubjectX500Principal().getName(), ca.keys(), false, names));
    }

    /** A PKCS12 file with the key and certificate chain. */
    public static Path keyStore(Path dir, String name, Issued entry, Issued ca) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", entry.keys().getPrivate(), PASSWORD, new Certificate[] {entry.certificate(), ca.certificate()});
        Path file = dir.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return file;
    }

    /** A PEM file holding the certificate. */
    public static Path pem(Path dir, String name, X509Certificate cert) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(cert);
        }
        Path file = dir.resolve(name + ".pem");
        Files.writeString(file, w.toString());
        return file;
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(String cn, KeyPair subject, String issuerDn, KeyPair issuer, boolean ca,
                                        String[] names) throws GeneralSecurityException {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuerDn),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn), subject.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (names != null && names.length > 0) {
                GeneralName[] gn = new GeneralName[names.length];
                for (int i = 0; i < names.length; i++) {
                    gn[i] = new GeneralName(names[i].matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(gn));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
