package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;

/** A scenario host for tests: keeps every engine event of every connection, and watches each with a probe. */
final class RecordingHost implements ScenarioHost {
    final Map<String, List<EngineEvent>> events = new ConcurrentHashMap<>();
    final Map<String, ConnectionProbe> probes = new ConcurrentHashMap<>();
    final Map<String, Transport> transports = new ConcurrentHashMap<>();
    final List<String> said = Collections.synchronizedList(new ArrayList<>());
    final List<String> focus = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong alertIds = new AtomicLong();

    @Override
    public List<EngineObserver> observers(String name, boolean focused) {
        List<EngineEvent> list = Collections.synchronizedList(new ArrayList<>());
        events.put(name, list);
        ConnectionProbe probe = new ConnectionProbe(name, alertIds);
        probes.put(name, probe);
        if (focused) focus.add(name);
        return List.of(list::add, probe);
    }

    @Override
    public void transport(String name, Transport transport) {
        transports.put(name, transport);
    }

    @Override
    public void transportEvent(String name, TransportEvent event) {
    }

    @Override
    public void say(String line) {
        said.add(line);
    }

    /** The events of the connection whose name ends with {@code role}. */
    List<EngineEvent> of(String role) {
        for (Map.Entry<String, List<EngineEvent>> e : events.entrySet()) {
            if (e.getKey().endsWith(" " + role)) {
                synchronized (e.getValue()) {
                    return List.copyOf(e.getValue());
                }
            }
        }
        throw new AssertionError("no connection '" + role + "' among " + events.keySet());
    }

    ConnectionProbe probe(String role) {
        for (Map.Entry<String, ConnectionProbe> e : probes.entrySet()) {
            if (e.getKey().endsWith(" " + role)) return e.getValue();
        }
        throw new AssertionError("no connection '" + role + "'");
    }
}
