package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.ui.trace.EngineTrace;
import org.amqpexplorer.ui.trace.TraceFrame;
import org.junit.jupiter.api.Test;

/** The lab's view-model without a screen: a connection of the window watched, charted, drawn, searched. */
class FlowLabTest {
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final List<TraceFrame> trace = Collections.synchronizedList(new ArrayList<>());
    private final FlowLab lab = new FlowLab(name -> EngineTrace.observer(name, trace::add), clock::get);

    /** A connection made "by the window": traced, and watched by the lab through {@link FlowLab#watching}. */
    private Sender connect(int credit) {
        EngineObserver observer = lab.watching(name -> EngineTrace.observer(name, trace::add)).apply("c1 peer");
        Pair pair = new Pair(observer);
        pair.peer.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link instanceof Receiver r) r.flow(credit);
            }
        });
        pair.client.open();
        Session s = pair.client.session();
        s.begin();
        Sender sender = s.sender(Traffic.sender("orders", "q", SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST));
        sender.attach();
        pair.shuttle();
        for (int i = 0; i < credit; i++) sender.send(Traffic.tag(i), new byte[50], 0, true);
        pair.shuttle();
        return sender;
    }

    private void pulse(long advance) {
        clock.addAndGet(advance);
        lab.pulse();
    }

    @Test
    void aWatchedConnectionIsChartedAndDrawn() {
        connect(3);
        pulse(0);
        assertEquals(1, lab.connections().size());
        LabConnection c = lab.focusProperty().get();
        assertNotNull(c, "the first connection is shown");
        assertEquals("c1 peer", c.name);
        assertFalse(c.steppable(), "the window's connections are watched, not stepped");
        pulse(100);
        assertEquals(2, c.entities().size(), "a session and a link");
        Entity chart = lab.chartEntityProperty().get();
        assertNotNull(chart);
        assertTrue(chart.link, "a link is charted first");
        List<ChartData> charts = lab.charts(200);
        assertEquals(Figures.LINK.size(), charts.size());
        ChartData credit = charts.get(0);
        assertEquals("Link credit (2.6.7)", credit.title());
        assertEquals(0, credit.series().get(0).latest(), "all 3 credits used");
        assertEquals(3, credit.series().get(0).columns().max()[199], "the credit was 3 during the last sample");
        assertTrue(lab.ladder().size() >= 10, "header, open, begin, attach, flow, transfers …");
        assertEquals(List.of(0), lab.sessionChoices());
        assertEquals(1, lab.linkChoices().size());
        assertEquals("'orders' (s0 h0)", lab.linkChoices().get(0).toString());
    }

    @Test
    void filtersNarrowTheDiagramAndFocusResetsThem() {
        connect(3);
        pulse(100);
        lab.performativeFilterProperty().set("transfer");
        assertEquals(3, lab.ladder().shownSize());
        lab.performativeFilterProperty().set(null);
        lab.linkFilterProperty().set(lab.linkChoices().get(0));
        assertEquals(List.of("attach", "attach", "flow", "transfer", "transfer", "transfer"),
                shownPerformatives(), "the link's frames, both ends' handles");
        lab.textFilterProperty().set("credit 3→2");
        assertEquals(1, lab.ladder().shownSize());
        assertEquals(lab.ladder().shown(0), lab.recentFrames().get(0), "the step panel's list follows the filter");
    }

    private List<String> shownPerformatives() {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < lab.ladder().shownSize(); i++) p.add(lab.ladder().shown(i).performative());
        return p;
    }

    @Test
    void aFrameClickedInTheDiagramIsTheOneTheTraceHas() {
        connect(2);
        pulse(100);
        List<Predicate<TraceFrame>> asked = new ArrayList<>();
        lab.onShowInTrace(which -> {
            asked.add(which);
            return trace.stream().anyMatch(which);
        });
        LadderEntry transfer = null;
        for (int i = 0; i < lab.ladder().shownSize(); i++) {
            if (lab.ladder().shown(i).label().startsWith("transfer #1")) transfer = lab.ladder().shown(i);
        }
        assertNotNull(transfer);
        lab.select(transfer);
        assertEquals(transfer, lab.selectedFrameProperty().get());
        List<TraceFrame> matching = trace.stream().filter(asked.get(0)).toList();
        assertEquals(1, matching.size(), "exactly one trace frame is that frame");
        assertEquals("transfer", matching.get(0).performative());
        assertTrue(lab.statusProperty().get().contains("selected in the live trace"), lab.statusProperty().get());
        trace.clear();
        lab.select(transfer);
        assertTrue(lab.statusProperty().get().contains("no longer in the live trace"), lab.statusProperty().get());
    }

    @Test
    void alertsAreListedShownAndTakeTheirConnectionIntoFocus() {
        EngineObserver other = lab.observer("c2 elsewhere");
        connect(1);
        pulse(100);
        assertEquals("c2 elsewhere", lab.focusProperty().get().name, "the first watched connection is in focus");
        LabConnection target = lab.connections().get(1);
        target.probe.onEvent(new EngineEvent.ProtocolError(clock.get(), EngineEvent.Scope.CONNECTION, 0, -1,
                new ErrorCondition(ErrorCondition.CONNECTION_FRAMING_ERROR, "a frame of 9 bytes beyond max-frame-size (2.7.1)", null)));
        target.probe.onEvent(new EngineEvent.FrameSent(clock.get(), 0, null, 0, 8, null));
        other.onEvent(new EngineEvent.FrameSent(clock.get(), 0, null, 0, 8, null));
        pulse(16);
        assertEquals(1, lab.alerts().size());
        SpecAlert a = lab.latestAlertProperty().get();
        assertEquals("2.7.1 Protocol error", a.headline());
        assertEquals(1, lab.alertCountProperty().get());
        lab.showAlert(a);
        assertEquals(target, lab.focusProperty().get());
        lab.dismissAlert();
        assertNull(lab.latestAlertProperty().get());
        assertEquals(1, lab.alerts().size(), "the list keeps it");
        lab.clearAlerts();
        assertEquals(0, lab.alertCountProperty().get());
    }

    @Test
    void pausedChartsStayPutAndPanBackThroughTheHistory() {
        connect(1);
        pulse(100);
        pulse(100);
        lab.chartsPausedProperty().set(true);
        long end = lab.charts(10).get(0).to();
        pulse(1000);
        assertEquals(end, lab.charts(10).get(0).to(), "paused: the span does not move");
        lab.pan(-5_000);
        assertTrue(lab.charts(10).get(0).to() < end);
        lab.zoom(-1);
        assertEquals(10, lab.spanSecondsProperty().get());
        lab.zoom(10);
        assertEquals(600, lab.spanSecondsProperty().get());
        lab.chartsPausedProperty().set(false);
        pulse(100);
        assertEquals(clock.get(), lab.charts(10).get(0).to(), "live again");
    }

    @Test
    void stepModeNeedsTheLabsOwnConnections() {
        connect(1);
        pulse(100);
        assertFalse(lab.steppableProperty().get());
        lab.hold(org.amqpexplorer.protocol.transport.Transport.Direction.INCOMING, true);
        assertFalse(lab.holdingIncomingProperty().get());
        assertTrue(lab.heldFrames().isEmpty());
    }

    @Test
    void theLabKeepsABoundedNumberOfConnectionsClosedOnesGoingFirst() {
        List<EngineObserver> observers = new ArrayList<>();
        for (int i = 0; i < FlowLab.MAX_CONNECTIONS; i++) observers.add(lab.observer("c" + i));
        pulse(16);
        observers.get(9).onEvent(new EngineEvent.ConnectionStateChanged(clock.get(),
                org.amqpexplorer.protocol.engine.EndpointState.CLOSED, null));
        pulse(16);
        lab.observer("c16");
        pulse(16);
        assertEquals(FlowLab.MAX_CONNECTIONS, lab.connections().size());
        List<String> names = lab.connections().stream().map(c -> c.name).toList();
        assertFalse(names.contains("c9"), "the closed one went: " + names);
        assertTrue(names.containsAll(List.of("c0", "c1", "c16")), names.toString());
        for (int i = 0; i < 3; i++) lab.observer("more" + i);
        pulse(16);
        assertEquals(FlowLab.MAX_CONNECTIONS, lab.connections().size(), "then the oldest not in focus");
        assertTrue(lab.connections().stream().anyMatch(c -> c.name.equals("c0")), "the one in focus stays");
    }

    @Test
    void scenariosUseTheWindowsBuiltInPeerWhenItRuns() throws Exception {
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        try (org.amqpexplorer.protocol.peer.Peer windows = org.amqpexplorer.protocol.peer.Peer.start(
                org.amqpexplorer.protocol.peer.PeerOptions.DEFAULT.withPort(0), e -> {
                    if (e instanceof org.amqpexplorer.protocol.peer.PeerEvent.ConnectionAccepted) accepted.incrementAndGet();
                })) {
            lab.onPeer(() -> windows);
            lab.chosenProperty().set(lab.scenarios().get(4));
            lab.paceProperty().set(0.02);
            lab.runScenario();
            assertTrue(lab.runningProperty().get());
            long end = System.nanoTime() + 20_000_000_000L;
            while (lab.runningProperty().get() && System.nanoTime() < end) {
                Thread.sleep(10);
                pulse(10);
            }
            assertFalse(lab.runningProperty().get(), "the scenario ended: " + lab.narration());
            assertEquals(2, accepted.get(), "the producer and the consumer connected to the window's peer");
            assertTrue(lab.peerTextProperty().get().startsWith("The window's built-in peer"), lab.peerTextProperty().get());
            assertTrue(lab.narration().get(lab.narration().size() - 1).equals("Done."), lab.narration().toString());
            assertEquals("lab1 consumer", lab.focusProperty().get().name, "the scenario's connection is shown");
        } finally {
            lab.close();
        }
    }
}
