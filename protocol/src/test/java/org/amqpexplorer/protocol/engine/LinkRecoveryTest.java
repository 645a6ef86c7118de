package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.LinkTest.absentOrFalse;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.Received;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.apache.qpid.protonj2.test.driver.codec.primitives.Binary;
import org.apache.qpid.protonj2.test.driver.codec.primitives.UnsignedInteger;
import org.apache.qpid.protonj2.test.driver.codec.primitives.UnsignedLong;
import org.apache.qpid.protonj2.test.driver.codec.transport.DeliveryState;
import org.apache.qpid.protonj2.test.driver.codec.transport.Transfer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Link recovery (2.6.13) against the independent scripted peer: the unsettled maps each re-attach carries, and
 * what is sent, settled, resumed and handed to the application because of the peer's map.
 */
class LinkRecoveryTest {

    private static Binary bin(int n) {
        return new Binary(new byte[] {(byte) n});
    }

    private static boolean notResumed(Transfer t) {
        return !Boolean.TRUE.equals(t.getResume());
    }

    @Test
    void aSenderAttachedAgainResendsResumesAndSettlesAsThePeersMapSays() {
        LinkRecovery recovery = new LinkRecovery();
        Map<BinaryValue, AmqpValue> outcomes = new LinkedHashMap<>();
        RecoverableSender sender = recovery.sender(new Attach("durable-out", 0L, Role.SENDER, null, null,
                Source.of("app"), Target.of("queue"), null, null, null, null, null, null, null), outcomes::put);
        Encoder sections = new Encoder();
        sections.writeValue(new Data(BinaryValue.of(payload(20))));
        int secondSection = sections.size();
        sections.writeValue(new Data(BinaryValue.of(new byte[] {9, 8, 7})));
        byte[] twoSections = sections.toByteArray();

        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.connection.handler(recovery.handler(null));
            Session session = p.openSession();
            p.peer.expectAttach().withUnsettled(Matchers.nullValue()).respond();
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(10).queue();
            sender.attach(session);
            p.verify();
            for (int i : new int[] {1, 2, 3, 4, 6}) {
                p.peer.expectTransfer().withDeliveryTag(new byte[] {(byte) i});
            }
            sender.send(tag(1), payload(10));
            sender.send(tag(2), payload(11));
            sender.send(tag(3), payload(12));
            sender.send(tag(4), twoSections);
            sender.send(tag(6), twoSections);
            p.verify();
            p.connection.transportClosed();
        }
        sender.send(tag(5), payload(13));
        assertEquals(6, sender.unsettled());

        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.connection.handler(recovery.handler(null));
            Session session = p.openSession();
            AtomicReference<Map<Binary, ?>> ours = new AtomicReference<>();
            Map<Binary, DeliveryState> theirs = new HashMap<>();
            theirs.put(bin(2), null);
            theirs.put(bin(3), org.apache.qpid.protonj2.test.driver.codec.messaging.Accepted.getInstance());
            theirs.put(bin(4), new org.apache.qpid.protonj2.test.driver.codec.messaging.Received()
                    .setSectionNumber(UnsignedInteger.valueOf(1)).setSectionOffset(UnsignedLong.valueOf(0)));
            theirs.put(bin(6), new org.apache.qpid.protonj2.test.driver.codec.messaging.Received()
                    .setSectionNumber(UnsignedInteger.valueOf(5)).setSectionOffset(UnsignedLong.valueOf(0)));
            p.peer.expectAttach().withIncompleteUnsettled(false).withCapture(a -> ours.set(a.getUnsettled()))
                    .respond().withUnsettled(theirs);
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(10).queue();
            List<Transfer> resumed = new ArrayList<>();
            p.peer.expectTransfer().withDeliveryTag(new byte[] {1}).withPredicate(LinkRecoveryTest::notResumed)
                    .withPayload(payload(10));
            p.peer.expectTransfer().withDeliveryTag(new byte[] {2}).withResume(true).withPayload(payload(11));
            p.peer.expectTransfer().withDeliveryTag(new byte[] {3}).withResume(true).withSettled(true)
                    .withNullPayload().withState().accepted();
            p.peer.expectTransfer().withDeliveryTag(new byte[] {4}).withResume(true).withCapture(resumed::add)
                    .withPayload(Arrays.copyOfRange(twoSections, secondSection, twoSections.length));
            // The peer claims a section tag 6 does not have: it cannot be resumed, so it is aborted and sent anew.
            p.peer.expectTransfer().withDeliveryTag(new byte[] {6}).withResume(true).withAborted(true).withNullPayload();
            p.peer.expectTransfer().withDeliveryTag(new byte[] {6}).withPredicate(LinkRecoveryTest::notResumed)
                    .withPayload(twoSections);
            p.peer.expectTransfer().withDeliveryTag(new byte[] {5}).withPredicate(LinkRecoveryTest::notResumed);
            sender.attach(session);
            p.verify();

            assertEquals(5, ours.get().size(), "our map: the deliveries that went out; not tag 5");
            assertTrue(ours.get().keySet().containsAll(List.of(bin(1), bin(2), bin(3), bin(4), bin(6))));
            assertTrue(resumed.get(0).getState() instanceof org.apache.qpid.protonj2.test.driver.codec.messaging.Received,
                    "a delivery resumed mid-message says where its payload starts");
            assertEquals(Map.of(tag(3), Accepted.INSTANCE), outcomes, "the peer's outcome settled tag 3 at once");
            assertEquals(2, sender.resent());
            assertEquals(2, sender.resumed());

            // Delivery-ids 0..6 on the new attachment; 2 (tag 3) went settled, 4 (tag 6) aborted.
            p.peer.remoteDisposition().withRole(true).withFirst(0).withLast(6).withSettled(true).withState().accepted().now();
            p.verify();
            assertEquals(6, outcomes.size());
            assertEquals(0, sender.unsettled());
        }
    }

    @Test
    void aReceiverAttachedAgainHandsNoMessageOverTwice() {
        LinkRecovery recovery = new LinkRecovery();
        List<BinaryValue> got = new ArrayList<>();
        Attach template = new Attach("durable-in", 0L, Role.RECEIVER, null, ReceiverSettleMode.SECOND,
                Source.of("queue"), Target.of("app"), null, null, null, null, null, null, null);
        RecoverableReceiver.MessageHandler app = (r, tag, payload) -> {
            got.add(tag);
            r.disposition(tag, Accepted.INSTANCE);
        };
        RecoverableReceiver receiver;
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.connection.handler(recovery.handler(null));
            Session session = p.openSession();
            p.peer.expectAttach().withUnsettled(Matchers.nullValue()).respond().withInitialDeliveryCount(0);
            p.peer.expectFlow().withLinkCredit(10);
            receiver = recovery.receiver(template, 10, app);
            receiver.attach(session);
            p.verify();
            p.peer.expectDisposition().withRole(true).withFirst(0).withLast(2).withSettled(absentOrFalse())
                    .withState().accepted();
            for (int i = 0; i < 3; i++) {
                p.peer.remoteTransfer().withDeliveryId(i).withDeliveryTag(new byte[] {(byte) (i + 1)})
                        .withPayload(payload(5)).now();
            }
            p.verify();
            // The sender settles tag 3; its settlement of tags 1 and 2 is lost with the connection.
            p.peer.remoteDisposition().withRole(false).withFirst(2).withSettled(true).withState().accepted().now();
            p.verify();
            assertEquals(2, receiver.unsettled());
            p.connection.transportClosed();
        }

        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            p.connection.handler(recovery.handler(null));
            Session session = p.openSession();
            AtomicReference<Map<Binary, ?>> ours = new AtomicReference<>();
            Map<Binary, DeliveryState> theirs = new HashMap<>();
            theirs.put(bin(1), null);
            p.peer.expectAttach().withCapture(a -> ours.set(a.getUnsettled()))
                    .respond().withInitialDeliveryCount(0).withUnsettled(theirs);
            p.peer.expectFlow().withLinkCredit(10);
            assertTrue(recovery.receiver(template, 10, app) == receiver, "kept by name");
            receiver.attach(session);
            p.verify();
            assertEquals(2, ours.get().size());
            assertTrue(ours.get().get(bin(1)) instanceof org.apache.qpid.protonj2.test.driver.codec.messaging.Accepted);
            assertEquals(1, receiver.unsettled(), "tag 2 is only in our map: the sender settled it (2.6.13)");

            // Tag 1 settled by a resumed transfer: no frame back, nothing for the application.
            p.peer.remoteTransfer().withDeliveryId(0).withDeliveryTag(new byte[] {1}).withResume(true)
                    .withSettled(true).withState().accepted().now();
            // Tag 9 resumed but unknown here: ignored, released.
            p.peer.expectDisposition().withFirst(1).withSettled(absentOrFalse()).withState().released();
            p.peer.remoteTransfer().withDeliveryId(1).withDeliveryTag(new byte[] {9}).withResume(true)
                    .withPayload(payload(5)).now();
            // Tag 4 is new.
            p.peer.expectDisposition().withFirst(2).withSettled(absentOrFalse()).withState().accepted();
            p.peer.remoteTransfer().withDeliveryId(2).withDeliveryTag(new byte[] {4}).withPayload(payload(5)).now();
            p.verify();
        }
        assertEquals(List.of(tag(1), tag(2), tag(3), tag(4)), got, "each message once");
        assertEquals(1, receiver.duplicates());
        assertEquals(1, receiver.ignored());
        assertEquals(1, receiver.unsettled(), "tag 4 waits for the sender to settle");
    }
}
