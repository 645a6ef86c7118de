package org.amqpexplorer.ui;

import java.util.Objects;

/**
 * Something the user must know about: what happened, and what to do about it. Shown until dismissed.
 *
 * @param what what happened, e.g. {@code Could not import trace.jsonl: line 7: missing "time"}
 * @param todo what to do, e.g. {@code Nothing was imported. Fix or remove that line, then import again.}
 */
public record Notice(String what, String todo) {
    public Notice {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(todo, "todo");
    }

    public String text() {
        return what + "\n" + todo;
    }
}
