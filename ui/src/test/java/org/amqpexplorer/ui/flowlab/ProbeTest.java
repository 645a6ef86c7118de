package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.junit.jupiter.api.Test;

/** What the probe makes of a real engine's events: frames with their effects, figures per session and link. */
class ProbeTest {
    private final ConnectionProbe probe = new ConnectionProbe("c1", new AtomicLong());
    private final Pair pair = new Pair(probe);
    private final List<LadderEntry> frames = new ArrayList<>();

    private LadderEntry last(String labelStart) {
        for (int i = frames.size() - 1; i >= 0; i--) if (frames.get(i).label().startsWith(labelStart)) return frames.get(i);
        throw new AssertionError("no frame '" + labelStart + "' in " + frames.stream().map(LadderEntry::label).toList());
    }

    private void drain() {
        for (LadderEntry e : probe.drain().frames()) {
            if (!frames.isEmpty() && frames.get(frames.size() - 1).seq() == e.seq()) frames.set(frames.size() - 1, e);
            else frames.add(e);
        }
    }

    /** Our sender to a peer that grants credit when asked. */
    private Sender sender() {
        pair.peer.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link instanceof Receiver r) r.flow(3);
            }
        });
        pair.client.open();
        Session s = pair.client.session();
        s.begin();
        Sender sender = s.sender(Traffic.sender("out", "q", SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST));
        sender.attach();
        pair.shuttle();
        return sender;
    }

    @Test
    void eachFrameCarriesWhatItChangedHere() {
        Sender sender = sender();
        drain();
        LadderEntry grant = last("flow h0 credit 3");
        assertTrue(!grant.sent(), frames.stream().map(e -> (e.sent() ? "> " : "< ") + e.label() + " | " + e.effect()).toList().toString());
        assertTrue(grant.effect().contains("h0 credit 3"), grant.effect());
        sender.send(Traffic.tag(1), new byte[100], 0, true);
        pair.shuttle();
        drain();
        LadderEntry transfer = last("transfer #0 h0");
        assertTrue(transfer.sent());
        // the engine takes the credit just before writing the transfer: it is the transfer's effect, not the flow's
        assertTrue(transfer.effect().startsWith("h0 credit 3→2, dc 0→1"), transfer.effect());
        assertTrue(transfer.effect().contains("peer in-window 2048→2047"), transfer.effect());
        assertEquals(0, transfer.localChannel());
        assertEquals(0, transfer.handle());
        assertNotNull(transfer.body(), "the body the trace holds too, to find the frame there");
        assertEquals("header", frames.get(0).performative());
        assertEquals(-1, frames.get(0).localChannel());
    }

    @Test
    void theLatestFrameIsHandedOverAgainWhenItsEffectGrows() {
        sender();
        drain();
        long before = frames.get(frames.size() - 1).seq();
        probe.onEvent(new EngineEvent.SessionWindowChanged(0, 0, 0, 7, 0, 2048, 100, 100));
        drain();
        assertEquals(before, frames.get(frames.size() - 1).seq(), "the same frame, not a new one");
        assertTrue(frames.get(frames.size() - 1).effect().contains("in-window 2048→7"), frames.get(frames.size() - 1).effect());
    }

    @Test
    void aBurstBeyondTheBufferIsDroppedOldestFirstAndCounted() {
        for (int i = 0; i < ConnectionProbe.MAX_WAITING_FRAMES + 10; i++) {
            probe.onEvent(new EngineEvent.FrameSent(i, 0, null, 0, 8, null));
        }
        ConnectionProbe.Drained d = probe.drain();
        assertEquals(ConnectionProbe.MAX_WAITING_FRAMES + 1, d.frames().size(), "the buffer, and the latest frame");
        assertEquals(9, d.droppedFrames());
        assertEquals(ConnectionProbe.MAX_WAITING_FRAMES + 10, d.frames().get(d.frames().size() - 1).seq());
    }

    @Test
    void theFiguresOfALinkAndItsSession() {
        Sender sender = sender();
        probe.sample(0);
        for (int i = 0; i < 3; i++) sender.send(Traffic.tag(i), new byte[1000], 0, true);
        sender.send(Traffic.tag(9), new byte[1000], 0, true); // no credit for this one: it waits here
        pair.shuttle();
        List<FlowMeter.Sample> samples = probe.sample(1000);
        FlowMeter.Sample link = samples.stream().filter(FlowMeter.Sample::link).findFirst().orElseThrow();
        FlowMeter.Sample session = samples.stream().filter(s -> !s.link()).findFirst().orElseThrow();
        assertEquals(Role.SENDER, link.role());
        assertEquals("out", link.name());
        assertEquals(0, link.last()[Figures.CREDIT]);
        assertEquals(3, link.max()[Figures.CREDIT], "the credit was 3 during the second");
        assertEquals(3, link.last()[Figures.DELIVERY_COUNT]);
        assertEquals(0, link.last()[Figures.QUEUED], "pre-settled deliveries are not counted as waiting");
        assertEquals(3, link.last()[Figures.MESSAGES], "3 messages in one second");
        assertEquals(3000, link.last()[Figures.BYTES]);
        assertEquals(3, session.last()[Figures.MESSAGES_SENT]);
        assertEquals(2048 - 3, session.last()[Figures.PEER_INCOMING_WINDOW]);
        List<FlowMeter.Sample> next = probe.sample(2000);
        assertEquals(0, next.stream().filter(FlowMeter.Sample::link).findFirst().orElseThrow().last()[Figures.MESSAGES]);
    }

    @Test
    void unsettledAndQueuedDeliveriesAreCounted() {
        pair.peer.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link instanceof Receiver r) r.flow(1);
            }
        });
        pair.client.open();
        Session s = pair.client.session();
        s.begin();
        Sender sender = s.sender(Traffic.sender("out", "q", SenderSettleMode.UNSETTLED, ReceiverSettleMode.FIRST));
        sender.attach();
        pair.shuttle();
        sender.send(Traffic.tag(1), new byte[10]);
        sender.send(Traffic.tag(2), new byte[10]);
        pair.shuttle();
        FlowMeter.Sample link = probe.sample(0).stream().filter(FlowMeter.Sample::link).findFirst().orElseThrow();
        assertEquals(1, link.last()[Figures.LINK_UNSETTLED], "sent, and the peer has not settled it");
        assertEquals(1, link.last()[Figures.QUEUED], "no credit for the second");
        FlowMeter.Sample session = probe.sample(100).stream().filter(x -> !x.link()).findFirst().orElseThrow();
        assertEquals(1, session.last()[Figures.SESSION_UNSETTLED]);
        BinaryValue unused = BinaryValue.of(new byte[0]);
        assertNotNull(unused);
    }
}
