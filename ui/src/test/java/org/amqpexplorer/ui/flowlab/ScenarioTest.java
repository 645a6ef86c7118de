package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.PeerOptions;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scenario, headless, against the built-in peer (or its own peer), fast: the observed frames and states say
 * what the scenario claims to show.
 */
class ScenarioTest {
    private static final double PACE = 0.02;
    private static Peer peer;
    private static int runs;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = Peer.start(PeerOptions.DEFAULT.withPort(0));
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private static RecordingHost run(Scenario scenario) throws Exception {
        RecordingHost host = new RecordingHost();
        ScenarioRun run = new ScenarioRun(host, peer, PACE, Duration.ofSeconds(15), "test" + ++runs);
        run.run(scenario);
        return host;
    }

    @Test
    void linkCreditStallsAtZeroUntilTheNextFlowAndTheDrainGivesTheRestBack() throws Exception {
        RecordingHost host = run(new LinkCreditScenario());
        List<EngineEvent> events = host.of("consumer");
        List<String> flows = new ArrayList<>();
        List<Integer> transfersBetween = new ArrayList<>();
        int transfers = 0;
        boolean creditReachedZero = false;
        EngineEvent.FrameReceived drainAnswer = null;
        for (EngineEvent e : events) {
            switch (e) {
                case EngineEvent.FrameSent f when f.body() instanceof Flow flow && flow.handle() != null -> {
                    if (!flows.isEmpty()) {
                        transfersBetween.add(transfers);
                        assertTrue(creditReachedZero, "the credit was used up before the next flow");
                    }
                    flows.add(flow.linkCredit() + (flow.drainOrDefault() ? " drain" : ""));
                    transfers = 0;
                    creditReachedZero = false;
                }
                case EngineEvent.FrameReceived f when f.body() instanceof Transfer t -> {
                    assertFalse(creditReachedZero, "no transfer once the credit is 0, until the next flow");
                    if (t.deliveryId() != null) transfers++;
                }
                case EngineEvent.LinkFlowChanged f when f.link().role() == Role.RECEIVER && !flows.isEmpty() -> {
                    if (f.local().linkCredit() == 0) creditReachedZero = true;
                }
                case EngineEvent.FrameReceived f when f.body() instanceof Flow flow && flow.handle() != null
                        && flows.size() == 5 -> drainAnswer = f;
                default -> { }
            }
        }
        transfersBetween.add(transfers);
        assertEquals(List.of("5", "5", "5", "5", "5 drain"), flows);
        assertEquals(List.of(5, 5, 5, 5, 3), transfersBetween);
        assertNotNull(drainAnswer, "the sender answers the drain with a flow");
        Flow answer = (Flow) drainAnswer.body();
        assertEquals(0L, answer.linkCredit());
        assertEquals(25L, answer.deliveryCount(), "23 delivered, 2 credits given back");
    }

    @Test
    void theSessionWindowStallsTheSenderWhileCreditRemains() throws Exception {
        RecordingHost host = run(new SessionWindowScenario());
        List<EngineEvent> events = host.of("consumer");
        long window = -1;
        long credit = -1;
        boolean stalled = false;
        boolean flowSinceStall = false;
        int stallsWithCredit = 0;
        int stallsMidMessage = 0;
        Transfer last = null;
        for (EngineEvent e : events) {
            switch (e) {
                case EngineEvent.SessionWindowChanged w -> {
                    window = w.incomingWindow();
                    if (window == 0 && !stalled && last != null) {
                        stalled = true;
                        flowSinceStall = false;
                        if (credit > 0) stallsWithCredit++;
                        if (last.moreOrDefault()) stallsMidMessage++;
                    }
                    if (window > 0) stalled = false;
                }
                case EngineEvent.LinkFlowChanged f when f.link().role() == Role.RECEIVER -> credit = f.local().linkCredit();
                case EngineEvent.FrameSent f when f.body() instanceof Flow flow && flow.handle() == null -> flowSinceStall = true;
                case EngineEvent.FrameReceived f when f.body() instanceof Transfer t -> {
                    assertTrue(window != 0 || flowSinceStall, "no transfer while the window is 0");
                    last = t;
                }
                default -> { }
            }
        }
        assertTrue(stallsWithCredit >= 2, "the sender stalled on the window with credit left: " + stallsWithCredit);
        assertTrue(stallsMidMessage >= 1, "at least once in the middle of a message");
        assertTrue(host.said.stream().anyMatch(s -> s.contains("stalled on the window with credit left")), host.said.toString());
    }

    @Test
    void controlMessagesFlowWhileTheBulkSessionIsBlocked() throws Exception {
        RecordingHost host = run(new BulkAndControlScenario());
        List<EngineEvent> events = host.of("consumer");
        int bulkLocal = -1;
        Map<Integer, Integer> localOfPeer = new HashMap<>();
        boolean bulkBlocked = false;
        int controlWhileBlocked = 0;
        int bulkWhileBlocked = 0;
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.FrameSent f && f.body() instanceof Begin b
                    && b.incomingWindow() == BulkAndControlScenario.BULK_WINDOW) {
                bulkLocal = f.channel();
            } else if (e instanceof EngineEvent.SessionStateChanged s && s.remoteChannel() >= 0) {
                localOfPeer.put(s.remoteChannel(), s.localChannel());
            } else if (e instanceof EngineEvent.SessionWindowChanged w && w.localChannel() == bulkLocal) {
                bulkBlocked = w.incomingWindow() == 0;
            } else if (e instanceof EngineEvent.FrameReceived f && f.body() instanceof Transfer && bulkBlocked) {
                if (localOfPeer.get(f.channel()) == bulkLocal) bulkWhileBlocked++;
                else controlWhileBlocked++;
            }
        }
        assertTrue(bulkLocal >= 0);
        assertEquals(0, bulkWhileBlocked, "nothing arrives on the bulk session while its window is 0");
        assertTrue(controlWhileBlocked >= 3, "control messages arrived while the bulk session was blocked: " + controlWhileBlocked);
    }

    @Test
    void deliveryGuaranteesLoseResendAndRecogniseAsEachPromises() throws Exception {
        DeliveryGuaranteesScenario scenario = new DeliveryGuaranteesScenario();
        run(scenario);
        List<DeliveryGuaranteesScenario.Tally> tallies = scenario.tallies();
        assertEquals(3, tallies.size());
        DeliveryGuaranteesScenario.Tally most = tallies.get(0);
        assertEquals(DeliveryGuarantee.AT_MOST_ONCE, most.guarantee());
        assertEquals(List.of(), most.resent(), "nothing is resent");
        assertEquals(7, most.lost().size(), "the 7 received and not processed are lost");
        assertEquals(List.of(), most.duplicates());

        DeliveryGuaranteesScenario.Tally least = tallies.get(1);
        assertEquals(List.of(), least.lost());
        assertEquals(8, least.resent().size(), "the one whose outcome was lost, and the 7 unprocessed");
        assertEquals(List.of("at-least-once-5"), least.duplicates());

        DeliveryGuaranteesScenario.Tally exactly = tallies.get(2);
        assertEquals(List.of(), exactly.lost());
        assertEquals(8, exactly.resent().size());
        assertEquals(List.of("exactly-once-5"), exactly.deduplicated());
        assertEquals(List.of(), exactly.duplicates());
        assertEquals(12, exactly.processed().size());

        // with link recovery at both ends: nothing resent, every message handed over once
        DeliveryGuaranteesScenario.Recovery recovered = scenario.recovery();
        assertEquals(12, recovered.handed().size(), recovered.handed().toString());
        assertEquals(12, new HashSet<>(recovered.handed()).size(), "no message reached the receiver twice");
        assertEquals(0, recovered.resent());
        assertEquals(7, recovered.settledFromMaps(), "the receiver's unsettled map said accepted for the 7");
    }

    @Test
    void multiplexedLinksInterleaveTheirMultiFrameDeliveries() throws Exception {
        RecordingHost host = run(new MultiplexingScenario());
        List<EngineEvent> events = host.of("consumer");
        Set<Long> inDelivery = new HashSet<>();
        Set<Long> handles = new HashSet<>();
        int interleaved = 0;
        long previous = -1;
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.FrameReceived f && f.body() instanceof Transfer t) {
                handles.add(t.handle());
                // another link's frame comes between two frames of a delivery still in progress
                if (previous >= 0 && previous != t.handle() && inDelivery.contains(previous)) interleaved++;
                if (t.moreOrDefault()) inDelivery.add(t.handle());
                else inDelivery.remove(t.handle());
                previous = t.handle();
            }
        }
        assertEquals(3, handles.size());
        assertTrue(interleaved > 10, "frames of the three links take turns: " + interleaved);
    }

    @Test
    void aPeerBreakingTheRulesIsFlaggedWithTheRuleAndSection() throws Exception {
        RecordingHost host = run(new RuleBreakerScenario());
        ConnectionProbe probe = host.probe("rule-breaker");
        List<SpecAlert> alerts = probe.drain().alerts();
        List<String> rules = alerts.stream().map(a -> a.rule() + " " + a.section()).toList();
        assertEquals(List.of("CREDIT 2.6.7", "DRAIN 2.6.7", "UNKNOWN_DELIVERY 2.7.6", "RESETTLED 2.6.12", "WINDOW 2.5.6"),
                rules, alerts.toString());
        assertTrue(alerts.get(0).engineError().contains("amqp:link:transfer-limit-exceeded"), alerts.get(0).toString());
        assertTrue(alerts.get(1).engineError().contains("amqp:link:transfer-limit-exceeded"));
        assertTrue(alerts.get(2).detail().contains("delivery-ids 1..3"), alerts.get(2).detail());
        assertEquals(null, alerts.get(2).engineError(), "the engine lets it pass");
        assertTrue(alerts.get(3).detail().contains("delivery-id 0"), alerts.get(3).detail());
        assertTrue(alerts.get(4).engineError().contains("amqp:session:window-violation"));
        for (SpecAlert a : alerts) assertTrue(a.frameSeq() > 0 || a.rule() == Rule.REFUSED, "the offending frame is named");
    }

    /** The names of the links attached, for failure messages. */
    static List<String> attaches(List<EngineEvent> events) {
        List<String> names = new ArrayList<>();
        for (EngineEvent e : events) if (e instanceof EngineEvent.FrameSent f && f.body() instanceof Attach a) names.add(a.name());
        return names;
    }
}
