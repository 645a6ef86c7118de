package org.amqpexplorer.protocol.engine;

import java.util.ArrayDeque;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EndpointState.Half;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.Side;
import org.amqpexplorer.protocol.frame.FramingException;
import org.amqpexplorer.protocol.frame.TransferFrames;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * The sending end of a link. Deliveries queue here and go out as link credit (2.6.7) and the session's window
 * (2.5.6) allow, one transfer frame at a time, interleaved fairly with other links.
 */
public final class Sender extends Link {

    final SenderCredit credit;
    private final ArrayDeque<OutgoingDelivery> queue = new ArrayDeque<>();
    private OutgoingDelivery current;
    private TransferFrames frames;
    /** The transfer body the frame writer asked for last: the one it wrote. */
    private Transfer lastTransfer;
    private boolean drainPending;

    Sender(Session session, Attach template) {
        super(session, template);
        Long initial = template.initialDeliveryCount();
        this.credit = new SenderCredit(initial == null ? 0 : SerialNumber.of(initial));
    }

    @Override
    public Role role() {
        return Role.SENDER;
    }

    /** Credit left (2.6.7). */
    public long credit() {
        return credit.linkCredit();
    }

    public long deliveryCount() {
        return SerialNumber.toUnsigned(credit.deliveryCount());
    }

    /** Whether the receiver asked us to drain. */
    public boolean isDrain() {
        return credit.drain();
    }

    /** Deliveries waiting for credit or window (not counting one partly sent). */
    public int queued() {
        return queue.size();
    }

    /** The settle mode in use: ours (2.7.3: the sender's attach says what is used). */
    public SenderSettleMode settleMode() {
        return localAttach != null ? localAttach.sndSettleModeOrDefault() : template.sndSettleModeOrDefault();
    }

    /** Sends a delivery of message-format 0, settled as the settle mode says (unsettled when mixed). */
    public OutgoingDelivery send(BinaryValue tag, byte[] payload) {
        return send(tag, payload, 0, settleMode() == SenderSettleMode.SETTLED);
    }

    /**
     * Queues a delivery. It goes out when credit and the session window allow, split over as many transfer
     * frames as the peer's max-frame-size needs.
     *
     * @param settled send it settled (at-most-once); must agree with the settle mode unless that is mixed
     * @throws IllegalArgumentException if the payload exceeds the receiver's max-message-size, or
     *                                  {@code settled} contradicts the settle mode
     * @throws IllegalStateException    if the link is not attached here
     */
    public OutgoingDelivery send(BinaryValue tag, byte[] payload, long messageFormat, boolean settled) {
        return send(tag, payload, messageFormat, settled, null);
    }

    /**
     * Queues a delivery whose first transfer carries a delivery state: a transactional-state naming the
     * transaction that posts it (4.4.1).
     */
    public OutgoingDelivery send(BinaryValue tag, byte[] payload, long messageFormat, boolean settled, AmqpValue state) {
        return enqueue(tag, payload, messageFormat, settled, state, false);
    }

    /**
     * Queues a delivery that resumes one left unsettled when an earlier attachment of this link ended (2.6.13):
     * its first transfer says resume, with the state this end knows. Which deliveries to resume, and from which
     * byte on, the application decides from the unsettled maps of the two attaches ({@link #localAttach()},
     * {@link #remoteAttach()}); the payload is what is still to be sent. A resumed delivery may be settled at
     * once (its outcome already agreed) even when the settle mode is unsettled: it was first sent unsettled, by
     * the earlier attachment. {@link LinkRecovery} makes these decisions from the spec's table (3.4.6).
     */
    public OutgoingDelivery resume(BinaryValue tag, byte[] payload, long messageFormat, boolean settled, AmqpValue state) {
        return enqueue(tag, payload, messageFormat, settled, state, true);
    }

    private OutgoingDelivery enqueue(BinaryValue tag, byte[] payload, long messageFormat, boolean settled, AmqpValue state,
                                   boolean resume) {
        connection.enter();
        try {
            if (local != Half.OPEN) {
                throw new IllegalStateException("sender " + name + " is not attached (" + state() + ")");
            }
            if (tag == null || tag.length() > 32) {
                throw new IllegalArgumentException("a delivery-tag is 0 to 32 bytes (2.8.7)");
            }
            SenderSettleMode mode = settleMode();
            if (mode == SenderSettleMode.SETTLED && !settled || mode == SenderSettleMode.UNSETTLED && settled && !resume) {
                throw new IllegalArgumentException("snd-settle-mode " + mode.choiceName() + " does not allow settled=" + settled);
            }
            long max = remoteMaxMessageSize();
            if (max > 0 && payload.length > max) {
                throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds the receiver's max-message-size " + max);
            }
            OutgoingDelivery delivery = new OutgoingDelivery(this, connection.nextDeliveryKey(), tag, messageFormat,
                    payload.clone(), settled);
            delivery.localState = state;
            delivery.resume = resume;
            queue.add(delivery);
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.DeliveryCreated(connection.events.now(), delivery.ref(), messageFormat, settled));
            }
            return delivery;
        } finally {
            connection.exit();
        }
    }

    /** Tells the receiver how many deliveries wait here for credit (2.6.7 available), in a flow. */
    public void available(long available) {
        connection.enter();
        try {
            credit.available(available);
            if (local == Half.OPEN && session.local == Half.OPEN) {
                session.writeFlow(this, false);
            }
        } finally {
            connection.exit();
        }
    }

    private long remoteMaxMessageSize() {
        Long max = remoteAttach == null ? null : remoteAttach.maxMessageSize();
        return max == null ? 0 : max;
    }

    /** 2.7.3: the receiver's attach says which rcv-settle-mode is used. */
    boolean receiverSettlesSecond() {
        return remoteAttach != null && remoteAttach.rcvSettleModeOrDefault() == ReceiverSettleMode.SECOND;
    }

    @Override
    Attach attachToSend(long h) {
        Attach t = template;
        if (t.initialDeliveryCount() != null) {
            credit.initialDeliveryCount(SerialNumber.of(t.initialDeliveryCount()));
        }
        return new Attach(t.name(), h, Role.SENDER, t.sndSettleMode(), t.rcvSettleMode(), t.source(), t.target(),
                t.unsettled(), t.incompleteUnsettled(), SerialNumber.toUnsigned(credit.initialDeliveryCount()),
                t.maxMessageSize(), t.offeredCapabilities(), t.desiredCapabilities(), t.properties());
    }

    @Override
    void attached() {
    }

    @Override
    void remoteAttached(Attach attach) {
    }

    @Override
    void beforeDetach() {
        // What was queued before the detach goes first, as far as credit and window allow.
        while (canWriteTransfer() && session.mayWriteTransfer()) {
            session.writeTransferOf(this);
        }
    }

    @Override
    void dropDeliveries() {
        if (current != null) {
            // Partly sent: the receiver drops what it got when the link goes (2.6.14).
            markAborted(current, Side.LOCAL);
            current = null;
            frames = null;
        }
        for (OutgoingDelivery d : queue) {
            markAborted(d, Side.LOCAL);
        }
        queue.clear();
    }

    void dropQueued(OutgoingDelivery delivery) {
        queue.remove(delivery);
        markAborted(delivery, Side.LOCAL);
    }

    private void markAborted(OutgoingDelivery delivery, Side by) {
        delivery.aborted = true;
        if (connection.events.enabled()) {
            connection.events.emit(new EngineEvent.DeliveryAborted(connection.events.now(), delivery.ref(), by));
        }
    }

    /** Whether the next transfer frame of this link may be written, the session window aside. */
    boolean canWriteTransfer() {
        if (!isAttachedBothWays()) {
            return false;
        }
        if (current != null) {
            return true;
        }
        return !queue.isEmpty() && credit.hasCredit();
    }

    /** Writes the next transfer frame: a new delivery's first, a continuation, or an abort. */
    void writeTransfer() {
        boolean first = current == null;
        if (first) {
            startDelivery(queue.poll());
        }
        OutgoingDelivery d = current;
        int channel = session.localChannel;
        if (d.abortRequested) {
            // A resumed delivery aborted before its first frame still needs that frame: it names the delivery
            // the peer holds unsettled (2.6.13), so that the peer forgets it too.
            Transfer abort = first
                    ? new Transfer(handle, d.deliveryId(), d.tag, d.messageFormat, null, null, null, null,
                            d.resume ? Boolean.TRUE : null, Boolean.TRUE, null)
                    : new Transfer(handle, d.deliveryId(), null, null, null, null, null, null, null, Boolean.TRUE, null);
            session.writeAbort(abort, d);
            current = null;
            frames = null;
            d.aborted = true;
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.DeliveryAborted(connection.events.now(), d.ref(), Side.LOCAL));
            }
            // An aborted delivery is settled (2.6.14): nothing more will be said about it.
            d.settled = true;
            d.remotelySettled = true;
            session.forget(d);
            return;
        }
        int before = frames.remaining();
        int start = connection.out.size();
        int frameSize;
        try {
            frameSize = frames.writeNext(connection.out);
        } catch (FramingException e) {
            // Not even an empty transfer of this delivery fits the peer's max-frame-size (a huge tag or state):
            // the link cannot carry it, and its delivery-count already counts it, so the link ends.
            markAborted(d, Side.LOCAL);
            current = null;
            frames = null;
            close(new ErrorCondition(ErrorCondition.FRAME_SIZE_TOO_SMALL, e.reason()));
            return;
        }
        int payloadSize = before - frames.remaining();
        boolean more = frames.hasNext();
        session.transferFrameWritten(channel, lastTransfer, d, start, frameSize, payloadSize, more);
        if (!more) {
            d.sent = true;
            current = null;
            frames = null;
            if (d.presettled) {
                d.settleLocally();
            }
        }
    }

    private void startDelivery(OutgoingDelivery d) {
        current = d;
        credit.deliverySent();
        session.assignDeliveryId(d);
        d.started = true;
        // A settled transfer leaves the receiver nothing to settle (2.6.12 at-most-once).
        d.remotelySettled = d.presettled;
        final long id = d.deliveryId();
        frames = new TransferFrames(connection.writer, session.localChannel, (first, more) -> {
            lastTransfer = first
                    ? new Transfer(handle, id, d.tag, d.messageFormat, d.presettled ? Boolean.TRUE : Boolean.FALSE,
                            more ? Boolean.TRUE : null, null, d.localState, d.resume ? Boolean.TRUE : null, null, null)
                    : new Transfer(handle, null, null, null, null, more ? Boolean.TRUE : null, null, null, null, null, null);
            return lastTransfer;
        }, d.payload, 0, d.payload.length);
        flowChanged();
    }

    /** 2.6.7 drain: with nothing queued, use up the remaining credit and tell the receiver. */
    void drainIfAsked() {
        if (!drainPending || current != null || !queue.isEmpty() || !isAttachedBothWays()) {
            return;
        }
        drainPending = false;
        if (credit.linkCredit() > 0) {
            credit.drainCredit();
            session.writeFlow(this, false);
            flowChanged();
        }
    }

    @Override
    void remoteFlow(Flow flow) {
        if (flow.linkCredit() != null) {
            credit.remoteFlow(flow.deliveryCount(), flow.linkCredit(), flow.drainOrDefault());
        }
        drainPending = credit.drain();
        flowChanged();
        connection.handler().linkFlow(this);
        if (flow.echoOrDefault() && local == Half.OPEN) {
            session.writeFlow(this, false);
        }
    }

    @Override
    Flow linkFlow(Flow s, boolean echo) {
        return new Flow(s.nextIncomingId(), s.incomingWindow(), s.nextOutgoingId(), s.outgoingWindow(), handle,
                SerialNumber.toUnsigned(credit.deliveryCount()), credit.linkCredit(), credit.available(),
                credit.drain() ? Boolean.TRUE : null, echo ? Boolean.TRUE : null, null);
    }

    @Override
    FlowState localFlowState() {
        return new FlowState(SerialNumber.toUnsigned(credit.deliveryCount()), credit.linkCredit(), credit.available(), credit.drain());
    }

    @Override
    FlowState remoteFlowState() {
        return credit.flowReceived()
                ? new FlowState(credit.remoteDeliveryCount(), credit.remoteLinkCredit(), -1, credit.drain())
                : null;
    }
}
