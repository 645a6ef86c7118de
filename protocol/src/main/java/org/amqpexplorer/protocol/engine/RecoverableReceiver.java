package org.amqpexplorer.protocol.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.Role;

/**
 * The receiving end of a link that outlives its connections (2.6.13). It remembers, by delivery-tag, every
 * message it handed to the application whose delivery the sender has not settled, with the application's
 * outcome; each attach of the link carries that as its unsettled map. A delivery whose tag it remembers (the
 * sender resuming or settling it) is not handed over again: with rcv-settle-mode second the tag is kept until
 * the sender settles, so no message reaches the application twice (exactly-once). With mode first the tag is
 * forgotten as soon as the outcome is sent, so a message whose settlement was lost with the connection comes
 * back as a new delivery (at-least-once).
 *
 * <p>It grants credit itself, keeping it between half the window and the window. Found and made through
 * {@link LinkRecovery}; called on the thread that drives the connection the link is on.
 */
public final class RecoverableReceiver {

    /** Where messages go: each one once, with its tag, for the application to give an outcome later. */
    @FunctionalInterface
    public interface MessageHandler {
        void message(RecoverableReceiver receiver, BinaryValue tag, byte[] payload);
    }

    private final Attach template;
    private final long creditWindow;
    private final MessageHandler messages;
    /** Handed to the application and not settled by the sender, by tag. */
    private final Map<BinaryValue, Message> unsettled = new LinkedHashMap<>();
    private Receiver link;
    private long delivered;
    private long duplicates;
    private long ignored;

    private static final class Message {
        /** The application's outcome, once given. */
        AmqpValue state;
        /** The delivery on the current attachment that the outcome goes on. */
        IncomingDelivery delivery;

        Message(IncomingDelivery delivery) {
            this.delivery = delivery;
        }
    }

    RecoverableReceiver(Attach template, long creditWindow, MessageHandler messages) {
        if (creditWindow < 1 || creditWindow > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("credit window must be a uint of at least 1: " + creditWindow);
        }
        this.template = template;
        this.creditWindow = creditWindow;
        this.messages = messages;
    }

    public String name() {
        return template.name();
    }

    /** The current attachment, or null before the first. */
    public Receiver link() {
        return link;
    }

    /** Messages handed to the application whose delivery the sender has not settled. */
    public int unsettled() {
        return unsettled.size();
    }

    /** Messages handed to the application. */
    public long delivered() {
        return delivered;
    }

    /** Deliveries of messages already handed to the application (resumed or settled by the sender): not handed again. */
    public long duplicates() {
        return duplicates;
    }

    /** Resumed deliveries of tags not in our unsettled map: ignored (2.6.13) and released. */
    public long ignored() {
        return ignored;
    }

    /**
     * The application's outcome for a message it was handed. It goes to the peer now if the link is attached,
     * else in the unsettled map of the next attach. Returns false if the message is no longer unsettled (the
     * sender settled it, or the outcome was given already with mode first).
     */
    public boolean disposition(BinaryValue tag, AmqpValue outcome) {
        Message m = unsettled.get(tag);
        if (m == null) {
            return false;
        }
        m.state = outcome;
        answer(tag, m);
        return true;
    }

    /**
     * Attaches the link on a session, our attach first, and grants credit. Deliveries reach this receiver
     * through the connection's handler, which must come from {@link LinkRecovery#handler}.
     */
    public Receiver attach(Session session) {
        startAttachment();
        link = session.receiver(attachWithUnsettled());
        link.attach();
        link.flow(creditWindow);
        return link;
    }

    /** Answers the peer's attach of this link (it attached first), recovers and grants credit. */
    public Receiver attach(Receiver peerAttached) {
        if (!peerAttached.name().equals(name())) {
            throw new IllegalArgumentException("link " + peerAttached.name() + " is not " + name());
        }
        startAttachment();
        link = peerAttached;
        peerAttached.attach(attachWithUnsettled());
        reconcile();
        link.flow(creditWindow);
        return link;
    }

    void remoteAttached(Receiver receiver) {
        if (receiver == link) {
            reconcile();
        } else if (receiver.localAttach() == null && !isAttached()) {
            attach(receiver);
        }
    }

    private boolean isAttached() {
        return link != null && (link.state() == EndpointState.OPENED || link.state() == EndpointState.OPEN_SENT);
    }

    private void startAttachment() {
        if (isAttached()) {
            throw new IllegalStateException("link " + name() + " is still attached");
        }
        for (Message m : unsettled.values()) {
            m.delivery = null;
        }
    }

    private Attach attachWithUnsettled() {
        Map<AmqpValue, AmqpValue> map = new LinkedHashMap<>();
        unsettled.forEach((tag, m) -> map.put(tag, m.state == null ? NullValue.NULL : m.state));
        Attach t = template;
        return new Attach(t.name(), 0L, Role.RECEIVER, t.sndSettleMode(), t.rcvSettleMode(), t.source(), t.target(),
                map.isEmpty() ? null : new MapValue(map), map.isEmpty() ? null : Boolean.FALSE, null,
                t.maxMessageSize(), t.offeredCapabilities(), t.desiredCapabilities(), t.properties());
    }

    /** 2.6.13: deliveries only we hold unsettled are settled (the sender settled and forgot them). */
    private void reconcile() {
        Attach theirs = link.remoteAttach();
        if (theirs.incompleteUnsettledOrDefault()) {
            return;
        }
        MapValue map = theirs.unsettled();
        unsettled.keySet().removeIf(tag -> map == null || !map.entries().containsKey(tag));
    }

    /** A transfer of a delivery on our link. */
    void delivery(IncomingDelivery d) {
        if (d.isPartial()) {
            return;
        }
        topUpCredit();
        BinaryValue tag = d.tag();
        Message m = unsettled.get(tag);
        if (d.isAborted()) {
            if (m != null && d.isResumed()) {
                // The sender gave up resuming it (3.4.6 tags 7, 9, 11, 14).
                unsettled.remove(tag);
            }
            return;
        }
        if (m == null && d.isResumed()) {
            // 2.6.13: not in our unsettled map, so ignored; released, so that the sender hears it was not taken.
            ignored++;
            d.readPayload();
            if (!d.isSettled()) {
                d.disposition(Released.INSTANCE, settlesFirst());
            }
            return;
        }
        if (m != null) {
            // Handed over already: the sender resumes, settles or restates what we hold (3.4.6).
            duplicates++;
            d.readPayload();
            m.delivery = d;
            if (d.isRemotelySettled()) {
                unsettled.remove(tag);
                return;
            }
            if (DeliveryStates.isTerminal(d.remoteState())) {
                // Tag 13: the outcomes differ, and the sender's is definitive.
                m.state = d.remoteState();
            }
            if (m.state != null) {
                answer(tag, m);
            }
            return;
        }
        byte[] payload = d.readPayload();
        delivered++;
        if (!d.isRemotelySettled()) {
            unsettled.put(tag, new Message(d));
        }
        messages.message(this, tag, payload);
    }

    /** The sender's disposition: settled is the last step of exactly-once. */
    void remoteDisposition(IncomingDelivery d) {
        Message m = unsettled.get(d.tag());
        if (m != null && m.delivery == d && d.isRemotelySettled()) {
            unsettled.remove(d.tag());
        }
    }

    /** Sends the outcome on the current delivery, settling it too with mode first. */
    private void answer(BinaryValue tag, Message m) {
        IncomingDelivery d = m.delivery;
        if (d == null || d.isSettled() || d.link() != link || link.state() != EndpointState.OPENED) {
            return;
        }
        boolean first = settlesFirst();
        d.disposition(m.state, first);
        if (first) {
            unsettled.remove(tag);
        }
    }

    private boolean settlesFirst() {
        return template.rcvSettleModeOrDefault() == ReceiverSettleMode.FIRST;
    }

    private void topUpCredit() {
        if (link.state() == EndpointState.OPENED && link.credit() <= creditWindow / 2) {
            link.flow(creditWindow);
        }
    }

    @Override
    public String toString() {
        return "RecoverableReceiver[" + name() + ", unsettled=" + unsettled.size() + ", " + link + "]";
    }
}
