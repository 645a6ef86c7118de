package org.amqpexplorer.protocol.client;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking conveniences over the client's futures, for callers that may block (a command line, a test). */
public final class Await {
    private Await() {
    }

    /**
     * Waits for a future's value.
     *
     * @param timeout how long to wait, or null for as long as it takes
     * @param what    what is awaited, for the time-out's message, e.g. {@code "the peer's open"}
     * @throws ClientException the future's failure, or a time-out naming {@code what}
     */
    public static <T> T result(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return timeout == null ? future.get() : future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ClientException("no " + what + " within " + seconds(timeout));
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new ClientException("waiting for " + what + " was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for " + what);
        }
    }

    static ClientException unwrap(Throwable t) {
        return t instanceof ClientException c ? c : new ClientException("internal error: " + t);
    }

    /** {@code 30 s}, {@code 1.5 s}. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
