package org.amqpexplorer.protocol.sasl;

/**
 * What a client can authenticate with.
 *
 * @param user                 the user name, or null for none
 * @param password             the password, or null
 * @param hasClientCertificate whether TLS presents a client certificate (makes EXTERNAL possible)
 * @param mechanism            the mechanism the user asked for, or null to choose from what the peer offers
 */
public record SaslCredentials(String user, char[] password, boolean hasClientCertificate, String mechanism) {
    public static final SaslCredentials ANONYMOUS = new SaslCredentials(null, null, false, null);

    public SaslCredentials {
        password = password == null ? null : password.clone();
    }

    @Override
    public String toString() {
        return "SaslCredentials[user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", clientCertificate=" + hasClientCertificate + ", mechanism=" + mechanism + "]";
    }
}
