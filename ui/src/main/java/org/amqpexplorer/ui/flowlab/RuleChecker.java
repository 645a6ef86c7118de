package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkRef;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * Watches one connection's events for the peer breaking a flow-control or settlement rule. The engine refuses what
 * it must (a transfer beyond credit or beyond the incoming window ends the link or session, reported as a
 * {@link EngineEvent.ProtocolError}); the checker names the rule for those, telling a transfer after a completed
 * drain from a plain credit overrun, and itself catches what the engine lets pass: dispositions for deliveries
 * that never were, and deliveries settled twice.
 *
 * <p>It reads frames as the events carry them, before the engine acts on them, together with the window and flow
 * states the engine reports after each change. A frame's alert waits for the engine's error that may follow it at
 * once, so one offence is one alert. Memory is bounded by the protocol state, plus a bounded memory of settled
 * delivery-ids. Not thread-safe: its {@link ConnectionProbe} guards it.
 */
final class RuleChecker {
    /** Delivery-ids remembered per session and direction as settled by the peer, at most. */
    static final int REMEMBERED_SETTLED = 8192;
    /** A disposition range is checked id by id up to this many ids; beyond, only its ends. */
    static final int MAX_RANGE_CHECKED = 4096;
    private static final Pattern SECTION = Pattern.compile("\\((\\d+\\.\\d+(?:\\.\\d+)*)\\)");

    private final String connection;
    private final AtomicLong ids;
    private final Map<Integer, Integer> localChannelOf = new HashMap<>();
    private final Map<Integer, SessionState> sessions = new HashMap<>();
    private final List<SpecAlert> pending = new ArrayList<>(1);
    private final List<SpecAlert> raised = new ArrayList<>();

    private static final class SessionState {
        long incomingWindow = -1;
        final Map<Long, LinkState> byRemoteHandle = new HashMap<>();
        final Map<String, LinkState> byName = new HashMap<>();
        /** Deliveries we sent (the peer receives) and deliveries the peer sent. */
        final Deliveries ours = new Deliveries();
        final Deliveries theirs = new Deliveries();
    }

    private static final class LinkState {
        final String name;
        final Role role;
        long remoteHandle = -1;
        FlowState local;
        /** The delivery-count our grants let the sender reach (2.6.7), once known. */
        long limit = -1;
        boolean inDelivery;

        LinkState(String name, Role role) {
            this.name = name;
            this.role = role;
        }
    }

    /** Delivery-ids in use in one direction of a session, and those the peer has settled. */
    private static final class Deliveries {
        long first = -1;
        long next = -1;
        final LinkedHashSet<Long> settledByPeer = new LinkedHashSet<>();

        void used(long id) {
            if (first < 0) {
                first = id;
                next = id + 1 & 0xFFFF_FFFFL;
            } else if (serialCompare(id, next) >= 0) {
                next = id + 1 & 0xFFFF_FFFFL;
            }
        }

        boolean known(long id) {
            return first >= 0 && serialCompare(id, first) >= 0 && serialCompare(id, next) < 0;
        }

        /** Returns false if the peer had settled it already. */
        boolean settle(long id) {
            if (!settledByPeer.add(id)) return false;
            if (settledByPeer.size() > REMEMBERED_SETTLED) {
                Iterator<Long> oldest = settledByPeer.iterator();
                oldest.next();
                oldest.remove();
            }
            return true;
        }
    }

    RuleChecker(String connection, AtomicLong ids) {
        this.connection = connection;
        this.ids = ids;
    }

    /** RFC 1982 comparison of two uints: negative if a precedes b. */
    static int serialCompare(long a, long b) {
        return Integer.signum((int) (a - b));
    }

    /**
     * @param frameSeq the ladder number of the frame this event is (for frame events), else -1
     */
    void onEvent(EngineEvent event, long frameSeq) {
        if (event instanceof EngineEvent.ProtocolError error) {
            refused(error);
            return;
        }
        if (event instanceof EngineEvent.FrameSent || event instanceof EngineEvent.FrameReceived) {
            // the engine's error for an offence comes before the next frame (its close, end or detach) if at all
            raised.addAll(pending);
            pending.clear();
        }
        switch (event) {
            case EngineEvent.SessionStateChanged s -> sessionState(s);
            case EngineEvent.SessionWindowChanged w -> {
                SessionState s = sessions.get(w.localChannel());
                if (s != null) s.incomingWindow = w.incomingWindow();
            }
            case EngineEvent.LinkStateChanged s -> {
                LinkState l = link(s.link());
                if (l != null && s.state() == EndpointState.CLOSED) {
                    SessionState session = sessions.get(s.link().channel());
                    session.byName.remove(key(s.link()));
                    session.byRemoteHandle.values().remove(l);
                }
            }
            case EngineEvent.LinkFlowChanged f -> {
                LinkState l = link(f.link());
                if (l != null && f.local() != null) flow(l, f.local());
            }
            case EngineEvent.FrameSent f when f.body() instanceof Transfer t && t.deliveryId() != null -> {
                SessionState s = sessions.get(f.channel());
                if (s != null) s.ours.used(t.deliveryId());
            }
            case EngineEvent.FrameReceived f when f.body() instanceof Transfer t -> transfer(f, t, frameSeq);
            case EngineEvent.FrameReceived f when f.body() instanceof Disposition d -> disposition(f, d, frameSeq);
            default -> { }
        }
    }

    /** The alerts raised since the last call. An enforced rule's alert waits for the engine's error, if it is due. */
    List<SpecAlert> take() {
        if (raised.isEmpty()) return List.of();
        List<SpecAlert> out = List.copyOf(raised);
        raised.clear();
        return out;
    }

    private void sessionState(EngineEvent.SessionStateChanged s) {
        if (s.state() == EndpointState.CLOSED) {
            sessions.remove(s.localChannel());
            localChannelOf.values().remove(s.localChannel());
            return;
        }
        if (s.localChannel() >= 0) {
            sessions.computeIfAbsent(s.localChannel(), c -> new SessionState());
            if (s.remoteChannel() >= 0) localChannelOf.put(s.remoteChannel(), s.localChannel());
        }
    }

    private static String key(LinkRef ref) {
        return ref.role() + "/" + ref.name();
    }

    private LinkState link(LinkRef ref) {
        SessionState s = sessions.get(ref.channel());
        if (s == null) return null;
        LinkState l = s.byName.computeIfAbsent(key(ref), k -> new LinkState(ref.name(), ref.role()));
        if (ref.remoteHandle() >= 0 && l.remoteHandle != ref.remoteHandle()) {
            l.remoteHandle = ref.remoteHandle();
            s.byRemoteHandle.put(ref.remoteHandle(), l);
        }
        return l;
    }

    private static void flow(LinkState l, FlowState local) {
        l.local = local;
        if (l.role != Role.RECEIVER || local.deliveryCount() < 0) return;
        // 2.6.7: the sender may reach our delivery-count plus the credit; lowering credit does not undo what a
        // sender already had (transfers may be in flight), so the highest reach stands.
        long reach = local.deliveryCount() + local.linkCredit() & 0xFFFF_FFFFL;
        if (l.limit < 0 || serialCompare(reach, l.limit) > 0) l.limit = reach;
    }

    private SessionState sessionOfPeerChannel(int channel) {
        Integer local = localChannelOf.get(channel);
        return local == null ? null : sessions.get(local);
    }

    private void transfer(EngineEvent.FrameReceived f, Transfer t, long frameSeq) {
        SessionState s = sessionOfPeerChannel(f.channel());
        if (s == null) return; // no session: the engine says so itself
        Integer localChannel = localChannelOf.get(f.channel());
        if (s.incomingWindow == 0) {
            pending.add(alert(f.timestamp(), Rule.WINDOW, "a transfer on session " + localChannel
                    + " (the peer's channel " + f.channel() + ") arrived while our incoming-window was 0",
                    localChannel, t.handle(), frameSeq));
        }
        LinkState l = s.byRemoteHandle.get(t.handle());
        if (l == null || l.role != Role.RECEIVER) return;
        if (!l.inDelivery) {
            FlowState local = l.local;
            if (local != null && local.deliveryCount() >= 0 && l.limit >= 0
                    && serialCompare(local.deliveryCount(), l.limit) >= 0) {
                String delivery = t.deliveryId() == null ? "a delivery" : "delivery " + t.deliveryId();
                if (local.drain()) {
                    pending.add(alert(f.timestamp(), Rule.DRAIN, delivery + " on link '" + l.name + "' (handle "
                            + t.handle() + ") began after the sender had drained its credit (delivery-count "
                            + local.deliveryCount() + ", link-credit 0)", localChannel, t.handle(), frameSeq));
                } else {
                    pending.add(alert(f.timestamp(), Rule.CREDIT, delivery + " on link '" + l.name + "' (handle "
                            + t.handle() + ") began with no link-credit left: delivery-count " + local.deliveryCount()
                            + " had reached every grant", localChannel, t.handle(), frameSeq));
                }
            }
            if (t.deliveryId() != null) s.theirs.used(t.deliveryId());
        }
        if (Boolean.TRUE.equals(t.settled()) && t.deliveryId() != null) s.theirs.settle(t.deliveryId());
        l.inDelivery = t.moreOrDefault() && !t.abortedOrDefault();
    }

    private void disposition(EngineEvent.FrameReceived f, Disposition d, long frameSeq) {
        SessionState s = sessionOfPeerChannel(f.channel());
        if (s == null) return;
        Integer localChannel = localChannelOf.get(f.channel());
        // role receiver: the peer received these deliveries, so they are ours
        Deliveries deliveries = d.role() == Role.RECEIVER ? s.ours : s.theirs;
        long first = d.first();
        long last = d.lastOrFirst();
        long count = (last - first & 0xFFFF_FFFFL) + 1;
        List<Long> unknown = new ArrayList<>();
        List<Long> forgotten = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        if (count > MAX_RANGE_CHECKED) {
            if (!deliveries.known(first)) unknown.add(first);
            if (!deliveries.known(last)) unknown.add(last);
        } else {
            for (long i = 0; i < count; i++) {
                long id = first + i & 0xFFFF_FFFFL;
                if (!deliveries.known(id)) {
                    unknown.add(id);
                } else if (d.settledOrDefault()) {
                    if (!deliveries.settle(id)) again.add(id);
                } else if (deliveries.settledByPeer.contains(id)) {
                    forgotten.add(id);
                }
            }
        }
        String whose = d.role() == Role.RECEIVER ? "ours" : "the peer's own";
        if (!unknown.isEmpty()) {
            raised.add(alert(f.timestamp(), Rule.UNKNOWN_DELIVERY, "a disposition (role " + d.role().choiceName()
                    + ") names " + ids(unknown) + ", which no transfer on session " + localChannel + " ever carried ("
                    + whose + " deliveries so far: " + range(deliveries) + ")", localChannel, -1L, frameSeq));
        }
        if (!forgotten.isEmpty()) {
            raised.add(alert(f.timestamp(), Rule.UNKNOWN_DELIVERY, "a disposition names " + ids(forgotten)
                    + ", which the peer had settled and so forgotten (2.6.12)", localChannel, -1L, frameSeq));
        }
        if (!again.isEmpty()) {
            raised.add(alert(f.timestamp(), Rule.RESETTLED, "a disposition settles " + ids(again)
                    + ", which the peer had settled before", localChannel, -1L, frameSeq));
        }
    }

    private static String range(Deliveries d) {
        if (d.first < 0) return "none";
        long lastId = d.next - 1 & 0xFFFF_FFFFL;
        return d.first == lastId ? "delivery-id " + d.first : "delivery-ids " + d.first + ".." + lastId;
    }

    private static String ids(List<Long> ids) {
        if (ids.size() == 1) return "delivery-id " + ids.get(0);
        boolean run = true;
        for (int i = 1; i < ids.size(); i++) run &= ids.get(i) == (ids.get(i - 1) + 1 & 0xFFFF_FFFFL);
        if (run) return "delivery-ids " + ids.get(0) + ".." + ids.get(ids.size() - 1);
        List<Long> shown = ids.size() > 8 ? ids.subList(0, 8) : ids;
        return "delivery-ids " + shown.toString().replaceAll("[\\[\\]]", "") + (ids.size() > 8 ? " …" : "");
    }

    private void refused(EngineEvent.ProtocolError e) {
        ErrorCondition error = e.error();
        String did = switch (e.scope()) {
            case CONNECTION -> "closed the connection";
            case SESSION -> "ended the session";
            case LINK -> "closed the link";
        } + " with " + error.condition();
        Rule rule = switch (error.condition()) {
            case ErrorCondition.LINK_TRANSFER_LIMIT_EXCEEDED -> Rule.CREDIT;
            case ErrorCondition.SESSION_WINDOW_VIOLATION -> Rule.WINDOW;
            default -> Rule.REFUSED;
        };
        for (int i = 0; i < pending.size(); i++) {
            SpecAlert a = pending.get(i);
            boolean same = a.rule() == rule || rule == Rule.CREDIT && a.rule() == Rule.DRAIN;
            if (same && a.engineError() == null) {
                pending.set(i, a.withEngineError("the engine " + did));
                raised.addAll(pending);
                pending.clear();
                return;
            }
        }
        raised.addAll(pending);
        pending.clear();
        String section = rule.section();
        String description = error.description() == null ? error.condition() : error.description();
        if (rule == Rule.REFUSED) {
            Matcher m = SECTION.matcher(description);
            if (m.find()) section = m.group(1);
        }
        Integer localChannel = localChannelOf.get(e.channel());
        SpecAlert a = new SpecAlert(ids.incrementAndGet(), e.timestamp(), connection, rule, section, description,
                localChannel == null ? -1 : localChannel, e.handle(), -1, "the engine " + did);
        raised.add(a);
    }

    private SpecAlert alert(long time, Rule rule, String detail, Integer channel, Long handle, long frameSeq) {
        return new SpecAlert(ids.incrementAndGet(), time, connection, rule, rule.section(), detail,
                channel == null ? -1 : channel, handle == null ? -1 : handle, frameSeq, null);
    }
}
