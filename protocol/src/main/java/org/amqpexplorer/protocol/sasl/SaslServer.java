package org.amqpexplorer.protocol.sasl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.SaslChallenge;
import org.amqpexplorer.protocol.types.SaslCode;
import org.amqpexplorer.protocol.types.SaslFrame;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.SaslMechanisms;
import org.amqpexplorer.protocol.types.SaslOutcome;
import org.amqpexplorer.protocol.types.SaslResponse;

/**
 * The server's half of the SASL exchange (5.3.2): offers mechanisms, runs the one the client picks, and
 * ends with an outcome. Frames in, frames out; no I/O.
 */
public final class SaslServer {
    private final Map<String, Supplier<SaslServerMechanism>> mechanisms;
    private SaslServerMechanism current;
    private SaslCode outcome;
    private String identity;
    private String failure;

    /** @param mechanisms the offered mechanisms by name, in order of preference; each supplies a fresh exchange */
    public SaslServer(Map<String, Supplier<SaslServerMechanism>> mechanisms) {
        if (mechanisms.isEmpty()) throw new IllegalArgumentException("a SASL server offers at least one mechanism");
        this.mechanisms = new LinkedHashMap<>(mechanisms);
    }

    /** ANONYMOUS only, or PLAIN and SCRAM-SHA-256 against {@code users} (plus EXTERNAL with a TLS identity). */
    public static SaslServer of(SaslUsers users, String tlsIdentity) {
        Map<String, Supplier<SaslServerMechanism>> m = new LinkedHashMap<>();
        if (users == null) {
            m.put(Anonymous.NAME, Anonymous::server);
        } else {
            m.put(ScramSha256.NAME, () -> ScramSha256.server(users));
            m.put(Plain.NAME, () -> Plain.server(users));
        }
        if (tlsIdentity != null) m.put(External.NAME, () -> External.server(tlsIdentity));
        return new SaslServer(m);
    }

    /** The first frame: the offer. */
    public SaslMechanisms mechanisms() {
        return new SaslMechanisms(new ArrayList<>(mechanisms.keySet()));
    }

    /**
     * The answer to the client's frame: a challenge, or the outcome.
     *
     * @throws SaslException for a frame out of turn (the connection then closes)
     */
    public SaslFrame onFrame(SaslFrame frame) throws SaslException {
        if (outcome != null) throw new SaslException("SASL frame " + frame.compositeType().name() + " after the outcome");
        SaslServerMechanism.Step step = switch (frame) {
            case SaslInit init -> {
                if (current != null) throw new SaslException("a second sasl-init");
                Supplier<SaslServerMechanism> factory = mechanisms.get(init.mechanism());
                if (factory == null) {
                    yield new SaslServerMechanism.Step.Failure("mechanism " + init.mechanism() + " was not offered");
                }
                current = factory.get();
                yield current.respond(bytes(init.initialResponse()));
            }
            case SaslResponse r -> {
                if (current == null) throw new SaslException("sasl-response before sasl-init");
                yield current.respond(bytes(r.response()));
            }
            default -> throw new SaslException("a server does not expect " + frame.compositeType().name());
        };
        return switch (step) {
            case SaslServerMechanism.Step.Challenge c -> new SaslChallenge(BinaryValue.wrap(c.data()));
            case SaslServerMechanism.Step.Success s -> {
                outcome = SaslCode.OK;
                identity = s.identity();
                yield new SaslOutcome(SaslCode.OK, s.additionalData() == null ? null : BinaryValue.wrap(s.additionalData()));
            }
            case SaslServerMechanism.Step.Failure f -> {
                outcome = SaslCode.AUTH;
                failure = f.reason();
                yield new SaslOutcome(SaslCode.AUTH, null);
            }
        };
    }

    public boolean isDone() {
        return outcome != null;
    }

    public boolean succeeded() {
        return outcome == SaslCode.OK;
    }

    /** Who authenticated, once succeeded. */
    public String identity() {
        return identity;
    }

    /** Why it failed, for the server's own log (never sent to the client). */
    public String failure() {
        return failure;
    }

    /** The offered mechanism names. */
    public List<String> offered() {
        return List.copyOf(mechanisms.keySet());
    }

    private static byte[] bytes(BinaryValue v) {
        return v == null ? null : v.toByteArray();
    }
}
