package org.amqpexplorer.ui.flowlab;

/**
 * A lesson in flow control that runs with one click: it makes its connections (to the built-in peer, or a peer of
 * its own), drives both sides, and says what happens as it happens. Plain code, no JavaFX: tests run it headless.
 */
interface Scenario {

    /** e.g. "Link credit". */
    String title();

    /** What the scenario shows and what to watch, for the person about to run it. */
    String explanation();

    /** Runs to the end (or until stopped), on the calling thread. */
    void run(ScenarioRun run) throws Exception;
}
