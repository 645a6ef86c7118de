package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;

/**
 * A connection the lab watches: one its scenarios made (with its transport, so frames can be held), or one the
 * window made (watched only). The FX thread owns everything here but the fields the connection's thread sets
 * ({@link #transport}, the latest {@link TransportEvent.Held}, whether the transport closed).
 */
final class LabConnection {
    final String name;
    /** Made by one of the lab's scenarios (rather than by the window, and only watched here). */
    final boolean ours;
    final ConnectionProbe probe;
    final Ladder ladder;
    private final ObservableList<Entity> entities = FXCollections.observableArrayList();
    private final ObservableList<Entity> entitiesView = FXCollections.unmodifiableObservableList(entities); // kept: it listens weakly
    private final Map<Integer, Entity> byId = new HashMap<>();
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();

    volatile Transport transport;
    final AtomicReference<TransportEvent.Held> held = new AtomicReference<>();
    private TransportEvent.Held shownHeld;
    volatile boolean transportClosed;
    /** The entity a scenario asked to chart (a link's name or "session N"), until it appears. */
    volatile String wantedChart;
    /** What this end asked of step mode (the transport keeps its own state on its thread). */
    volatile boolean holdingIncoming;
    volatile boolean holdingOutgoing;
    List<HeldFrame> heldFrames = List.of();
    int heldIncoming;
    int heldOutgoing;

    LabConnection(String name, boolean ours, AtomicLong alertIds, int ladderCapacity) {
        this.name = name;
        this.ours = ours;
        this.probe = new ConnectionProbe(name, alertIds);
        this.ladder = new Ladder(ladderCapacity);
    }

    ObservableList<Entity> entities() {
        return entitiesView;
    }

    /** Whether frames can be held: the lab made it, and it is still there. */
    boolean steppable() {
        return transport != null && !transportClosed;
    }

    ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** What changed since the last pulse, brought in; returns the new alerts. */
    List<SpecAlert> pulse() {
        ConnectionProbe.Drained d = probe.drain();
        ladder.add(d.frames());
        ladder.lost(d.droppedFrames());
        for (SpecAlert a : d.alerts()) ladder.alert(a);
        TransportEvent.Held h = held.get();
        if (h != shownHeld) {
            shownHeld = h;
            List<HeldFrame> frames = new ArrayList<>(HeldFrame.decode(name, true, h.incomingFrames()));
            frames.addAll(HeldFrame.decode(name, false, h.outgoingFrames()));
            heldFrames = List.copyOf(frames);
            heldIncoming = h.incoming();
            heldOutgoing = h.outgoing();
        }
        if ((transportClosed || probe.isClosed() && transport == null) && !closed.get()) {
            closed.set(true);
            heldFrames = List.of();
            heldIncoming = 0;
            heldOutgoing = 0;
        }
        return d.alerts();
    }

    /** Takes a sample of every session and link into their histories. */
    void sample(long now) {
        for (FlowMeter.Sample s : probe.sample(now)) {
            Entity e = byId.get(s.id());
            if (e == null) {
                e = new Entity(s);
                byId.put(s.id(), e);
                entities.add(e);
            } else {
                e.update(s);
            }
            e.ring.add(now, s.min(), s.max(), s.last());
        }
        if (entities.size() > FlowMeter.MAX_TRACKED) {
            List<Entity> gone = new ArrayList<>();
            for (Entity e : entities) {
                if (entities.size() - gone.size() <= FlowMeter.MAX_TRACKED) break;
                if (e.closed) gone.add(e);
            }
            entities.removeAll(gone);
            for (Entity e : gone) byId.remove(e.id);
        }
    }

    /** Step mode: starts or stops holding one direction. */
    void hold(Transport.Direction d, boolean on) {
        Transport t = transport;
        if (t == null) return;
        if (d == Transport.Direction.INCOMING) holdingIncoming = on;
        else holdingOutgoing = on;
        t.hold(d, on);
    }

    void releaseOne(Transport.Direction d) {
        Transport t = transport;
        if (t != null) t.releaseOne(d);
    }

    void releaseAll(Transport.Direction d) {
        Transport t = transport;
        if (t != null) t.releaseAll(d);
    }

    @Override
    public String toString() {
        return ours ? name : name + " · watched";
    }
}
