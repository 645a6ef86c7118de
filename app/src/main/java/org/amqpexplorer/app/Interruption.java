package org.amqpexplorer.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a command that runs until interrupted learns that it should stop: SIGINT or SIGTERM in a real run, a
 * test's {@link #request()} otherwise.
 *
 * <p>With signals, a command that {@link #watch() watches} gets the JVM's shutdown as a request to stop: it
 * closes its connections cleanly and returns, and the process then exits with that command's exit code (0 for
 * a clean stop) instead of the JVM's 130 or 143.
 */
final class Interruption {
    /** How long a stopping command may take to close its connections before the process exits anyway. */
    private static final long GRACE_SECONDS = 10;

    private final boolean signals;
    private final CompletableFuture<Void> requested = new CompletableFuture<>();
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();

    private Interruption(boolean signals) {
        this.signals = signals;
    }

    /** SIGINT and SIGTERM stop a watching command. */
    static Interruption bySignals() {
        return new Interruption(true);
    }

    /** Only {@link #request()} stops a watching command. */
    static Interruption manual() {
        return new Interruption(false);
    }

    /** Called by a command that runs until interrupted, before it starts. */
    void watch() {
        if (signals) Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("stop").unstarted(this::onShutdown));
    }

    void request() {
        requested.complete(null);
    }

    boolean isRequested() {
        return requested.isDone();
    }

    /** Completes when a stop is requested. */
    CompletableFuture<Void> requested() {
        return requested;
    }

    /** The command has returned this exit code. */
    void finished(int exitCode) {
        finished.complete(exitCode);
    }

    private void onShutdown() {
        if (finished.isDone()) return; // an ordinary exit, not a signal
        requested.complete(null);
        int code;
        try {
            code = finished.get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
