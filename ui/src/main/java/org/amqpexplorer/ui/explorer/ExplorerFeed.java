package org.amqpexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;

/**
 * Carries one connection's events to the tree without losing any state and without growing with the traffic:
 * state changes and the open, begin and attach frames are kept in order; window and flow values are kept as the
 * latest per session and link; a delivery that is created and settled between two drains leaves nothing behind.
 * So what waits is bounded by the protocol state (sessions, links, unsettled deliveries), not by the message
 * rate. The connection's thread offers; the FX thread {@link #drain drains} once per pulse.
 */
public final class ExplorerFeed implements EngineObserver {
    private List<EngineEvent> structure = new ArrayList<>();
    private Map<Object, EngineEvent> latest = new LinkedHashMap<>();
    private Map<Long, List<EngineEvent>> deliveries = new LinkedHashMap<>();

    @Override
    public synchronized void onEvent(EngineEvent e) {
        switch (e) {
            case EngineEvent.FrameSent f when f.body() instanceof Open || f.body() instanceof Begin || f.body() instanceof Attach -> structure.add(e);
            case EngineEvent.FrameReceived f when f.body() instanceof Open || f.body() instanceof Begin || f.body() instanceof Attach -> structure.add(e);
            case EngineEvent.FrameSent f -> { }
            case EngineEvent.FrameReceived f -> { }
            case EngineEvent.HeaderSent h -> { }
            case EngineEvent.HeaderReceived h -> { }
            case EngineEvent.SessionWindowChanged w -> latest.put("session " + w.localChannel(), w);
            case EngineEvent.LinkFlowChanged f -> latest.put(f.link().channel() + "/" + f.link().role() + "/" + f.link().name(), f);
            case EngineEvent.DeliveryCreated d -> {
                if (!d.settled()) deliveries.computeIfAbsent(d.delivery().key(), k -> new ArrayList<>(4)).add(e);
            }
            case EngineEvent.DeliverySettled s when s.by() == EngineEvent.Side.LOCAL -> {
                List<EngineEvent> pending = deliveries.get(s.delivery().key());
                if (pending != null && pending.get(0) instanceof EngineEvent.DeliveryCreated) {
                    deliveries.remove(s.delivery().key()); // came and went between two pulses
                } else {
                    deliveries.computeIfAbsent(s.delivery().key(), k -> new ArrayList<>(1)).add(e);
                }
            }
            case EngineEvent.DeliverySettled s -> addToDelivery(s.delivery().key(), e);
            case EngineEvent.DeliveryTransferred t -> addToDelivery(t.delivery().key(), e);
            case EngineEvent.DeliveryStateChanged s -> addToDelivery(s.delivery().key(), e);
            case EngineEvent.DeliveryAborted a -> addToDelivery(a.delivery().key(), e);
            default -> structure.add(e);
        }
    }

    /** Delivery events only for deliveries the tree lists (created unsettled); the latest transfer replaces earlier ones. */
    private void addToDelivery(long key, EngineEvent e) {
        List<EngineEvent> list = deliveries.get(key);
        if (list == null) {
            // created in an earlier batch: the tree knows it (or ignored it as settled)
            list = new ArrayList<>(2);
            deliveries.put(key, list);
        }
        if (e instanceof EngineEvent.DeliveryTransferred && !list.isEmpty()
                && list.get(list.size() - 1) instanceof EngineEvent.DeliveryTransferred) {
            list.set(list.size() - 1, e);
        } else {
            list.add(e);
        }
    }

    /** Everything since the last drain, in an order the tree can apply: structure, then values, then deliveries. */
    public List<EngineEvent> drain() {
        List<EngineEvent> s;
        Map<Object, EngineEvent> l;
        Map<Long, List<EngineEvent>> d;
        synchronized (this) {
            if (structure.isEmpty() && latest.isEmpty() && deliveries.isEmpty()) return List.of();
            s = structure;
            l = latest;
            d = deliveries;
            structure = new ArrayList<>();
            latest = new LinkedHashMap<>();
            deliveries = new LinkedHashMap<>();
        }
        List<EngineEvent> out = new ArrayList<>(s.size() + l.size() + d.size() * 2);
        out.addAll(s);
        out.addAll(l.values());
        for (List<EngineEvent> events : d.values()) out.addAll(events);
        return out;
    }
}
