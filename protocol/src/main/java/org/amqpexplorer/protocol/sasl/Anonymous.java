package org.amqpexplorer.protocol.sasl;

import java.nio.charset.StandardCharsets;

/** ANONYMOUS (RFC 4505): an optional trace string, no credentials. */
public final class Anonymous implements SaslClientMechanism {
    public static final String NAME = "ANONYMOUS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] initialResponse() {
        return "anonymous".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] challenge(byte[] challenge) throws SaslException {
        throw new SaslException("ANONYMOUS expects no challenge");
    }

    @Override
    public void verifyOutcome(byte[] additionalData) {
        // nothing to verify
    }

    /** The server side: accepts everyone. */
    public static SaslServerMechanism server() {
        return new SaslServerMechanism() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Step respond(byte[] response) {
                return new Step.Success("anonymous", null);
            }
        };
    }
}
