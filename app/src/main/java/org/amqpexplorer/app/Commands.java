package org.amqpexplorer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.amqpexplorer.protocol.client.ClientConnection;
import org.amqpexplorer.protocol.client.ClientException;
import org.amqpexplorer.protocol.engine.EngineObserver;

/** What the commands that connect share: time limits, the trace file, closing and the exit code. */
final class Commands {
    /** How long each step of setting up (open, begin, attach) may take. */
    static final Duration SETUP = Duration.ofSeconds(30);
    /** How long the peer may take to answer our close. */
    static final Duration CLOSE = Duration.ofSeconds(5);

    private Commands() {
    }

    /** Runs {@code body} with the trace file (null without --trace), then closes the file. */
    static int withTrace(Path file, PrintWriter err, Function<TraceFile, Integer> body) {
        if (file == null) return body.apply(null);
        TraceFile trace;
        try {
            trace = TraceFile.open(file);
        } catch (IOException e) {
            err.println("error: cannot write the trace file " + file + ": " + e.getMessage());
            return 1;
        }
        int code = body.apply(trace);
        try {
            trace.close();
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        return code;
    }

    /** The observers a client connection gets: the trace file's, if any. */
    static EngineObserver[] observers(TraceFile trace) {
        return trace == null ? new EngineObserver[0] : new EngineObserver[] {trace};
    }

    /**
     * Closes the connection and decides the exit code: 0 only if there was no failure and the close was clean;
     * otherwise the first problem goes to {@code err} as one line.
     */
    static int finish(ClientConnection connection, String failure, PrintWriter err) {
        String closing = null;
        try {
            connection.closeAndWait(CLOSE);
        } catch (ClientException e) {
            closing = e.getMessage();
        }
        String problem = failure != null ? failure : closing;
        if (problem == null) return 0;
        err.println("error: " + problem);
        return 1;
    }
}
