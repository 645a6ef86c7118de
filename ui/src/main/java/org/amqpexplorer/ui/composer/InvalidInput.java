package org.amqpexplorer.ui.composer;

/**
 * Input the composer cannot use, with the reason in words and, once known, the typed-JSON path of the field it
 * is about. Thrown where text is turned into a value; shown at the field.
 */
final class InvalidInput extends RuntimeException {
    private final NodePath path;
    private final String reason;

    InvalidInput(String reason) {
        this(null, reason);
    }

    InvalidInput(NodePath path, String reason) {
        super(path == null ? reason : path + ": " + reason, null, false, false);
        this.path = path;
        this.reason = reason;
    }

    /** The field's path, or null if not yet known. */
    NodePath path() {
        return path;
    }

    String reason() {
        return reason;
    }

    InvalidInput at(NodePath where) {
        return path != null ? this : new InvalidInput(where, reason);
    }
}
