package org.amqpexplorer.ui.explorer;

import java.util.function.Consumer;
import org.amqpexplorer.protocol.engine.Connection;

/** How the window acts on a live connection: commands run on the connection's own thread, never the FX thread's. */
public interface ConnectionControl {

    /** Runs {@code command} on the connection's thread (the engine is only ever touched there). */
    void post(Consumer<Connection> command);

    /** Whether {@link #pauseReading} works for this connection. */
    boolean canPauseReading();

    /** Stops or resumes reading from the socket, to show back-pressure. */
    void pauseReading(boolean pause);

    boolean isReadingPaused();

    /** Drops the socket without an AMQP close. */
    void shutdown();
}
