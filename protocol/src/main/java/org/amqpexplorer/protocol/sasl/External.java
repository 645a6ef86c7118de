package org.amqpexplorer.protocol.sasl;

/**
 * EXTERNAL (RFC 4422 appendix A): the identity comes from outside SASL, here the client certificate of
 * mutual TLS. The client sends an empty authorization identity.
 */
public final class External implements SaslClientMechanism {
    public static final String NAME = "EXTERNAL";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] initialResponse() {
        return new byte[0];
    }

    @Override
    public byte[] challenge(byte[] challenge) throws SaslException {
        throw new SaslException("EXTERNAL expects no challenge");
    }

    @Override
    public void verifyOutcome(byte[] additionalData) {
        // nothing to verify
    }

    /**
     * The server side: succeeds with the identity the transport established (the peer certificate's subject),
     * or fails when there is none.
     */
    public static SaslServerMechanism server(String tlsIdentity) {
        return new SaslServerMechanism() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Step respond(byte[] response) {
                return tlsIdentity == null
                        ? new Step.Failure("EXTERNAL needs a verified client certificate")
                        : new Step.Success(tlsIdentity, null);
            }
        };
    }
}
