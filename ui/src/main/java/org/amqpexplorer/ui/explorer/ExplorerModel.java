package org.amqpexplorer.ui.explorer;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineEvent.DeliveryRef;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkRef;
import org.amqpexplorer.protocol.engine.EngineEvent.Side;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;

/**
 * The live tree: connections → sessions → links → unsettled deliveries, built from engine events. Call it on
 * the FX thread only, with events in the order the engine emitted them (batches are fine), and {@link #pulse()}
 * once per pulse. Bounded: closed connections beyond {@link #MAX_CLOSED_CONNECTIONS}, and closed sessions and
 * links beyond {@link #MAX_CLOSED_CHILDREN} per parent, are dropped oldest first; deliveries leave when settled
 * here.
 */
public final class ExplorerModel {
    public static final int MAX_CLOSED_CONNECTIONS = 20;
    public static final int MAX_CLOSED_CHILDREN = 20;
    /**
     * Pulses (about a quarter of a second) a delivery stays unsettled before its link lists it; it is counted at
     * once. Under load most deliveries are settled within milliseconds: listing each and taking it away a pulse
     * later would change the tree's rows every pulse, and the tree rebuilds all its cells when they change.
     */
    public static final int LIST_AFTER_PULSES = 15;

    private final ObservableList<ConnectionNode> connections = FXCollections.observableArrayList();

    private final ObservableList<ConnectionNode> connectionsView = FXCollections.unmodifiableObservableList(connections); // kept: it listens weakly
    private final Map<ConnectionNode, Index> indexes = new HashMap<>();
    private int nextId = 1;
    /** Unsettled deliveries not listed yet, oldest first: at most what {@link #LIST_AFTER_PULSES} pulses bring. */
    private final Set<DeliveryNode> unlisted = new LinkedHashSet<>();
    private long pulses;

    /** Lookups for one connection; what the peer began or attached waits here until the engine names it. */
    private static final class Index {
        final Map<Integer, SessionNode> byLocalChannel = new HashMap<>();
        /** Sessions the peer began that we have not answered yet: no local channel so far. */
        final Map<Integer, SessionNode> unanswered = new HashMap<>();
        final Map<Integer, Begin> remoteBegins = new HashMap<>();
        final Map<String, LinkNode> links = new HashMap<>();
        final Map<String, Attach> remoteAttaches = new HashMap<>();
        final Map<Long, DeliveryNode> deliveries = new HashMap<>();
    }

    public ObservableList<ConnectionNode> connections() {
        return connectionsView;
    }

    /** A new connection in the tree. {@code peer} says where the other end is. */
    public ConnectionNode addConnection(String peer, boolean accepted) {
        ConnectionNode c = new ConnectionNode("c" + nextId++, peer, accepted);
        connections.add(c);
        indexes.put(c, new Index());
        trimClosedConnections();
        return c;
    }

    /** Notes what the transport established or why it failed. */
    public void transport(ConnectionNode c, String description, boolean failed) {
        if (failed) {
            c.failure.set(description);
            c.enter(System.currentTimeMillis(), EndpointState.CLOSED, null);
        } else {
            c.transport.set(c.transport.get().isEmpty() ? description : c.transport.get() + " · " + description);
        }
    }

    public void apply(ConnectionNode c, List<? extends EngineEvent> events) {
        for (EngineEvent e : events) apply(c, e);
    }

    public void apply(ConnectionNode c, EngineEvent event) {
        Index ix = indexes.get(c);
        if (ix == null) return; // dropped from the tree
        switch (event) {
            case EngineEvent.FrameSent f -> frame(c, ix, f.channel(), f.body(), true);
            case EngineEvent.FrameReceived f -> frame(c, ix, f.channel(), f.body(), false);
            case EngineEvent.ConnectionStateChanged s -> c.enter(s.timestamp(), s.state(), s.error());
            case EngineEvent.SessionStateChanged s -> {
                SessionNode n = session(c, ix, s.localChannel(), s.remoteChannel());
                n.enter(s.timestamp(), s.state(), s.error());
                if (s.state() == EndpointState.CLOSED) {
                    ix.byLocalChannel.remove(s.localChannel(), n);
                    trimClosed(c.sessions);
                }
            }
            case EngineEvent.SessionWindowChanged w -> {
                SessionNode n = ix.byLocalChannel.get(w.localChannel());
                if (n != null) n.window(w);
            }
            case EngineEvent.LinkStateChanged s -> {
                LinkNode l = link(c, ix, s.link(), true);
                if (l == null) return;
                l.closedByDetach = s.closed();
                l.enter(s.timestamp(), s.state(), s.error());
                if (s.state() == EndpointState.CLOSED) {
                    ix.links.remove(key(s.link().channel(), s.link().name(), s.link().role()), l);
                    trimClosed(l.session.links);
                }
            }
            case EngineEvent.LinkFlowChanged f -> {
                LinkNode l = link(c, ix, f.link(), false);
                if (l != null) l.flow(f.local(), f.remote());
            }
            case EngineEvent.DeliveryCreated d -> {
                LinkNode l = link(c, ix, d.delivery().link(), false);
                if (l == null || d.settled()) return; // pre-settled: never unsettled, nothing to list
                DeliveryNode n = new DeliveryNode(l, d.delivery(), d.timestamp());
                n.createdInPulse = pulses;
                ix.deliveries.put(d.delivery().key(), n);
                l.unsettledCount.set(l.unsettledCount.get() + 1);
                unlisted.add(n);
                n.updateSummary();
                l.updateSummary();
            }
            case EngineEvent.DeliveryTransferred t -> {
                DeliveryNode n = delivery(ix, t.delivery());
                if (n == null) return;
                n.size.set(t.totalPayload());
                n.updateSummary();
            }
            case EngineEvent.DeliveryAborted a -> {
                DeliveryNode n = delivery(ix, a.delivery());
                if (n == null) return;
                n.aborted.set(true);
                settle(ix, n, Side.LOCAL); // an aborted delivery is settled at both ends (2.6.14)
            }
            case EngineEvent.DeliveryStateChanged s -> {
                DeliveryNode n = delivery(ix, s.delivery());
                if (n == null) return;
                n.deliveryState.set(s.state());
                n.updateSummary();
            }
            case EngineEvent.DeliverySettled s -> {
                DeliveryNode n = delivery(ix, s.delivery());
                if (n != null) settle(ix, n, s.by());
            }
            case EngineEvent.HeaderSent h -> { }
            case EngineEvent.HeaderReceived h -> { }
            case EngineEvent.ProtocolError p -> { } // the state change that follows carries the error
        }
    }

    private void frame(ConnectionNode c, Index ix, int channel, Described body, boolean sent) {
        switch (body) {
            case Open o -> (sent ? c.localOpen : c.remoteOpen).set(o);
            case Begin b when sent -> {
                // An answer names the peer's channel (2.7.2 remote-channel): it is the session the peer began.
                int remote = b.remoteChannel() == null ? -1 : b.remoteChannel();
                session(c, ix, channel, remote).localBegin.set(b);
            }
            case Begin b -> {
                if (b.remoteChannel() != null && ix.byLocalChannel.containsKey(b.remoteChannel().intValue())) {
                    ix.byLocalChannel.get(b.remoteChannel().intValue()).remoteBegin.set(b);
                } else {
                    ix.remoteBegins.put(channel, b);
                }
            }
            case Attach a when sent -> {
                LinkNode l = ix.links.get(key(channel, a.name(), a.role()));
                if (l != null) l.localAttach.set(a);
                else ix.remoteAttaches.put("local:" + key(channel, a.name(), a.role()), a);
            }
            case Attach a -> ix.remoteAttaches.put(key(channel, a.name(), a.role()), a);
            case null, default -> { }
        }
    }

    private SessionNode session(ConnectionNode c, Index ix, int localChannel, int remoteChannel) {
        SessionNode n = localChannel >= 0 ? ix.byLocalChannel.get(localChannel) : null;
        if (n == null && remoteChannel >= 0) n = ix.unanswered.get(remoteChannel);
        if (n == null) {
            n = new SessionNode(c);
            c.sessions.add(n);
        }
        if (localChannel >= 0 && n.localChannel.get() != localChannel) {
            n.localChannel.set(localChannel);
            ix.byLocalChannel.put(localChannel, n);
            if (remoteChannel >= 0) ix.unanswered.remove(remoteChannel, n);
        } else if (localChannel < 0 && remoteChannel >= 0) {
            ix.unanswered.put(remoteChannel, n);
        }
        if (remoteChannel >= 0 && n.remoteChannel.get() != remoteChannel) {
            n.remoteChannel.set(remoteChannel);
            Begin pending = ix.remoteBegins.remove(remoteChannel);
            if (pending != null) n.remoteBegin.set(pending);
        }
        return n;
    }

    /** The link's node; only a state change brings a new one into the tree ({@code create}). */
    private LinkNode link(ConnectionNode c, Index ix, LinkRef ref, boolean create) {
        String key = key(ref.channel(), ref.name(), ref.role());
        LinkNode l = ix.links.get(key);
        if (l == null) {
            if (!create) return null;
            SessionNode s = ix.byLocalChannel.get(ref.channel());
            if (s == null) return null;
            l = new LinkNode(s, ref.name(), ref.role());
            ix.links.put(key, l);
            s.links.add(l);
            Attach mine = ix.remoteAttaches.remove("local:" + key);
            if (mine != null) l.localAttach.set(mine);
        }
        l.handle.set(ref.handle());
        if (ref.remoteHandle() >= 0 && l.remoteAttach.get() == null) {
            // The peer's attach came on its channel, naming its own role.
            Role peerRole = ref.role() == Role.SENDER ? Role.RECEIVER : Role.SENDER;
            Attach theirs = ix.remoteAttaches.remove(key(l.session.remoteChannel.get(), ref.name(), peerRole));
            if (theirs != null) l.remoteAttach.set(theirs);
        }
        l.remoteHandle.set(ref.remoteHandle());
        return l;
    }

    /** Hands messages a receiver took in to its node (found by its session's local channel and its name). */
    public void received(ConnectionNode c, int channel, String linkName, List<ReceivedMessage> messages) {
        Index ix = indexes.get(c);
        if (ix == null) return;
        LinkNode l = ix.links.get(key(channel, linkName, Role.RECEIVER));
        if (l != null) l.receive(messages);
    }

    private static DeliveryNode delivery(Index ix, DeliveryRef ref) {
        DeliveryNode n = ix.deliveries.get(ref.key());
        if (n != null && ref.deliveryId() >= 0) n.deliveryId.set(ref.deliveryId());
        return n;
    }

    /** Once per pulse, after the batches: links list the deliveries unsettled for {@link #LIST_AFTER_PULSES} pulses. */
    public void pulse() {
        pulses++;
        for (Iterator<DeliveryNode> it = unlisted.iterator(); it.hasNext(); ) {
            DeliveryNode n = it.next();
            if (pulses - n.createdInPulse < LIST_AFTER_PULSES) break;
            it.remove();
            if (n.link.deliveries.size() < LinkNode.MAX_LISTED_DELIVERIES) n.link.deliveries.add(n);
        }
    }

    private void settle(Index ix, DeliveryNode n, Side by) {
        if (by == Side.REMOTE) {
            n.settledThere.set(true);
            n.updateSummary();
            return;
        }
        n.settledHere.set(true);
        ix.deliveries.remove(n.key());
        LinkNode l = n.link;
        if (!unlisted.remove(n)) l.deliveries.remove(n);
        l.unsettledCount.set(Math.max(0, l.unsettledCount.get() - 1));
        l.updateSummary();
    }

    private static String key(int channel, String name, Role role) {
        return channel + "/" + role + "/" + name;
    }

    private void trimClosedConnections() {
        long closed = connections.stream().filter(ExplorerNode::isClosed).count();
        for (int i = 0; i < connections.size() && closed > MAX_CLOSED_CONNECTIONS; ) {
            ConnectionNode c = connections.get(i);
            if (c.isClosed()) {
                connections.remove(i);
                indexes.remove(c);
                closed--;
            } else {
                i++;
            }
        }
    }

    private static <T extends ExplorerNode> void trimClosed(ObservableList<T> nodes) {
        long closed = nodes.stream().filter(ExplorerNode::isClosed).count();
        for (int i = 0; i < nodes.size() && closed > MAX_CLOSED_CHILDREN; ) {
            if (nodes.get(i).isClosed()) {
                nodes.remove(i);
                closed--;
            } else {
                i++;
            }
        }
    }
}
