package org.amqpexplorer.protocol.codec;

import java.util.Arrays;
import java.util.HexFormat;

/** binary: a sequence of octets. Immutable: the array is never exposed without a copy. */
public final class BinaryValue implements AmqpValue {
    public static final BinaryValue EMPTY = new BinaryValue(new byte[0], false);

    private final byte[] bytes;

    private BinaryValue(byte[] bytes, boolean copy) {
        this.bytes = copy ? bytes.clone() : bytes;
    }

    public static BinaryValue of(byte[] bytes) {
        return new BinaryValue(bytes, true);
    }

    public static BinaryValue of(byte[] bytes, int offset, int length) {
        return new BinaryValue(Arrays.copyOfRange(bytes, offset, offset + length), false);
    }

    /** Takes ownership of the array; the caller must not change it afterwards. */
    public static BinaryValue wrap(byte[] bytes) {
        return new BinaryValue(bytes, false);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the content into {@code dest} at {@code offset}. */
    public void copyTo(byte[] dest, int offset) {
        System.arraycopy(bytes, 0, dest, offset, bytes.length);
    }

    @Override
    public AmqpType type() {
        return AmqpType.BINARY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryValue b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BinaryValue[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
