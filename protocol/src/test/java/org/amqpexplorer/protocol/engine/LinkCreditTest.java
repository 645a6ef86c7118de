package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 2.6.7 link flow control, each end on its own. */
class LinkCreditTest {

    @Test
    void creditIsTheReceiversDeliveryCountPlusCreditLessOurs() {
        var snd = new SenderCredit(0);
        assertFalse(snd.hasCredit());
        snd.remoteFlow(0L, 3, false);
        assertEquals(3, snd.linkCredit());
        snd.deliverySent();
        snd.deliverySent();
        assertEquals(2, snd.deliveryCount());
        assertEquals(1, snd.linkCredit());
        // The receiver, having seen one delivery, tops up to 5: 1 + 5 - 2 = 4.
        snd.remoteFlow(1L, 5, false);
        assertEquals(4, snd.linkCredit());
    }

    @Test
    void loweredCreditWithDeliveriesInFlightIsZero() {
        var snd = new SenderCredit(100);
        snd.remoteFlow(100L, 5, false);
        for (int i = 0; i < 5; i++) {
            snd.deliverySent();
        }
        snd.remoteFlow(100L, 1, false);
        assertEquals(0, snd.linkCredit());
        assertThrows(IllegalStateException.class, snd::deliverySent);
    }

    @Test
    void aFlowWithoutDeliveryCountUsesTheInitialDeliveryCount() {
        var snd = new SenderCredit(SerialNumber.of(0xFFFF_FFFFL));
        snd.remoteFlow(null, 2, false);
        assertEquals(2, snd.linkCredit());
        snd.deliverySent();
        assertEquals(0, snd.deliveryCount(), "delivery-count wrapped");
    }

    @Test
    void drainAdvancesTheDeliveryCountAndLeavesNoCredit() {
        var snd = new SenderCredit(0);
        var rcv = new ReceiverCredit();
        rcv.remoteAttach(0);
        rcv.grant(5, true);
        snd.remoteFlow((long) rcv.deliveryCount(), rcv.linkCredit(), rcv.drain());
        snd.deliverySent();
        assertTrue(rcv.deliveryReceived());
        assertEquals(4, snd.drainCredit());
        assertEquals(5, snd.deliveryCount());
        assertEquals(0, snd.linkCredit());

        assertEquals(4, rcv.remoteFlow(snd.deliveryCount(), snd.linkCredit(), 0));
        assertEquals(0, rcv.linkCredit());
        assertEquals(5, rcv.deliveryCount());
        assertTrue(rcv.isDrained());
    }

    @Test
    void loweringCreditStillTakesWhatWasSentUnderTheHigherGrant() {
        var rcv = new ReceiverCredit();
        rcv.remoteAttach(0);
        rcv.grant(5, false);
        assertTrue(rcv.deliveryReceived());
        rcv.grant(1, false); // the sender may already have sent deliveries 1..4
        for (int i = 0; i < 4; i++) {
            assertTrue(rcv.deliveryReceived(), "delivery " + (i + 1) + " was within the first grant");
        }
        assertEquals(0, rcv.linkCredit());
        assertFalse(rcv.deliveryReceived(), "beyond every grant");
    }

    @Test
    void aReceiverRefusesDeliveriesBeyondItsCredit() {
        var rcv = new ReceiverCredit();
        rcv.remoteAttach(SerialNumber.of(0xFFFF_FFFFL));
        rcv.grant(1, false);
        assertTrue(rcv.deliveryReceived());
        assertEquals(0, rcv.deliveryCount());
        assertFalse(rcv.deliveryReceived(), "transfer-limit-exceeded");
        assertEquals(0, rcv.deliveryCount());
    }
}
