package org.amqpexplorer.ui.trace;

/** A run of bytes in a frame: where the hex dump highlights the selected field. */
record ByteRange(int offset, int length) {
    static final ByteRange NONE = new ByteRange(0, 0);

    ByteRange {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("range " + offset + "+" + length);
    }

    boolean isEmpty() {
        return length == 0;
    }

    int end() {
        return offset + length;
    }

    boolean contains(int index) {
        return index >= offset && index < offset + length;
    }
}
