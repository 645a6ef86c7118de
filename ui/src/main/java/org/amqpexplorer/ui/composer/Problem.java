package org.amqpexplorer.ui.composer;

/**
 * Something that keeps the composed message from being sent: where (the typed-JSON path of the field), why,
 * and the form element it is about (a {@code ValueNode}, a {@code DataSection}, or null when it concerns the
 * message as a whole), so the view can take the user there.
 */
record Problem(NodePath path, String reason, Object source) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
