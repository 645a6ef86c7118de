package org.amqpexplorer.ui.trace;

/** Which way a frame went, seen from the explorer's end of the connection. */
public enum Direction {
    SENT("→", "sent"),
    RECEIVED("←", "received");

    private final String arrow;
    private final String word;

    Direction(String arrow, String word) {
        this.arrow = arrow;
        this.word = word;
    }

    /** The word used in trace files, e.g. {@code sent}. */
    public String word() {
        return word;
    }

    /** The word used in trace files back to its direction, or null if it names none. */
    public static Direction ofWord(String word) {
        for (Direction d : values()) if (d.word.equals(word)) return d;
        return null;
    }

    /** e.g. {@code → sent}. */
    @Override
    public String toString() {
        return arrow + " " + word;
    }
}
