package org.amqpexplorer.ui.flowlab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkRef;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.Detach;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * Watches one connection for the lab, on the connection's own thread: keeps its flow-control figures
 * ({@link FlowMeter}), checks the peer's frames against the rules ({@link RuleChecker}), and notes each frame for
 * the sequence diagram together with what it changed at this end (its effect on windows, credit and settlement).
 * The FX thread takes what is new once per pulse ({@link #drain}) and a sample when the charts want one
 * ({@link #sample}); what waits between two drains is bounded, so a fast connection costs a constant amount of
 * work per event and never a growing backlog. Thread-safe.
 */
final class ConnectionProbe implements EngineObserver {
    /** Frames waiting for the next drain, at most; older ones are dropped (and counted) first. */
    static final int MAX_WAITING_FRAMES = 4096;
    /**
     * Frames between two drains beyond which effects are no longer worked out until the next drain: no one reads
     * a diagram scrolling by at that rate, and the connection's thread has better things to do.
     */
    static final int MAX_FRAMES_WITH_EFFECTS = 256;
    private static final int MAX_EFFECT = 240;

    private final String name;
    private final FlowMeter meter = new FlowMeter();
    private final RuleChecker checker;
    private final ArrayDeque<LadderEntry> waiting = new ArrayDeque<>();
    private long dropped;
    private int framesSinceDrain;
    private long nextSeq = 1;

    /** The latest frame, whose effect may still grow; {@code openPublished} if the FX thread has a copy of it. */
    private LadderEntry open;
    /** The open frame's effect so far: link changes first, then the session's (they matter more). */
    private final List<String> linkEffect = new ArrayList<>(2);
    private final List<String> sessionEffect = new ArrayList<>(2);
    private boolean openPublished;
    private boolean openChanged;
    /** A sender's credit taken for the delivery it is about to start: it belongs to the transfer that follows. */
    private String heldForTransfer;
    private long heldForHandle = -1;

    private final Map<Integer, EngineEvent.SessionWindowChanged> windows = new HashMap<>();
    private final Map<Integer, Integer> localOfRemote = new HashMap<>();
    private final Map<String, FlowState[]> flows = new HashMap<>();
    private volatile boolean closed;
    /** The lab no longer shows this connection: events are ignored from now on. */
    private volatile boolean retired;
    private int settledByPeer;
    private int settledHere;

    /** What is new since the last drain. */
    record Drained(List<LadderEntry> frames, List<SpecAlert> alerts, long droppedFrames) {
    }

    ConnectionProbe(String name, AtomicLong alertIds) {
        this.name = Objects.requireNonNull(name, "name");
        this.checker = new RuleChecker(name, alertIds);
    }

    String name() {
        return name;
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        if (retired) return;
        meter.onEvent(event);
        long seq = -1;
        switch (event) {
            case EngineEvent.FrameSent f -> seq = frame(f.timestamp(), true, f.channel(), f.body(), null,
                    f.payloadSize(), f.frameSize());
            case EngineEvent.FrameReceived f -> seq = frame(f.timestamp(), false, f.channel(), f.body(), null,
                    f.payloadSize(), f.frameSize());
            case EngineEvent.HeaderSent h -> seq = frame(h.timestamp(), true, 0, null, h.header(), 0, ProtocolHeader.SIZE);
            case EngineEvent.HeaderReceived h -> seq = frame(h.timestamp(), false, 0, null, h.header(), 0, ProtocolHeader.SIZE);
            case EngineEvent.SessionWindowChanged w -> effect(windowChange(w), false);
            case EngineEvent.SessionStateChanged s -> {
                if (s.remoteChannel() >= 0 && s.localChannel() >= 0) localOfRemote.put(s.remoteChannel(), s.localChannel());
                if (s.state() == org.amqpexplorer.protocol.engine.EndpointState.CLOSED) {
                    localOfRemote.values().remove(s.localChannel());
                    windows.remove(s.localChannel());
                }
            }
            case EngineEvent.LinkFlowChanged f -> linkFlow(f);
            case EngineEvent.ConnectionStateChanged s -> {
                if (s.state() == org.amqpexplorer.protocol.engine.EndpointState.CLOSED) closed = true;
            }
            case EngineEvent.DeliverySettled s -> {
                if (s.by() == EngineEvent.Side.REMOTE) settledByPeer++;
                else settledHere++;
            }
            default -> { }
        }
        checker.onEvent(event, seq);
    }

    // ---- frames and their effects

    private long frame(long time, boolean sent, int channel, Described body, ProtocolHeader header, int payloadSize,
                       int frameSize) {
        framesSinceDrain++;
        long handle = handleOf(body);
        String carried = null;
        if (heldForTransfer != null) {
            if (sent && body instanceof Transfer t && t.handle() == heldForHandle) carried = heldForTransfer;
            else effect(heldForTransfer, true);
            heldForTransfer = null;
        }
        close();
        long seq = nextSeq++;
        String performative = header != null ? "header" : body == null ? "empty"
                : body instanceof Composite c ? c.compositeType().name() : "described";
        int localChannel = localChannel(sent, channel, body);
        open = new LadderEntry(seq, time, sent, channel, localChannel, performative, handle, null, "", body, header,
                payloadSize, frameSize);
        linkEffect.clear();
        sessionEffect.clear();
        openPublished = false;
        openChanged = false;
        if (carried != null) effect(carried, true);
        return seq;
    }

    /** The session's channel at this end: the frame's own if we sent it, else the one the peer's channel maps to. */
    private int localChannel(boolean sent, int channel, Described body) {
        if (body == null || body instanceof Open || body instanceof Close) return -1;
        if (sent) return channel;
        if (body instanceof Begin b && b.remoteChannel() != null) return b.remoteChannel();
        return localOfRemote.getOrDefault(channel, -1);
    }

    private static long handleOf(Described body) {
        return switch (body) {
            case Attach a -> a.handle();
            case Flow f -> f.handle() == null ? -1 : f.handle();
            case Transfer t -> t.handle();
            case Detach d -> d.handle();
            case null, default -> -1;
        };
    }

    /** Finishes the open frame: its effect is complete once the next frame comes. */
    private void close() {
        if (open == null) return;
        if (settledByPeer > 0 || settledHere > 0) {
            List<String> parts = new ArrayList<>(2);
            if (settledByPeer > 0 && settledByPeer == settledHere) {
                parts.add(settledHere + " settled at both ends");
            } else {
                if (settledByPeer > 0) parts.add(settledByPeer + " settled by the peer");
                if (settledHere > 0) parts.add(settledHere + " settled here");
            }
            effect(String.join(", ", parts), true);
            settledByPeer = 0;
            settledHere = 0;
        }
        if (!openPublished || openChanged) enqueue(open.withEffect(effectText()));
        open = null;
    }

    private void enqueue(LadderEntry e) {
        waiting.add(e);
        while (waiting.size() > MAX_WAITING_FRAMES) {
            waiting.poll();
            dropped++;
        }
    }

    /** Whether effects are worked out now (not in a burst). */
    private boolean effects() {
        return framesSinceDrain <= MAX_FRAMES_WITH_EFFECTS;
    }

    private void effect(String change, boolean link) {
        if (change == null || change.isEmpty() || open == null) return; // nothing, or before the first frame
        (link ? linkEffect : sessionEffect).add(change);
        openChanged = true;
    }

    private String effectText() {
        List<String> all = new ArrayList<>(linkEffect.size() + sessionEffect.size());
        all.addAll(linkEffect);
        all.addAll(sessionEffect);
        String text = String.join(" · ", all);
        return text.length() > MAX_EFFECT ? text.substring(0, MAX_EFFECT - 1) + "…" : text;
    }

    private String windowChange(EngineEvent.SessionWindowChanged w) {
        EngineEvent.SessionWindowChanged was = windows.put(w.localChannel(), w);
        if (was == null || !effects()) return "";
        List<String> parts = new ArrayList<>(4);
        change(parts, "in-window", was.incomingWindow(), w.incomingWindow());
        change(parts, "out-window", was.outgoingWindow(), w.outgoingWindow());
        change(parts, "peer in-window", was.remoteIncomingWindow(), w.remoteIncomingWindow());
        change(parts, "peer out-window", was.remoteOutgoingWindow(), w.remoteOutgoingWindow());
        return parts.isEmpty() ? "" : "s" + w.localChannel() + " " + String.join(", ", parts);
    }

    private void linkFlow(EngineEvent.LinkFlowChanged f) {
        LinkRef l = f.link();
        String key = l.channel() + "/" + l.role() + "/" + l.name();
        FlowState[] was = flows.get(key);
        FlowState remote = f.remote() != null ? f.remote() : was == null ? null : was[1];
        flows.put(key, new FlowState[] {f.local(), remote});
        if (!effects()) return;
        if (was == null) was = new FlowState[2];
        List<String> parts = new ArrayList<>(4);
        if (was[0] == null && f.local() != null) {
            parts.add("credit " + f.local().linkCredit());
        } else if (was[0] != null && f.local() != null) {
            change(parts, "credit", was[0].linkCredit(), f.local().linkCredit());
            change(parts, "dc", was[0].deliveryCount(), f.local().deliveryCount());
            if (l.role() == Role.RECEIVER) change(parts, "avail", was[0].available(), f.local().available());
            if (was[0].drain() != f.local().drain()) parts.add("drain " + (f.local().drain() ? "on" : "off"));
        }
        if (was[1] != null && f.remote() != null) change(parts, "peer credit", was[1].linkCredit(), f.remote().linkCredit());
        if (was[1] == null && f.remote() != null) parts.add("peer credit " + f.remote().linkCredit());
        if (parts.isEmpty()) return;
        String text = "h" + (l.handle() < 0 ? "?" : l.handle()) + " " + String.join(", ", parts);
        boolean startsDelivery = l.role() == Role.SENDER && was[0] != null && f.local() != null
                && f.local().linkCredit() == was[0].linkCredit() - 1
                && f.local().deliveryCount() == (was[0].deliveryCount() + 1 & 0xFFFF_FFFFL);
        if (startsDelivery) {
            // 2.6.7: the first transfer of a delivery takes the credit; the engine counts it just before writing it
            if (heldForTransfer != null) effect(heldForTransfer, true);
            heldForTransfer = text;
            heldForHandle = l.handle();
        } else {
            effect(text, true);
        }
    }

    private static void change(List<String> parts, String name, long was, long now) {
        if (was != now) parts.add(name + " " + (was < 0 ? "?" : was) + "→" + (now < 0 ? "?" : now));
    }

    // ---- the FX thread's side

    /** Stops watching: the connection is no longer shown, and what it does costs nothing here any more. */
    void retire() {
        retired = true;
        synchronized (this) {
            waiting.clear();
            open = null;
        }
    }

    /** Whether the connection has closed (both ends, or its transport went away). */
    boolean isClosed() {
        return closed;
    }

    /** Everything new since the last drain: frames (the latest perhaps again, with more effect) and alerts. */
    synchronized Drained drain() {
        List<LadderEntry> frames = new ArrayList<>(waiting.size() + 1);
        frames.addAll(waiting);
        waiting.clear();
        if (open != null && (!openPublished || openChanged)) {
            frames.add(open.withEffect(effectText()));
            openPublished = true;
            openChanged = false;
        }
        long d = dropped;
        dropped = 0;
        framesSinceDrain = 0;
        return new Drained(frames, checker.take(), d);
    }

    /** A sample of every session and link (see {@link FlowMeter#sample}). */
    synchronized List<FlowMeter.Sample> sample(long now) {
        return meter.sample(now);
    }
}
