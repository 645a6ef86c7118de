package org.amqpexplorer.protocol.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Received;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * The sending end of a link that outlives its connections (2.6.13). It keeps every message given to it until
 * its delivery is settled. Each time the link is attached again by name (on this or a later connection), our
 * attach carries the unsettled map of the deliveries the peer may know of, and once the peer's attach is in,
 * each of them is resent, resumed, settled, restated or aborted as the two maps say ({@link Resumption}).
 * Messages not yet sent go out after them.
 *
 * <p>Messages are sent unsettled; each ends in exactly one call of the outcome listener, with the receiver's
 * outcome (null if it settled without one). With a receiver that settles first (at-least-once), a message
 * whose settlement was lost with the connection is sent again as a new delivery, so the receiver may get it
 * twice; with rcv-settle-mode second (exactly-once) the receiver keeps it in its unsettled map until we
 * settle, so the maps say it arrived. Found and made through {@link LinkRecovery}; called on the thread that
 * drives the connection the link is on.
 */
public final class RecoverableSender {

    private static final byte[] NO_PAYLOAD = new byte[0];

    private final Attach template;
    private final BiConsumer<BinaryValue, AmqpValue> outcomes;
    private final Map<BinaryValue, Message> unsettled = new LinkedHashMap<>();
    private Sender link;
    /** The two unsettled maps of the current attachment have been compared. */
    private boolean reconciled;
    /** New deliveries may go on the current attachment: the peer's map was complete (2.6.13 incomplete-unsettled). */
    private boolean newAllowed;
    private long resent;
    private long resumed;

    /** A message from send until its delivery is settled. */
    private static final class Message {
        final BinaryValue tag;
        final byte[] payload;
        final long messageFormat;
        /** The outcome heard from the receiver, if the delivery is not settled yet. */
        AmqpValue state;
        /** A delivery of it may have reached the peer, so it goes in our unsettled map. */
        boolean offered;
        /** Its delivery on the current attachment, if any. */
        OutgoingDelivery delivery;

        Message(BinaryValue tag, byte[] payload, long messageFormat) {
            this.tag = tag;
            this.payload = payload;
            this.messageFormat = messageFormat;
        }
    }

    RecoverableSender(Attach template, BiConsumer<BinaryValue, AmqpValue> outcomes) {
        if (template.sndSettleModeOrDefault() == SenderSettleMode.SETTLED) {
            throw new IllegalArgumentException("snd-settle-mode settled leaves nothing to recover");
        }
        this.template = template;
        this.outcomes = outcomes;
    }

    public String name() {
        return template.name();
    }

    /** The current attachment, or null before the first. */
    public Sender link() {
        return link;
    }

    /** Messages whose delivery is not settled yet (sent or not). */
    public int unsettled() {
        return unsettled.size();
    }

    /** Messages sent again as new deliveries, because the receiver had no record of them (3.4.6 tags 1, 5). */
    public long resent() {
        return resent;
    }

    /** Deliveries sent again with resume (3.4.6 tags 2, 4, 6). */
    public long resumed() {
        return resumed;
    }

    /** Sends a message of format 0 (see {@link #send(BinaryValue, byte[], long)}). */
    public void send(BinaryValue tag, byte[] payload) {
        send(tag, payload, 0);
    }

    /**
     * Sends a message: now if the link is attached and reconciled, else when it is.
     *
     * @throws IllegalArgumentException if an unsettled message has this tag (2.8.7: tags are unique among the
     *                                  link's unsettled deliveries)
     */
    public void send(BinaryValue tag, byte[] payload, long messageFormat) {
        if (unsettled.containsKey(tag)) {
            throw new IllegalArgumentException("delivery-tag " + tag + " belongs to an unsettled delivery (2.8.7)");
        }
        Message m = new Message(tag, payload.clone(), messageFormat);
        unsettled.put(tag, m);
        if (reconciled && newAllowed && link.state() == EndpointState.OPENED) {
            m.delivery = link.send(tag, m.payload, messageFormat, false);
        }
    }

    /**
     * Attaches the link on a session, our attach first; the peer's attach completes the recovery, which needs
     * the connection's handler to come from {@link LinkRecovery#handler}.
     */
    public Sender attach(Session session) {
        startAttachment();
        link = session.sender(attachWithUnsettled());
        link.attach();
        return link;
    }

    /** Answers the peer's attach of this link (it attached first) and recovers at once. */
    public Sender attach(Sender peerAttached) {
        if (!peerAttached.name().equals(name())) {
            throw new IllegalArgumentException("link " + peerAttached.name() + " is not " + name());
        }
        startAttachment();
        link = peerAttached;
        peerAttached.attach(attachWithUnsettled());
        reconcile();
        return link;
    }

    /** The peer's attach of a sender of this name: it answers ours, or we answer it. */
    void remoteAttached(Sender sender) {
        if (sender == link) {
            if (!reconciled) {
                reconcile();
            }
        } else if (sender.localAttach() == null && !isAttached()) {
            attach(sender);
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
            if (m.delivery != null && m.delivery.isStarted()) {
                m.offered = true;
            }
            m.delivery = null;
        }
        reconciled = false;
        newAllowed = false;
    }

    /** 2.6.13: our attach says which deliveries we hold unsettled, and in which state. */
    private Attach attachWithUnsettled() {
        Map<AmqpValue, AmqpValue> map = new LinkedHashMap<>();
        for (Message m : unsettled.values()) {
            if (m.offered) {
                map.put(m.tag, m.state == null ? NullValue.NULL : m.state);
            }
        }
        Attach t = template;
        return new Attach(t.name(), 0L, Role.SENDER, t.sndSettleMode(), t.rcvSettleMode(), t.source(), t.target(),
                map.isEmpty() ? null : new MapValue(map), map.isEmpty() ? null : Boolean.FALSE,
                t.initialDeliveryCount(), t.maxMessageSize(), t.offeredCapabilities(), t.desiredCapabilities(),
                t.properties());
    }

    /** Compares the two unsettled maps and acts on each delivery the peer may know of; then sends the rest. */
    private void reconcile() {
        reconciled = true;
        Attach theirs = link.remoteAttach();
        MapValue map = theirs.unsettled();
        boolean complete = !theirs.incompleteUnsettledOrDefault();
        for (Message m : List.copyOf(unsettled.values())) {
            if (!m.offered) {
                continue;
            }
            boolean holds = map != null && map.entries().containsKey(m.tag);
            AmqpValue remote = holds ? map.get(m.tag) : null;
            // An incomplete map proves nothing by leaving a tag out: only a resumed delivery may go (2.6.13).
            Resumption action = holds || complete ? Resumption.of(m.state, holds, remote) : Resumption.RESUME;
            act(m, action, remote);
        }
        newAllowed = complete;
        if (newAllowed) {
            for (Message m : unsettled.values()) {
                if (!m.offered) {
                    m.delivery = link.send(m.tag, m.payload, m.messageFormat, false);
                }
            }
        }
    }

    private void act(Message m, Resumption action, AmqpValue remote) {
        switch (action) {
            case RESEND -> resend(m);
            case RESUME -> resume(m, Resumption.received(remote));
            case SETTLE -> {
                link.resume(m.tag, NO_PAYLOAD, m.messageFormat, true, remote);
                settled(m, remote);
            }
            case RESTATE -> m.delivery = link.resume(m.tag, NO_PAYLOAD, m.messageFormat, false, m.state);
            case ABORT -> abort(m);
            case FORGET -> settled(m, m.state);
        }
    }

    private void resend(Message m) {
        m.delivery = link.send(m.tag, m.payload, m.messageFormat, false);
        resent++;
    }

    /** Resumes from where the receiver stopped; what it has is not sent again. */
    private void resume(Message m, Received from) {
        if (from.sectionNumber() == 0 && from.sectionOffset() == 0) {
            m.delivery = link.resume(m.tag, m.payload, m.messageFormat, false, m.state);
            resumed++;
            return;
        }
        int at = Resumption.resumeOffset(m.payload, from);
        if (at < 0) {
            abort(m);
            return;
        }
        // The received state on a resumed transfer says where its payload starts (3.4.1).
        m.delivery = link.resume(m.tag, Arrays.copyOfRange(m.payload, at, m.payload.length), m.messageFormat,
                false, from);
        resumed++;
    }

    /** Gives up the delivery the peer holds; unless we have its outcome, the message goes again as new. */
    private void abort(Message m) {
        link.resume(m.tag, NO_PAYLOAD, m.messageFormat, false, null).abort();
        if (DeliveryStates.isTerminal(m.state)) {
            settled(m, m.state);
        } else {
            resend(m);
        }
    }

    /** The peer's disposition of one of our deliveries. */
    void remoteDisposition(OutgoingDelivery d) {
        Message m = unsettled.get(d.tag());
        if (m == null || m.delivery != d) {
            return;
        }
        AmqpValue state = d.remoteState();
        if (d.isRemotelySettled()) {
            settled(m, state);
        } else if (DeliveryStates.isTerminal(state)) {
            // The outcome is in: we settle (exactly-once's second step; and a receiver in mode first that
            // stated an outcome without settling is answered the same way).
            m.state = state;
            if (!d.isSettled()) {
                d.disposition(state, true);
            }
            settled(m, state);
        }
    }

    private void settled(Message m, AmqpValue outcome) {
        unsettled.remove(m.tag);
        outcomes.accept(m.tag, outcome instanceof NullValue ? null : outcome);
    }

    @Override
    public String toString() {
        return "RecoverableSender[" + name() + ", unsettled=" + unsettled.size() + ", " + link + "]";
    }
}
