package org.amqpexplorer.protocol.json;

/**
 * Typed JSON that cannot be read: malformed JSON text, or JSON that is not a valid typed value or message.
 * The message names where and why, e.g. {@code $.body.amqpValue.list[2]: ubyte out of range: 300}; when the
 * input was a JSON Lines stream it starts with the line, e.g. {@code line 3: $.header: unknown member "durabel"}.
 */
public final class TypedJsonException extends RuntimeException {
    private final String path;
    private final String reason;
    private final int line;

    TypedJsonException(JsonPath path, String reason) {
        this(path.toString(), reason, 0);
    }

    private TypedJsonException(String path, String reason, int line) {
        super((line > 0 ? "line " + line + ": " : "") + path + ": " + reason);
        this.path = path;
        this.reason = reason;
        this.line = line;
    }

    /** The JSON path of the offending node within its document, e.g. {@code $.header.priority}. */
    public String path() {
        return path;
    }

    /** Why it was rejected, e.g. {@code ubyte out of range: 300}. */
    public String reason() {
        return reason;
    }

    /** The line of a JSON Lines stream the document was on (1-based), or 0 when not read from one. */
    public int line() {
        return line;
    }

    TypedJsonException onLine(int lineNumber) {
        TypedJsonException e = new TypedJsonException(path, reason, lineNumber);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
