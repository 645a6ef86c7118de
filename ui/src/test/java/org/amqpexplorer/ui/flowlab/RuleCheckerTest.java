package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkRef;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;

/**
 * The checker against event sequences written by hand, as an engine would emit them: session 0 (the peer's channel
 * 3), a receiving link 'in' (our handle 0, the peer's 7) and a sending link 'out'.
 */
class RuleCheckerTest {
    private static final LinkRef IN = new LinkRef(0, "in", Role.RECEIVER, 0, 7);
    private final RuleChecker checker = new RuleChecker("c1", new AtomicLong());
    private final List<SpecAlert> alerts = new ArrayList<>();
    private long seq;

    private void on(EngineEvent e) {
        boolean frame = e instanceof EngineEvent.FrameSent || e instanceof EngineEvent.FrameReceived;
        checker.onEvent(e, frame ? ++seq : -1);
        alerts.addAll(checker.take());
    }

    private void begun() {
        on(new EngineEvent.SessionStateChanged(0, 0, 3, EndpointState.OPENED, null));
        on(window(2048));
    }

    private static EngineEvent.SessionWindowChanged window(long incoming) {
        return new EngineEvent.SessionWindowChanged(0, 0, 0, incoming, 0, 2048, 2048, 2048);
    }

    /** Our receiver's flow state, as the engine reports it after each change. */
    private void credit(long deliveryCount, long credit, boolean drain) {
        on(new EngineEvent.LinkFlowChanged(0, IN, new FlowState(deliveryCount, credit, 0, drain), null));
    }

    private void transferIn(long id) {
        on(new EngineEvent.FrameReceived(0, 3, new Transfer(7L, id, BinaryValue.of(new byte[] {(byte) id}), 0L, null,
                null, null, null, null, null, null), 10, 40, null));
    }

    private void transferOut(long id) {
        on(new EngineEvent.FrameSent(0, 0, new Transfer(1L, id, BinaryValue.of(new byte[] {(byte) id}), 0L, false,
                null, null, null, null, null, null), 10, 40, null));
    }

    private void dispositionIn(Role role, long first, Long last, boolean settled) {
        on(new EngineEvent.FrameReceived(0, 3, new Disposition(role, first, last, settled, Accepted.INSTANCE, null), 0, 20, null));
    }

    private void engineRefuses(EngineEvent.Scope scope, String condition) {
        on(new EngineEvent.ProtocolError(0, scope, 3, 7, new ErrorCondition(condition, "refused (2.6.7)", null)));
    }

    @Test
    void transfersWithinCreditPass() {
        begun();
        credit(0, 0, false);
        credit(0, 2, false);
        transferIn(0);
        credit(1, 1, false);
        transferIn(1);
        credit(2, 0, false);
        on(new EngineEvent.FrameSent(0, 0, null, 0, 8, null)); // any later frame lets pending alerts out
        assertEquals(List.of(), alerts);
    }

    @Test
    void aTransferBeyondCreditIsOneAlertWithWhatTheEngineDid() {
        begun();
        credit(0, 2, false);
        transferIn(0);
        credit(1, 1, false);
        transferIn(1);
        credit(2, 0, false);
        transferIn(2);
        assertEquals(List.of(), alerts, "it waits for the engine's error, which comes before the next frame");
        engineRefuses(EngineEvent.Scope.LINK, ErrorCondition.LINK_TRANSFER_LIMIT_EXCEEDED);
        assertEquals(1, alerts.size(), alerts.toString());
        SpecAlert a = alerts.get(0);
        assertEquals(Rule.CREDIT, a.rule());
        assertEquals("2.6.7", a.section());
        assertEquals(3, a.frameSeq(), "the third transfer: the third frame");
        assertTrue(a.detail().contains("delivery 2 on link 'in' (handle 7)"), a.detail());
        assertEquals("the engine closed the link with amqp:link:transfer-limit-exceeded", a.engineError());
    }

    @Test
    void creditLoweredWhileTransfersAreInFlightIsNoOffence() {
        begun();
        credit(0, 5, false);
        credit(0, 1, false); // we lowered the credit; the sender may have sent under the old grant already
        transferIn(0);
        credit(1, 0, false);
        transferIn(1);
        credit(2, 0, false);
        on(new EngineEvent.FrameSent(0, 0, null, 0, 8, null));
        assertEquals(List.of(), alerts);
    }

    @Test
    void aTransferAfterACompletedDrainNamesTheDrain() {
        begun();
        credit(0, 2, true);
        credit(2, 0, true); // the sender's flow: delivery-count advanced, credit used up
        transferIn(0);
        engineRefuses(EngineEvent.Scope.LINK, ErrorCondition.LINK_TRANSFER_LIMIT_EXCEEDED);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(Rule.DRAIN, alerts.get(0).rule());
        assertTrue(alerts.get(0).engineError().contains("transfer-limit-exceeded"));
    }

    @Test
    void aTransferWhenTheIncomingWindowIsZero() {
        begun();
        credit(0, 10, false);
        on(window(1));
        transferIn(0);
        credit(1, 9, false);
        on(window(0));
        transferIn(1);
        engineRefuses(EngineEvent.Scope.SESSION, ErrorCondition.SESSION_WINDOW_VIOLATION);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(Rule.WINDOW, alerts.get(0).rule());
        assertEquals("2.5.6", alerts.get(0).section());
        assertEquals("the engine ended the session with amqp:session:window-violation", alerts.get(0).engineError());
    }

    @Test
    void dispositionsForDeliveriesNeverSentAndSettlingTwice() {
        begun();
        transferOut(0);
        transferOut(1);
        dispositionIn(Role.RECEIVER, 0, 3L, true);
        assertEquals(1, alerts.size());
        assertEquals(Rule.UNKNOWN_DELIVERY, alerts.get(0).rule());
        assertTrue(alerts.get(0).detail().contains("delivery-ids 2..3"), alerts.get(0).detail());
        assertNull(alerts.get(0).engineError(), "the engine lets it pass");
        dispositionIn(Role.RECEIVER, 1, null, true);
        assertEquals(2, alerts.size());
        assertEquals(Rule.RESETTLED, alerts.get(1).rule());
        assertEquals("2.6.12", alerts.get(1).section());
        assertTrue(alerts.get(1).detail().contains("delivery-id 1"));
    }

    @Test
    void theSendersOwnSettlementCountsWhenItSettlesAgain() {
        begun();
        credit(0, 5, false);
        on(new EngineEvent.FrameReceived(0, 3, new Transfer(7L, 0L, BinaryValue.of(new byte[] {0}), 0L, true, null,
                null, null, null, null, null), 10, 40, null));
        dispositionIn(Role.SENDER, 0, null, true);
        assertEquals(List.of(Rule.RESETTLED), alerts.stream().map(SpecAlert::rule).toList());
    }

    @Test
    void anErrorTheCheckerDidNotForeseeIsReportedWithItsSection() {
        begun();
        on(new EngineEvent.ProtocolError(0, EngineEvent.Scope.SESSION, 3, -1,
                new ErrorCondition(ErrorCondition.SESSION_UNATTACHED_HANDLE, "transfer on handle 9, which is not attached (2.7.5)", null)));
        assertEquals(1, alerts.size());
        assertEquals(Rule.REFUSED, alerts.get(0).rule());
        assertEquals("2.7.5", alerts.get(0).section());
        assertEquals(0, alerts.get(0).channel(), "the peer's channel 3 is our session 0");
    }
}
