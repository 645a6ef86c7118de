package org.amqpexplorer.protocol.engine;

import java.util.function.LongSupplier;

/**
 * How an engine behaves, beyond what its performatives say (those the application composes itself).
 *
 * @param autoReply        answer the peer's open, begin, attach, detach, end and close in kind when the
 *                         application's handler did not; with false the application must answer each itself
 * @param outputHighWater  stop producing transfer frames while this many output bytes wait to be taken, so a
 *                         slow socket does not make the engine serialize every queued message at once
 * @param clock            milliseconds for event timestamps only (deadlines run on {@code tick}'s argument)
 */
public record ConnectionOptions(boolean autoReply, int outputHighWater, LongSupplier clock) {

    public static final ConnectionOptions DEFAULT = new ConnectionOptions(true, 1 << 20, System::currentTimeMillis);

    public ConnectionOptions {
        if (outputHighWater < 1) {
            throw new IllegalArgumentException("outputHighWater must be positive: " + outputHighWater);
        }
        if (clock == null) {
            throw new NullPointerException("clock");
        }
    }

    public ConnectionOptions withAutoReply(boolean autoReply) {
        return new ConnectionOptions(autoReply, outputHighWater, clock);
    }

    public ConnectionOptions withOutputHighWater(int outputHighWater) {
        return new ConnectionOptions(autoReply, outputHighWater, clock);
    }

    public ConnectionOptions withClock(LongSupplier clock) {
        return new ConnectionOptions(autoReply, outputHighWater, clock);
    }
}
