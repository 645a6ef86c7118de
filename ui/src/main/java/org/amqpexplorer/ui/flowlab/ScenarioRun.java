package org.amqpexplorer.ui.flowlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.QueueSnapshot;
import org.amqpexplorer.protocol.types.Open;

/**
 * One run of a scenario: where the peer is, how fast to go, the connections made so far, and the host that
 * watches. A scenario calls it from its own thread; {@link #stop()} may come from any thread, and makes the
 * scenario's next wait throw {@link Stopped}.
 */
final class ScenarioRun {
    /** Thrown out of a wait when the run was stopped. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final ScenarioHost host;
    private final Peer peer;
    private final double pace;
    private final Duration patience;
    private final String prefix;
    private final List<LabClient> clients = new ArrayList<>();
    private volatile boolean stopped;
    private volatile Thread thread;

    /**
     * @param peer     the built-in peer the scenarios talk to
     * @param pace     how long the scenario's pauses are, as a factor (1: for people to watch; small: for tests)
     * @param patience how long any one wait may take (long when a person steps through frames by hand)
     * @param prefix   makes the run's connection and queue names unique, e.g. "lab3"
     */
    ScenarioRun(ScenarioHost host, Peer peer, double pace, Duration patience, String prefix) {
        this.host = host;
        this.peer = peer;
        this.pace = pace;
        this.patience = patience;
        this.prefix = prefix;
    }

    /** The factor pauses are multiplied by (1 for people; small in tests). */
    double pace() {
        return pace;
    }

    Duration patience() {
        return patience;
    }

    /** What the built-in peer's queue {@code address} holds now (an empty snapshot if it has no such queue). */
    QueueSnapshot snapshot(String address) {
        for (QueueSnapshot q : peer.queues()) if (q.address().equals(address)) return q;
        return new QueueSnapshot(address, 0, 0, 0, 0, false);
    }

    /** A queue name unique to this run, so runs do not see each other's messages. */
    String queue(String name) {
        return prefix + "." + name;
    }

    /** Connects to the built-in peer (or to {@code host:port}, for a peer of the scenario's own). */
    LabClient connect(String role, Open open, boolean focus) {
        return connect(role, peer.host(), peer.port(), open, focus);
    }

    LabClient connect(String role, String toHost, int toPort, Open open, boolean focus) {
        return connect(role, toHost, toPort, open, focus, UnaryOperator.identity());
    }

    /** @param handler wraps the client's handler, e.g. in a {@code LinkRecovery}'s */
    LabClient connect(String role, String toHost, int toPort, Open open, boolean focus,
                      UnaryOperator<ConnectionHandler> handler) {
        checkStopped();
        LabClient c = LabClient.connect(this, host, prefix + " " + role, toHost, toPort, open, focus, handler);
        synchronized (clients) {
            clients.add(c);
        }
        c.awaitOpen();
        return c;
    }

    void say(String line) {
        host.say(line);
    }

    /** The chart the lab should show for {@code client}: a link's name, or "session N". */
    void chart(LabClient client, String entity) {
        host.chart(client.name, entity);
    }

    /** Pauses {@code seconds} times the pace, for people to watch what just happened. */
    void pause(double seconds) {
        checkStopped();
        long millis = Math.round(seconds * pace * 1000);
        try {
            if (millis > 0) Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
        checkStopped();
    }

    /**
     * Waits until {@code condition} holds, asking every few milliseconds.
     *
     * @throws IllegalStateException naming {@code what} if it does not hold within the patience
     */
    void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + patience.toNanos();
        while (true) {
            checkStopped();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > end) {
                throw new IllegalStateException("waited " + patience.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }
    }

    private void checkStopped() {
        if (stopped) throw new Stopped();
    }

    /** Runs {@code scenario} on this thread; closes what it left open. */
    void run(Scenario scenario) throws Exception {
        thread = Thread.currentThread();
        try {
            scenario.run(this);
        } finally {
            closeAll();
        }
    }

    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    private void closeAll() {
        List<LabClient> all;
        synchronized (clients) {
            all = List.copyOf(clients);
        }
        for (LabClient c : all) {
            if (stopped) c.drop();
            else c.close();
        }
    }
}
