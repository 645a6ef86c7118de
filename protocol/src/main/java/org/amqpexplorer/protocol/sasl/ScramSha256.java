package org.amqpexplorer.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding. The password never crosses the wire; the
 * client also checks the server's signature, so a server that does not know the password is caught.
 * User names are not SASLprep-normalised: names and passwords are used as given, in UTF-8.
 */
public final class ScramSha256 implements SaslClientMechanism {
    public static final String NAME = "SCRAM-SHA-256";
    private static final String GS2_HEADER = "n,,";
    private static final int DEFAULT_ITERATIONS = 4096;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final char[] password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramSha256(String user, char[] password) {
        this(user, password, nonce());
    }

    ScramSha256(String user, char[] password, String clientNonce) {
        this.user = user;
        this.password = password.clone();
        this.clientNonce = clientNonce;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] initialResponse() {
        clientFirstBare = "n=" + escape(user) + ",r=" + clientNonce;
        return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] challenge(byte[] challenge) throws SaslException {
        if (clientFirstBare == null) throw new SaslException("SCRAM challenge before the initial response");
        if (expectedServerSignature != null) throw new SaslException("SCRAM: unexpected second challenge");
        String serverFirst = new String(challenge, StandardCharsets.UTF_8);
        Map<Character, String> attrs = attributes(serverFirst);
        String nonce = attrs.get('r');
        String salt = attrs.get('s');
        String iterations = attrs.get('i');
        if (nonce == null || salt == null || iterations == null) throw new SaslException("SCRAM server-first message lacks r, s or i");
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslException("SCRAM server nonce does not extend the client nonce");
        }
        int i;
        try {
            i = Integer.parseInt(iterations);
        } catch (NumberFormatException e) {
            throw new SaslException("SCRAM iteration count is not a number: " + iterations);
        }
        if (i < 1 || i > MAX_ITERATIONS) throw new SaslException("SCRAM iteration count out of range: " + i);
        byte[] saltBytes;
        try {
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw new SaslException("SCRAM salt is not base64");
        }
        String channelBinding = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
        String clientFinalWithoutProof = channelBinding + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof;
        Keys keys = Keys.derive(password, saltBytes, i);
        byte[] clientSignature = hmac(keys.storedKey, authMessage);
        byte[] proof = keys.clientKey.clone();
        for (int k = 0; k < proof.length; k++) proof[k] ^= clientSignature[k];
        expectedServerSignature = hmac(keys.serverKey, authMessage);
        String clientFinal = clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
        return clientFinal.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void verifyOutcome(byte[] additionalData) throws SaslException {
        if (expectedServerSignature == null) throw new SaslException("SCRAM outcome before the exchange completed");
        if (additionalData == null) throw new SaslException("SCRAM outcome lacks the server signature");
        Map<Character, String> attrs = attributes(new String(additionalData, StandardCharsets.UTF_8));
        if (attrs.containsKey('e')) throw new SaslException("SCRAM server error: " + attrs.get('e'));
        String v = attrs.get('v');
        byte[] signature;
        try {
            signature = v == null ? null : Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new SaslException("SCRAM server signature is not base64");
        }
        if (signature == null || !MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslException("SCRAM server signature does not match: the server does not know the password");
        }
    }

    /** The server side, checking against {@code users}. */
    public static SaslServerMechanism server(SaslUsers users) {
        return new Server(users, nonce(), salt(), DEFAULT_ITERATIONS);
    }

    static final class Server implements SaslServerMechanism {
        private final SaslUsers users;
        private final String serverNonce;
        private final byte[] salt;
        private final int iterations;
        private String user;
        private String clientFirstBare;
        private String serverFirst;
        private String nonce;

        Server(SaslUsers users, String serverNonce, byte[] salt, int iterations) {
            this.users = users;
            this.serverNonce = serverNonce;
            this.salt = salt;
            this.iterations = iterations;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Step respond(byte[] response) {
            String message = response == null ? "" : new String(response, StandardCharsets.UTF_8);
            return serverFirst == null ? first(message) : last(message);
        }

        private Step first(String clientFirst) {
            if (!clientFirst.startsWith(GS2_HEADER)) {
                return new Step.Failure("SCRAM client-first must start with 'n,,' (no channel binding, no authzid)");
            }
            clientFirstBare = clientFirst.substring(GS2_HEADER.length());
            Map<Character, String> attrs;
            try {
                attrs = attributes(clientFirstBare);
            } catch (SaslException e) {
                return new Step.Failure(e.getMessage());
            }
            String n = attrs.get('n');
            String r = attrs.get('r');
            if (n == null || r == null || r.isEmpty()) return new Step.Failure("SCRAM client-first lacks n or r");
            user = unescape(n);
            nonce = r + serverNonce;
            serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
            return new Step.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
        }

        private Step last(String clientFinal) {
            int p = clientFinal.lastIndexOf(",p=");
            if (p < 0) return new Step.Failure("SCRAM client-final lacks the proof");
            String withoutProof = clientFinal.substring(0, p);
            Map<Character, String> attrs;
            byte[] proof;
            try {
                attrs = attributes(withoutProof);
                proof = Base64.getDecoder().decode(clientFinal.substring(p + 3));
            } catch (SaslException | IllegalArgumentException e) {
                return new Step.Failure("SCRAM client-final is malformed");
            }
            if (!nonce.equals(attrs.get('r'))) return new Step.Failure("SCRAM client-final nonce does not match");
            char[] password = users.password(user);
            if (password == null) return new Step.Failure("unknown user '" + user + "'");
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            Keys keys = Keys.derive(password, salt, iterations);
            byte[] clientSignature = hmac(keys.storedKey, authMessage);
            if (proof.length != clientSignature.length) return new Step.Failure("wrong password for user '" + user + "'");
            byte[] clientKey = proof.clone();
            for (int k = 0; k < clientKey.length; k++) clientKey[k] ^= clientSignature[k];
            if (!MessageDigest.isEqual(sha256(clientKey), keys.storedKey)) {
                return new Step.Failure("wrong password for user '" + user + "'");
            }
            String serverFinal = "v=" + Base64.getEncoder().encodeToString(hmac(keys.serverKey, authMessage));
            return new Step.Success(user, serverFinal.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Keys(byte[] clientKey, byte[] storedKey, byte[] serverKey) {
        static Keys derive(char[] password, byte[] salt, int iterations) {
            try {
                // Hi() of RFC 5802 is PBKDF2 with HMAC-SHA-256 and a 256-bit output.
                SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
                PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
                byte[] salted = f.generateSecret(spec).getEncoded();
                spec.clearPassword();
                byte[] clientKey = hmac(salted, "Client Key");
                byte[] serverKey = hmac(salted, "Server Key");
                Arrays.fill(salted, (byte) 0);
                return new Keys(clientKey, sha256(clientKey), serverKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
            }
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Parses {@code a=value,b=value}; values may contain '='. */
    private static Map<Character, String> attributes(String message) throws SaslException {
        Map<Character, String> attrs = new LinkedHashMap<>();
        if (message.isEmpty()) return attrs;
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=') throw new SaslException("SCRAM attribute is malformed: '" + part + "'");
            attrs.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return attrs;
    }

    /** RFC 5802 saslname: '=' and ',' are escaped. */
    private static String escape(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    private static String unescape(String name) {
        return name.replace("=2C", ",").replace("=3D", "=");
    }

    private static String nonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] salt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
