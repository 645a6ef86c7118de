package org.amqpexplorer.protocol.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amqpexplorer.protocol.frame.ProtocolHeader;

/**
 * Step mode for one direction of an AMQP byte stream. It follows the stream's protocol header and frames by
 * their size fields (without decoding them or, while passing, copying them) so that holding can start at the
 * next frame boundary; while holding it keeps whole frames until released one at a time or all at once.
 * A stream whose size field is impossible is passed on untouched from there, for the engine to refuse.
 */
final class FrameGate {
    private boolean holding;
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private long heldBytes;

    // where the stream stands
    private int headerRemaining = ProtocolHeader.SIZE;
    private final byte[] sizeField = new byte[4];
    private int sizeFill;
    private long unitRemaining;
    private boolean unparseable;
    /** A frame being collected to be held (its size field may still be arriving: {@link #collectingSize}). */
    private byte[] unit;
    private boolean collectingSize;
    private int fill;

    boolean isHolding() {
        return holding;
    }

    /** Starts or stops holding at the next frame boundary. Stopping releases nothing by itself. */
    void hold(boolean on) {
        holding = on;
    }

    int heldCount() {
        return held.size();
    }

    long heldBytes() {
        return heldBytes;
    }

    /** Returns the parts of {@code bytes} that pass now, in order; the rest is held. */
    List<byte[]> accept(byte[] bytes, int offset, int length) {
        List<byte[]> pass = new ArrayList<>(1);
        int i = offset;
        int end = offset + length;
        int passStart = i;
        while (i < end) {
            if (!unparseable && (unit != null || collectingSize || atBoundary() && (holding || !held.isEmpty()))) {
                if (i > passStart) pass.add(Arrays.copyOfRange(bytes, passStart, i));
                i = collect(bytes, i, end);
                passStart = i;
            } else {
                i = advance(bytes, i, end);
            }
        }
        if (passStart < end) pass.add(passStart == 0 && end == bytes.length ? bytes : Arrays.copyOfRange(bytes, passStart, end));
        return pass;
    }

    private boolean atBoundary() {
        return headerRemaining == ProtocolHeader.SIZE || headerRemaining == 0 && unitRemaining == 0 && sizeFill == 0;
    }

    /** Moves through the stream without copying; returns the new position. */
    private int advance(byte[] b, int i, int end) {
        if (unparseable) return end;
        if (headerRemaining > 0) {
            int n = Math.min(headerRemaining, end - i);
            headerRemaining -= n;
            return i + n;
        }
        if (unitRemaining == 0) {
            sizeField[sizeFill++] = b[i];
            if (sizeFill == 4) {
                sizeFill = 0;
                long size = frameSize();
                if (size < 8) {
                    unparseable = true;
                } else {
                    unitRemaining = size - 4;
                }
            }
            return i + 1;
        }
        int n = (int) Math.min(unitRemaining, end - i);
        unitRemaining -= n;
        return i + n;
    }

    /** Collects whole units to hold; returns the new position. */
    private int collect(byte[] b, int i, int end) {
        while (i < end) {
            if (unit == null) {
                if (headerRemaining > 0) {
                    unit = new byte[headerRemaining];
                } else {
                    int n = Math.min(4 - sizeFill, end - i);
                    System.arraycopy(b, i, sizeField, sizeFill, n);
                    sizeFill += n;
                    i += n;
                    collectingSize = sizeFill < 4;
                    if (collectingSize) return i;
                    sizeFill = 0;
                    long size = frameSize();
                    if (size < 8 || size > Integer.MAX_VALUE - 8) {
                        // Impossible here: hand the rest on as it is; the engine names the error.
                        unparseable = true;
                        hold(sizeField.clone());
                        hold(Arrays.copyOfRange(b, i, end));
                        return end;
                    }
                    unit = new byte[(int) size];
                    System.arraycopy(sizeField, 0, unit, 0, 4);
                    fill = 4;
                }
            }
            int n = Math.min(unit.length - fill, end - i);
            System.arraycopy(b, i, unit, fill, n);
            fill += n;
            i += n;
            if (fill == unit.length) {
                if (headerRemaining > 0) headerRemaining = 0;
                hold(unit);
                unit = null;
                fill = 0;
            }
        }
        return i;
    }

    private void hold(byte[] u) {
        held.add(u);
        heldBytes += u.length;
    }

    private long frameSize() {
        return ((sizeField[0] & 0xFFL) << 24) | ((sizeField[1] & 0xFF) << 16) | ((sizeField[2] & 0xFF) << 8) | (sizeField[3] & 0xFF);
    }

    /** The oldest held unit, or null. */
    byte[] releaseOne() {
        byte[] u = held.poll();
        if (u != null) heldBytes -= u.length;
        return u;
    }

    List<byte[]> releaseAll() {
        List<byte[]> out = new ArrayList<>(held);
        held.clear();
        heldBytes = 0;
        return out;
    }

    /** The held units, oldest first, for showing what waits. */
    List<byte[]> peek() {
        return List.copyOf(held);
    }
}
