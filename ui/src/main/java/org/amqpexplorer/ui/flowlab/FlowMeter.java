package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkRef;
import org.amqpexplorer.protocol.types.Role;

/**
 * A connection's flow-control figures, kept up to date from its engine events and read as one sample per session
 * and link whenever the charts want one. Between two samples it remembers each figure's lowest and highest value
 * and counts deliveries and bytes, so the cost per event is constant and a sample says what happened in between
 * however many events there were. Not thread-safe: its {@link ConnectionProbe} guards it.
 */
final class FlowMeter {
    /** Sessions and links tracked per connection, at most; the oldest closed ones go first. */
    static final int MAX_TRACKED = 128;

    /** One sample of one session or link. The arrays are the meter's copies, free to keep. */
    record Sample(int id, boolean link, int channel, String name, Role role, long handle, long remoteHandle, boolean closed,
                  float[] min, float[] max, float[] last) {
    }

    private static final class Tracked {
        final int id;
        final boolean link;
        final int channel;
        final String name;
        final Role role;
        long handle = -1;
        long remoteHandle = -1;
        boolean closed;
        boolean finalSampleTaken;
        final float[] now = nan();
        final float[] lo = nan();
        final float[] hi = nan();
        long messagesIn;
        long messagesOut;
        long bytesIn;
        long bytesOut;
        /** Deliveries of ours waiting for credit or window (a sender's), and deliveries unsettled here. */
        final Set<Long> queued = new HashSet<>();
        final Set<Long> unsettled = new HashSet<>();
        Tracked session;

        Tracked(int id, boolean link, int channel, String name, Role role) {
            this.id = id;
            this.link = link;
            this.channel = channel;
            this.name = name;
            this.role = role;
        }

        void set(int series, double value) {
            float v = (float) value;
            now[series] = v;
            lo[series] = Float.isNaN(lo[series]) ? v : Math.min(lo[series], v);
            hi[series] = Float.isNaN(hi[series]) ? v : Math.max(hi[series], v);
        }
    }

    private record LinkKey(int channel, String name, Role role) {
    }

    private final Map<Integer, Tracked> sessions = new HashMap<>();
    private final Map<LinkKey, Tracked> links = new HashMap<>();
    private final List<Tracked> all = new ArrayList<>();
    private int nextId = 1;
    private long lastSample = -1;

    private static float[] nan() {
        float[] a = new float[Figures.SERIES];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    void onEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.SessionStateChanged s -> {
                if (s.localChannel() < 0) return; // begun by the peer and not answered yet: no session of ours
                Tracked t = session(s.localChannel());
                if (s.state() == EndpointState.CLOSED) close(t);
            }
            case EngineEvent.SessionWindowChanged w -> {
                if (w.localChannel() < 0) return;
                Tracked t = session(w.localChannel());
                t.set(Figures.INCOMING_WINDOW, w.incomingWindow());
                t.set(Figures.OUTGOING_WINDOW, w.outgoingWindow());
                t.set(Figures.PEER_INCOMING_WINDOW, w.remoteIncomingWindow());
                t.set(Figures.PEER_OUTGOING_WINDOW, w.remoteOutgoingWindow());
            }
            case EngineEvent.LinkStateChanged s -> {
                Tracked t = link(s.link());
                if (s.state() == EndpointState.CLOSED) close(t);
            }
            case EngineEvent.LinkFlowChanged f -> flow(link(f.link()), f.local(), f.remote());
            case EngineEvent.DeliveryCreated d -> {
                if (d.settled()) return;
                Tracked t = link(d.delivery().link());
                if (t.role == Role.SENDER) {
                    t.queued.add(d.delivery().key());
                    t.set(Figures.QUEUED, t.queued.size());
                } else {
                    t.unsettled.add(d.delivery().key());
                    t.set(Figures.LINK_UNSETTLED, t.unsettled.size());
                }
            }
            case EngineEvent.DeliveryTransferred d -> {
                Tracked t = link(d.delivery().link());
                long key = d.delivery().key();
                if (t.queued.remove(key)) {
                    t.unsettled.add(key);
                    t.set(Figures.QUEUED, t.queued.size());
                    t.set(Figures.LINK_UNSETTLED, t.unsettled.size());
                }
                boolean out = t.role == Role.SENDER;
                int done = d.more() ? 0 : 1;
                if (out) {
                    t.bytesOut += d.payloadSize();
                    t.messagesOut += done;
                } else {
                    t.bytesIn += d.payloadSize();
                    t.messagesIn += done;
                }
                if (t.session != null) {
                    if (out) {
                        t.session.bytesOut += d.payloadSize();
                        t.session.messagesOut += done;
                    } else {
                        t.session.bytesIn += d.payloadSize();
                        t.session.messagesIn += done;
                    }
                }
            }
            case EngineEvent.DeliverySettled s -> {
                if (s.by() == EngineEvent.Side.LOCAL) forget(link(s.delivery().link()), s.delivery().key());
            }
            case EngineEvent.DeliveryAborted a -> forget(link(a.delivery().link()), a.delivery().key());
            case EngineEvent.ConnectionStateChanged c -> {
                if (c.state() == EndpointState.CLOSED) {
                    for (Tracked t : List.copyOf(all)) close(t);
                }
            }
            default -> { }
        }
    }

    private void flow(Tracked t, FlowState local, FlowState remote) {
        if (local != null) {
            t.set(Figures.CREDIT, local.linkCredit());
            t.set(Figures.DELIVERY_COUNT, local.deliveryCount() < 0 ? Double.NaN : local.deliveryCount());
            t.set(Figures.AVAILABLE, local.available() < 0 ? Double.NaN : local.available());
        }
        if (remote != null) {
            t.set(Figures.PEER_CREDIT, remote.linkCredit() < 0 ? Double.NaN : remote.linkCredit());
            t.set(Figures.PEER_DELIVERY_COUNT, remote.deliveryCount() < 0 ? Double.NaN : remote.deliveryCount());
        }
    }

    private void forget(Tracked t, long key) {
        boolean changed = t.queued.remove(key) | t.unsettled.remove(key);
        if (changed) {
            t.set(Figures.QUEUED, t.queued.size());
            t.set(Figures.LINK_UNSETTLED, t.unsettled.size());
        }
    }

    private Tracked session(int channel) {
        Tracked t = sessions.get(channel);
        if (t == null) {
            t = new Tracked(nextId++, false, channel, null, null);
            sessions.put(channel, t);
            track(t);
        }
        return t;
    }

    private Tracked link(LinkRef ref) {
        LinkKey key = new LinkKey(ref.channel(), ref.name(), ref.role());
        Tracked t = links.get(key);
        if (t == null) {
            t = new Tracked(nextId++, true, ref.channel(), ref.name(), ref.role());
            t.session = ref.channel() < 0 ? null : session(ref.channel());
            if (ref.role() == Role.SENDER) t.set(Figures.QUEUED, 0);
            t.set(Figures.LINK_UNSETTLED, 0);
            links.put(key, t);
            track(t);
        }
        if (ref.handle() >= 0) t.handle = ref.handle();
        if (ref.remoteHandle() >= 0) t.remoteHandle = ref.remoteHandle();
        return t;
    }

    private void track(Tracked t) {
        all.add(t);
        if (all.size() <= MAX_TRACKED) return;
        for (Iterator<Tracked> it = all.iterator(); it.hasNext() && all.size() > MAX_TRACKED; ) {
            Tracked old = it.next();
            if (old.closed && old.finalSampleTaken) it.remove();
        }
    }

    /** Closed: its figures stop, and a later session or link of the same name is a new one. */
    private void close(Tracked t) {
        if (t.closed) return;
        t.closed = true;
        if (t.link) {
            t.queued.clear();
            t.unsettled.clear();
            t.set(Figures.LINK_UNSETTLED, 0);
            if (t.role == Role.SENDER) t.set(Figures.QUEUED, 0);
            links.values().remove(t);
        } else {
            sessions.values().remove(t);
        }
    }

    /**
     * One sample per session and link that is open or closed since the last sample; resets the in-between lows,
     * highs and counters. Rates are per second of the time since the last sample.
     */
    List<Sample> sample(long now) {
        double seconds = lastSample < 0 ? 0 : Math.max(0.001, (now - lastSample) / 1000.0);
        lastSample = now;
        List<Sample> out = new ArrayList<>(all.size());
        for (Tracked t : all) {
            if (t.finalSampleTaken) continue;
            int unsettledSum = 0;
            if (!t.link) {
                for (Tracked l : all) if (l.link && l.session == t) unsettledSum += l.unsettled.size();
                t.set(Figures.SESSION_UNSETTLED, unsettledSum);
            }
            if (seconds > 0) {
                if (t.link) {
                    boolean out1 = t.role == Role.SENDER;
                    t.set(Figures.MESSAGES, (out1 ? t.messagesOut : t.messagesIn) / seconds);
                    t.set(Figures.BYTES, (out1 ? t.bytesOut : t.bytesIn) / seconds);
                } else {
                    t.set(Figures.MESSAGES_SENT, t.messagesOut / seconds);
                    t.set(Figures.MESSAGES_RECEIVED, t.messagesIn / seconds);
                    t.set(Figures.BYTES_SENT, t.bytesOut / seconds);
                    t.set(Figures.BYTES_RECEIVED, t.bytesIn / seconds);
                }
            }
            t.messagesIn = t.messagesOut = t.bytesIn = t.bytesOut = 0;
            out.add(new Sample(t.id, t.link, t.channel, t.name, t.role, t.handle, t.remoteHandle, t.closed,
                    t.lo.clone(), t.hi.clone(), t.now.clone()));
            System.arraycopy(t.now, 0, t.lo, 0, t.now.length);
            System.arraycopy(t.now, 0, t.hi, 0, t.now.length);
            if (t.closed) t.finalSampleTaken = true;
        }
        return out;
    }
}
