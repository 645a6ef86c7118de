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
 * @param reassemblyLimit  the largest incoming delivery (payload bytes) put together on a link whose attach
 *                         sets no max-message-size (or 0, which 2.7.3 says means no limit); a larger one ends
 *                         the link with amqp:link:message-size-exceeded. 0: no limit at all
 */
public record ConnectionOptions(boolean autoReply, int outputHighWater, LongSupplier clock, long reassemblyLimit) {

    /** 64 MiB: far above what brokers usually allow, and still a bound on what one delivery can take. */
    public static final long DEFAULT_REASSEMBLY_LIMIT = 64L << 20;

    public static final ConnectionOptions DEFAULT = new ConnectionOptions(true, 1 << 20, System::currentTimeMillis,
            DEFAULT_REASSEMBLY_LIMIT);

    public ConnectionOptions {
        if (outputHighWater < 1) {
            throw new IllegalArgumentException("outputHighWater must be positive: " + outputHighWater);
        }
        if (clock == null) {
            throw new NullPointerException("clock");
        }
        if (reassemblyLimit < 0) {
            throw new IllegalArgumentException("reassemblyLimit must not be negative: " + reassemblyLimit);
        }
    }

    /** With the default reassembly limit. */
    public ConnectionOptions(boolean autoReply, int outputHighWater, LongSupplier clock) {
        this(autoReply, outputHighWater, clock, DEFAULT_REASSEMBLY_LIMIT);
    }

    public ConnectionOptions withAutoReply(boolean autoReply) {
        return new ConnectionOptions(autoReply, outputHighWater, clock, reassemblyLimit);
    }

    public ConnectionOptions withOutputHighWater(int outputHighWater) {
        return new ConnectionOptions(autoReply, outputHighWater, clock, reassemblyLimit);
    }

    public ConnectionOptions withClock(LongSupplier clock) {
        return new ConnectionOptions(autoReply, outputHighWater, clock, reassemblyLimit);
    }

    public ConnectionOptions withReassemblyLimit(long reassemblyLimit) {
        return new ConnectionOptions(autoReply, outputHighWater, clock, reassemblyLimit);
    }
}
