package org.amqpexplorer.protocol.frame;

import java.util.Arrays;

/**
 * The protocol headers of AMQP 1.0.0 (2.2, 5.1, 5.2): "AMQP", a protocol id, and the version 1.0.0. Each layer of a
 * connection (TLS, SASL, AMQP) starts with its header, sent by both peers.
 */
public enum ProtocolHeader {
    AMQP(0),
    TLS(2),
    SASL(3);

    public static final int SIZE = 8;
    public static final int MAJOR = 1;
    public static final int MINOR = 0;
    public static final int REVISION = 0;

    private static final byte[] PREFIX = {'A', 'M', 'Q', 'P'};

    private final int protocolId;

    ProtocolHeader(int protocolId) {
        this.protocolId = protocolId;
    }

    public int protocolId() {
        return protocolId;
    }

    /** The 8 bytes of this header. */
    public byte[] toByteArray() {
        return new byte[] {'A', 'M', 'Q', 'P', (byte) protocolId, MAJOR, MINOR, REVISION};
    }

    /** The header with this protocol id, or null if there is none. */
    public static ProtocolHeader ofProtocolId(int protocolId) {
        for (ProtocolHeader h : values()) {
            if (h.protocolId == protocolId) return h;
        }
        return null;
    }

    /**
     * Reads the 8 bytes at {@code offset}.
     *
     * @throws ProtocolHeaderException naming what was wrong, with offsets relative to {@code offset}
     */
    public static ProtocolHeader parse(byte[] bytes, int offset) {
        if (offset < 0 || offset > bytes.length - SIZE) {
            throw new IllegalArgumentException("a protocol header needs " + SIZE + " bytes from offset " + offset);
        }
        byte[] h = Arrays.copyOfRange(bytes, offset, offset + SIZE);
        for (int i = 0; i < PREFIX.length; i++) {
            if (!prefixMatches(i, h[i])) throw notAmqp(Arrays.copyOf(h, i + 1), i);
        }
        return complete(h, 0);
    }

    /** Whether {@code b} is the byte that "AMQP" has at {@code index} (0..3). */
    static boolean prefixMatches(int index, byte b) {
        return PREFIX[index] == b;
    }

    static ProtocolHeaderException notAmqp(byte[] received, long offset) {
        return new ProtocolHeaderException(ProtocolHeaderException.Problem.NOT_AMQP,
                "protocol header does not start with \"AMQP\"", received, offset);
    }

    /** Checks the protocol id and version of 8 header bytes whose "AMQP" prefix is already checked. */
    static ProtocolHeader complete(byte[] h, long start) {
        ProtocolHeader header = ofProtocolId(h[4] & 0xFF);
        if (header == null) {
            throw new ProtocolHeaderException(ProtocolHeaderException.Problem.UNKNOWN_PROTOCOL_ID,
                    "unknown protocol id " + (h[4] & 0xFF), h, start + 4);
        }
        if (h[5] != MAJOR || h[6] != MINOR || h[7] != REVISION) {
            throw new ProtocolHeaderException(ProtocolHeaderException.Problem.UNSUPPORTED_VERSION,
                    "unsupported version " + (h[5] & 0xFF) + "." + (h[6] & 0xFF) + "." + (h[7] & 0xFF)
                            + " for protocol id " + header.protocolId, h, start + 5);
        }
        return header;
    }

    @Override
    public String toString() {
        return "AMQP " + protocolId + " " + MAJOR + "." + MINOR + "." + REVISION + " (" + name() + ")";
    }
}
