package org.amqpexplorer.ui.flowlab;

import java.util.List;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;

/**
 * What runs a scenario: the lab in the window, or a test. It observes the connections a scenario makes and hears
 * what the scenario says. Called on the scenario's thread, except {@link #transportEvent}, which comes on the
 * connection's thread.
 */
interface ScenarioHost {

    /**
     * The observers for a new connection (they get raw bytes).
     *
     * @param name  the connection's name, unique in the lab: it names the connection in the lab and the trace
     * @param focus the connection to watch: the lab shows it (and holds its incoming frames when stepping)
     */
    List<EngineObserver> observers(String name, boolean focus);

    /** The connection's transport, once it is made (for step mode). */
    void transport(String name, Transport transport);

    void transportEvent(String name, TransportEvent event);

    /** A line for the person watching, e.g. "Granting 5 credits". */
    void say(String line);

    /** Which chart the lab should show for the focus connection: a link's name, or "session N". */
    default void chart(String name, String entity) {
    }
}
