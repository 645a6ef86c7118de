package org.amqpexplorer.protocol.sasl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.SaslChallenge;
import org.amqpexplorer.protocol.types.SaslCode;
import org.amqpexplorer.protocol.types.SaslFrame;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.SaslMechanisms;
import org.amqpexplorer.protocol.types.SaslOutcome;
import org.amqpexplorer.protocol.types.SaslResponse;

/**
 * The client's half of the SASL exchange (5.3.2): answers the server's frames, picking a mechanism from
 * those offered. Frames in, frames out; no I/O.
 */
public final class SaslClient {
    /** Preferred first when the user has not named one; only those the credentials allow are tried. */
    private static final List<String> PREFERENCE = List.of(ScramSha256.NAME, Plain.NAME, External.NAME, Anonymous.NAME);

    private final SaslCredentials credentials;
    private final String hostname;
    private SaslClientMechanism mechanism;
    private SaslCode outcome;
    private String failure;

    public SaslClient(SaslCredentials credentials, String hostname) {
        this.credentials = credentials;
        this.hostname = hostname;
    }

    /**
     * The frame to answer {@code frame} with, or null when the exchange is over.
     *
     * @throws SaslException when the exchange cannot go on: no usable mechanism, a frame out of turn, a
     *                       server that failed to prove itself. The message is for people.
     */
    public SaslFrame onFrame(SaslFrame frame) throws SaslException {
        if (isDone()) throw new SaslException("SASL frame " + frame.compositeType().name() + " after the outcome");
        return switch (frame) {
            case SaslMechanisms m -> {
                if (mechanism != null) throw new SaslException("a second sasl-mechanisms frame");
                mechanism = choose(m.saslServerMechanisms());
                byte[] initial = mechanism.initialResponse();
                yield new SaslInit(mechanism.name(), initial == null ? null : BinaryValue.wrap(initial), hostname);
            }
            case SaslChallenge c -> {
                if (mechanism == null) throw new SaslException("sasl-challenge before sasl-mechanisms");
                yield new SaslResponse(BinaryValue.wrap(mechanism.challenge(c.challenge().toByteArray())));
            }
            case SaslOutcome o -> {
                if (mechanism == null) throw new SaslException("sasl-outcome before sasl-mechanisms");
                outcome = o.code();
                if (o.code() == SaslCode.OK) {
                    mechanism.verifyOutcome(o.additionalData() == null ? null : o.additionalData().toByteArray());
                } else {
                    failure = describe(o.code(), mechanism.name());
                }
                yield null;
            }
            default -> throw new SaslException("a client does not expect " + frame.compositeType().name());
        };
    }

    public boolean isDone() {
        return outcome != null;
    }

    public boolean succeeded() {
        return outcome == SaslCode.OK;
    }

    /** The outcome code, or null before the outcome. */
    public SaslCode outcome() {
        return outcome;
    }

    /** Why authentication failed, in words; null unless it did. */
    public String failure() {
        return failure;
    }

    /** The chosen mechanism's name, or null before the server's offer. */
    public String mechanism() {
        return mechanism == null ? null : mechanism.name();
    }

    private SaslClientMechanism choose(List<String> offered) throws SaslException {
        List<String> upper = new ArrayList<>();
        for (String s : offered) upper.add(s.toUpperCase(Locale.ROOT));
        if (credentials.mechanism() != null) {
            String wanted = credentials.mechanism().toUpperCase(Locale.ROOT);
            if (!upper.contains(wanted)) {
                throw new SaslException("the peer offers " + offered + ", not the requested " + wanted);
            }
            SaslClientMechanism m = create(wanted);
            if (m == null) throw new SaslException(wanted + " needs " + needs(wanted));
            return m;
        }
        for (String name : PREFERENCE) {
            if (upper.contains(name)) {
                SaslClientMechanism m = create(name);
                if (m != null) return m;
            }
        }
        throw new SaslException("no usable SASL mechanism: the peer offers " + offered
                + (credentials.user() == null ? " and no user name was given" : ""));
    }

    private SaslClientMechanism create(String name) {
        boolean hasUser = credentials.user() != null && credentials.password() != null;
        return switch (name) {
            case ScramSha256.NAME -> hasUser ? new ScramSha256(credentials.user(), credentials.password()) : null;
            case Plain.NAME -> hasUser ? new Plain(credentials.user(), credentials.password()) : null;
            case External.NAME -> credentials.hasClientCertificate() ? new External() : null;
            // A user who gave a name wants to be that user, not anonymous.
            case Anonymous.NAME -> credentials.user() == null || credentials.mechanism() != null ? new Anonymous() : null;
            default -> null;
        };
    }

    private static String needs(String mechanism) {
        return switch (mechanism) {
            case ScramSha256.NAME, Plain.NAME -> "a user name and a password";
            case External.NAME -> "a client certificate (TLS key store)";
            case Anonymous.NAME -> "nothing";
            default -> "a mechanism this program implements (ANONYMOUS, PLAIN, EXTERNAL, SCRAM-SHA-256)";
        };
    }

    /** 5.3.3.6, in words. */
    static String describe(SaslCode code, String mechanism) {
        return switch (code) {
            case OK -> "authenticated";
            case AUTH -> "authentication failed (" + mechanism + "): wrong user name or password, or not allowed";
            case SYS -> "authentication failed: the peer had a system error";
            case SYS_PERM -> "authentication failed: the peer had a permanent system error";
            case SYS_TEMP -> "authentication failed: the peer had a temporary system error, try again";
        };
    }
}
