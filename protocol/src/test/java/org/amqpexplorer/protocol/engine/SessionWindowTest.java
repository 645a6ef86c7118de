package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 2.5.6 session flow control, one half at a time. */
class SessionWindowTest {

    @Test
    void senderStopsAtRemoteIncomingWindowZeroAndResumesOnFlow() {
        var out = new SessionOutgoingWindow(0, 100);
        assertFalse(out.isRemoteWindowOpen(), "nothing may be sent before the peer's begin");
        out.remoteBegin(2);
        assertEquals(0, out.transferSent());
        assertEquals(1, out.transferSent());
        assertFalse(out.isRemoteWindowOpen());
        assertThrows(IllegalStateException.class, out::transferSent);

        // flow(next-incoming-id=2, incoming-window=3)
        out.remoteFlow(2L, 3);
        assertEquals(3, out.remoteIncomingWindow());
        assertEquals(2, out.transferSent());
    }

    @Test
    void aShrunkWindowWithTransfersInFlightIsZeroNotAHugeUint() {
        var out = new SessionOutgoingWindow(10, 100);
        out.remoteBegin(10);
        for (int i = 0; i < 10; i++) {
            out.transferSent();
        }
        // The peer had seen none of them when it cut its window to 2.
        out.remoteFlow(10L, 2);
        assertEquals(0, out.remoteIncomingWindow());
        assertFalse(out.isRemoteWindowOpen());
    }

    @Test
    void transferIdsWrapAtTwoToTheThirtyTwo() {
        int start = SerialNumber.of(0xFFFF_FFFEL);
        var out = new SessionOutgoingWindow(start, 100);
        out.remoteBegin(5);
        assertEquals(0xFFFF_FFFEL, SerialNumber.toUnsigned(out.transferSent()));
        assertEquals(0xFFFF_FFFFL, SerialNumber.toUnsigned(out.transferSent()));
        assertEquals(0, out.transferSent());
        assertEquals(2, out.remoteIncomingWindow());
        // The peer acknowledges across the wrap: next-incoming-id=1, incoming-window=5 → 5 - 0 = 5 left.
        out.remoteFlow(1L, 5);
        assertEquals(5, out.remoteIncomingWindow());
    }

    @Test
    void aFlowBeforeThePeerSawOurBeginUsesOurInitialOutgoingId() {
        var out = new SessionOutgoingWindow(7, 100);
        out.remoteFlow(null, 4);
        assertEquals(4, out.remoteIncomingWindow());
    }

    @Test
    void theOutgoingWindowMustBeReadvertisedWhenUsedUp() {
        var out = new SessionOutgoingWindow(0, 2);
        out.remoteBegin(10);
        out.transferSent();
        assertFalse(out.needsReadvertising());
        out.transferSent();
        assertTrue(out.needsReadvertising());
        out.advertised();
        assertFalse(out.needsReadvertising());
    }

    @Test
    void receiverCountsFramesAgainstItsIncomingWindow() {
        var in = SessionIncomingWindow.ofFrames(2);
        in.remoteBegin(0xFFFF_FFFFL, 1000);
        assertEquals(2, in.advertise());
        assertTrue(in.transferReceived());
        assertTrue(in.transferReceived());
        assertEquals(1, in.nextIncomingId(), "next-incoming-id wrapped past 2^32-1");
        assertEquals(998, in.remoteOutgoingWindow());
        assertFalse(in.transferReceived(), "window-violation");
        assertEquals(1, in.nextIncomingId(), "a violating transfer changes nothing");
    }

    @Test
    void consumingPayloadReopensTheWindowAndAsksForAFlow() {
        var in = SessionIncomingWindow.ofFrames(4);
        in.remoteBegin(0, 100);
        in.advertise();
        in.transferReceived();
        in.transferReceived();
        in.transferReceived();
        in.held(3, 3);
        assertFalse(in.shouldReadvertise(), "nothing consumed yet, a flow would say nothing new");
        in.consumed(1, 1);
        assertFalse(in.shouldReadvertise(), "one frame more is less than half the capacity");
        in.consumed(1, 1);
        assertTrue(in.shouldReadvertise(), "the window can grow by half its capacity");
        assertEquals(3, in.advertise(), "one frame is still buffered");
        assertFalse(in.shouldReadvertise());
    }

    @Test
    void advertisingNeverTakesBackWhatThePeerMayHaveInFlight() {
        var in = SessionIncomingWindow.ofFrames(10);
        in.remoteBegin(0, 100);
        assertEquals(10, in.advertise());
        in.transferReceived();
        in.held(1, 10);
        in.held(6, 60); // say a link flow goes out now, with 7 frames held: only 3 free
        assertEquals(9, in.advertise(), "the peer may still send the 9 it was allowed");
        for (int i = 0; i < 9; i++) {
            assertTrue(in.transferReceived());
        }
        assertFalse(in.transferReceived());
    }

    @Test
    void aByteBudgetIsAWindowOfMaxFrameSizedFrames() {
        var in = SessionIncomingWindow.ofBytes(4096, 1024);
        in.remoteBegin(0, 100);
        assertEquals(4, in.advertise());
        in.transferReceived();
        in.transferReceived();
        in.transferReceived();
        in.held(3, 3000);
        assertEquals(1, in.incomingWindow(), "the peer's view: one frame left");
        in.consumed(2, 2000);
        assertTrue(in.shouldReadvertise());
        assertEquals(3, in.advertise());
    }

    @Test
    void remoteOutgoingWindowFollowsThePeersFlow() {
        var in = SessionIncomingWindow.ofFrames(10);
        in.remoteBegin(5, 3);
        in.advertise();
        in.transferReceived();
        assertEquals(2, in.remoteOutgoingWindow());
        // flow(next-outgoing-id=6, outgoing-window=10): 6 + 10 - 6
        in.remoteFlow(6, 10);
        assertEquals(10, in.remoteOutgoingWindow());
    }
}
