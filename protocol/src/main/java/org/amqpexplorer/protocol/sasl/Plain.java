package org.amqpexplorer.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** PLAIN (RFC 4616): authzid NUL authcid NUL password, in the clear (use it over TLS). */
public final class Plain implements SaslClientMechanism {
    public static final String NAME = "PLAIN";

    private final String user;
    private final char[] password;

    public Plain(String user, char[] password) {
        this.user = user;
        this.password = password.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] initialResponse() {
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] p = new String(password).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[2 + u.length + p.length];
        // empty authzid, NUL, authcid, NUL, password
        System.arraycopy(u, 0, out, 1, u.length);
        System.arraycopy(p, 0, out, 2 + u.length, p.length);
        return out;
    }

    @Override
    public byte[] challenge(byte[] challenge) throws SaslException {
        throw new SaslException("PLAIN expects no challenge");
    }

    @Override
    public void verifyOutcome(byte[] additionalData) {
        // nothing to verify
    }

    /** The server side, checking against {@code users}. */
    public static SaslServerMechanism server(SaslUsers users) {
        return new SaslServerMechanism() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Step respond(byte[] response) {
                if (response == null) return new Step.Failure("PLAIN needs an initial response");
                int first = indexOf(response, 0);
                int second = first < 0 ? -1 : indexOf(response, first + 1);
                if (second < 0) return new Step.Failure("PLAIN response is not authzid NUL authcid NUL password");
                String authcid = new String(response, first + 1, second - first - 1, StandardCharsets.UTF_8);
                byte[] given = java.util.Arrays.copyOfRange(response, second + 1, response.length);
                char[] expected = users.password(authcid);
                if (expected == null) return new Step.Failure("unknown user '" + authcid + "'");
                boolean ok = MessageDigest.isEqual(new String(expected).getBytes(StandardCharsets.UTF_8), given);
                return ok ? new Step.Success(authcid, null) : new Step.Failure("wrong password for user '" + authcid + "'");
            }
        };
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == 0) return i;
        return -1;
    }
}
