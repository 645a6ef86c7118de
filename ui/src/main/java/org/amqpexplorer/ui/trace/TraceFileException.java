package org.amqpexplorer.ui.trace;

import java.io.IOException;

/** A line of a trace file that is not a trace entry: which line, and why. */
public final class TraceFileException extends IOException {
    private final int line;
    private final String reason;

    TraceFileException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    /** The line's number, counting from 1. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
