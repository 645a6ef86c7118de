package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.engine.EndpointState.Half;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.Side;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * The receiving end of a link. It grants credit (2.6.7), checks every incoming delivery against it and against
 * its max-message-size, and puts deliveries together from their transfer frames.
 */
public final class Receiver extends Link {

    final ReceiverCredit credit = new ReceiverCredit();
    private IncomingDelivery current;
    /**
     * Complete deliveries whose payload the application has not read: they hold room in the session window.
     * A list through the deliveries themselves, so that the one each delivery joins and leaves costs nothing.
     */
    private IncomingDelivery firstHeld;
    /** Credit granted before our attach went out, to be sent right after it. */
    private boolean flowPending;

    Receiver(Session session, Attach template) {
        super(session, template);
    }

    @Override
    public Role role() {
        return Role.RECEIVER;
    }

    /** Credit we have granted and the sender has not used, as far as we know. */
    public long credit() {
        return credit.linkCredit();
    }

    /** Our delivery-count (uint), or -1 before the sender's attach told us its initial-delivery-count. */
    public long deliveryCount() {
        return credit.isDeliveryCountKnown() ? SerialNumber.toUnsigned(credit.deliveryCount()) : -1;
    }

    public boolean isDrain() {
        return credit.drain();
    }

    /** Whether a drain we asked for has completed (the sender used up or gave back all credit). */
    public boolean isDrained() {
        return credit.isDrained();
    }

    /** What the sender last said it has waiting (2.6.7 available). */
    public long available() {
        return credit.available();
    }

    /** The rcv-settle-mode in use: ours (2.7.3: the receiver's attach says what is used). */
    public ReceiverSettleMode settleMode() {
        return localAttach != null ? localAttach.rcvSettleModeOrDefault() : template.rcvSettleModeOrDefault();
    }

    /** Grants this much link-credit (replacing what is left) and tells the sender in a flow. */
    public void flow(long linkCredit) {
        flow(linkCredit, false);
    }

    /** Adds to the credit left. */
    public void addCredit(long more) {
        flow(credit.linkCredit() + more, false);
    }

    /**
     * Asks the sender to use the credit left or give it back (2.6.7 drain): it sends what it has, then
     * advances its delivery-count by what remains and answers with a flow, leaving no credit.
     */
    public void drain() {
        flow(credit.linkCredit(), true);
    }

    /** Sets link-credit and drain, and sends a flow (after our attach, if that has not gone out yet). */
    public void flow(long linkCredit, boolean drain) {
        connection.enter();
        try {
            if (local == Half.CLOSED) {
                throw new IllegalStateException("receiver " + name + " is detached");
            }
            credit.grant(linkCredit, drain);
            if (local == Half.OPEN && session.local == Half.OPEN) {
                session.writeFlow(this, false);
            } else {
                flowPending = true;
            }
            flowChanged();
        } finally {
            connection.exit();
        }
    }

    @Override
    Attach attachToSend(long h) {
        Attach t = template;
        return new Attach(t.name(), h, Role.RECEIVER, t.sndSettleMode(), t.rcvSettleMode(), t.source(), t.target(),
                t.unsettled(), t.incompleteUnsettled(), null, t.maxMessageSize(), t.offeredCapabilities(),
                t.desiredCapabilities(), t.properties());
    }

    @Override
    void attached() {
        if (flowPending) {
            flowPending = false;
            session.writeFlow(this, false);
        }
    }

    @Override
    void remoteAttached(Attach attach) {
        // 2.6.7: our delivery-count starts at the sender's initial-delivery-count (an attach without one is
        // taken as 0 rather than refused).
        Long initial = attach.initialDeliveryCount();
        credit.remoteAttach(initial == null ? 0 : initial);
        flowChanged();
    }

    @Override
    void beforeDetach() {
    }

    @Override
    void dropDeliveries() {
        if (current != null) {
            current.discard();
            current = null;
        }
        while (firstHeld != null) {
            firstHeld.discard();
        }
    }

    void held(IncomingDelivery delivery) {
        delivery.nextHeld = firstHeld;
        if (firstHeld != null) {
            firstHeld.previousHeld = delivery;
        }
        firstHeld = delivery;
    }

    void released(IncomingDelivery delivery) {
        if (delivery.previousHeld != null) {
            delivery.previousHeld.nextHeld = delivery.nextHeld;
        } else {
            firstHeld = delivery.nextHeld;
        }
        if (delivery.nextHeld != null) {
            delivery.nextHeld.previousHeld = delivery.previousHeld;
        }
        delivery.previousHeld = null;
        delivery.nextHeld = null;
    }

    /** Ours, or where our attach sets none the connection's reassembly limit; 0 for none. */
    private long maxMessageSize() {
        Long max = localAttach == null ? null : localAttach.maxMessageSize();
        return max == null || max == 0 ? connection.reassemblyLimit() : max;
    }

    private boolean setsMaxMessageSize() {
        Long max = localAttach == null ? null : localAttach.maxMessageSize();
        return max != null && max != 0;
    }

    /** One transfer frame for this link, already counted against the session's incoming window. */
    void remoteTransfer(Transfer transfer, Frame frame) {
        IncomingDelivery d = current;
        int payloadSize = frame.payloadSize();
        if (d == null) {
            if (transfer.deliveryId() == null || transfer.deliveryTag() == null) {
                throw ProtocolViolation.ofSession(session, ErrorCondition.INVALID_FIELD,
                        "the first transfer of a delivery must carry delivery-id and delivery-tag (2.7.5)");
            }
            if (transfer.rcvSettleMode() == ReceiverSettleMode.SECOND && settleMode() == ReceiverSettleMode.FIRST) {
                throw ProtocolViolation.ofLink(this, ErrorCondition.INVALID_FIELD,
                        "rcv-settle-mode second on a transfer of a link whose mode is first (2.7.5)");
            }
            if (!credit.deliveryReceived()) {
                throw ProtocolViolation.ofLink(this, ErrorCondition.LINK_TRANSFER_LIMIT_EXCEEDED,
                        "delivery " + Long.toUnsignedString(transfer.deliveryId()) + " arrived with no link-credit (2.6.7)");
            }
            long format = transfer.messageFormat() == null ? 0 : transfer.messageFormat();
            d = new IncomingDelivery(this, connection.nextDeliveryKey(), SerialNumber.of(transfer.deliveryId()),
                    transfer.deliveryTag(), format);
            d.resumed = transfer.resumeOrDefault();
            current = d;
            session.deliveryArrived(d, Boolean.TRUE.equals(transfer.settled()));
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.DeliveryCreated(connection.events.now(), d.ref(), format,
                        Boolean.TRUE.equals(transfer.settled())));
            }
            flowChanged();
        } else if (transfer.deliveryId() != null && SerialNumber.of(transfer.deliveryId()) != d.deliveryId) {
            throw ProtocolViolation.ofSession(session, ErrorCondition.INVALID_FIELD, "continuation transfer with delivery-id "
                    + Long.toUnsignedString(transfer.deliveryId()) + " for delivery " + d.deliveryId() + " (2.7.5)");
        }
        if (transfer.abortedOrDefault()) {
            d.discard();
            d.aborted = true;
            current = null;
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.DeliveryAborted(connection.events.now(), d.ref(), Side.REMOTE));
            }
            // 2.6.14: an aborted delivery is settled at both ends, without a disposition.
            d.settled = true;
            d.remotelySettled = true;
            session.forget(d);
            connection.handler().delivery(d);
            return;
        }
        long max = maxMessageSize();
        if (max > 0 && d.payloadSize() + payloadSize > max) {
            d.discard();
            current = null;
            String limit = setsMaxMessageSize() ? "max-message-size " + max
                    : "this end's reassembly limit " + max + " (the link sets no max-message-size)";
            throw ProtocolViolation.ofLink(this, ErrorCondition.LINK_MESSAGE_SIZE_EXCEEDED, "delivery " + d.deliveryId()
                    + " exceeds " + limit + " (" + (d.payloadSize() + payloadSize) + " bytes so far)");
        }
        d.append(frame);
        boolean more = transfer.moreOrDefault();
        if (!more) {
            d.completed();
            current = null;
        }
        if (connection.events.enabled()) {
            connection.events.emit(new EngineEvent.DeliveryTransferred(connection.events.now(), d.ref(), payloadSize, more, d.payloadSize()));
        }
        // The sender may settle, or say a state, on any transfer of the delivery (2.7.5).
        d.applyRemote(transfer.state(), Boolean.TRUE.equals(transfer.settled()));
        if (d.complete && d.remotelySettled && !d.settled) {
            d.settleOnArrival();
        }
        connection.handler().delivery(d);
    }

    @Override
    void remoteFlow(Flow flow) {
        boolean wasDrained = credit.isDrained();
        if (flow.deliveryCount() != null) {
            credit.remoteFlow(flow.deliveryCount(), flow.linkCredit() == null ? 0 : flow.linkCredit(),
                    flow.available() == null ? 0 : flow.available());
        }
        flowChanged();
        if (credit.isDrained() != wasDrained || flow.available() != null) {
            connection.handler().linkFlow(this);
        }
        if (flow.echoOrDefault() && local == Half.OPEN) {
            session.writeFlow(this, false);
        }
    }

    @Override
    Flow linkFlow(Flow s, boolean echo) {
        Long deliveryCount = credit.isDeliveryCountKnown() ? SerialNumber.toUnsigned(credit.deliveryCount()) : null;
        return new Flow(s.nextIncomingId(), s.incomingWindow(), s.nextOutgoingId(), s.outgoingWindow(), handle,
                deliveryCount, credit.linkCredit(), null, credit.drain() ? Boolean.TRUE : null, echo ? Boolean.TRUE : null, null);
    }

    @Override
    FlowState localFlowState() {
        return new FlowState(deliveryCount(), credit.linkCredit(), credit.available(), credit.drain());
    }

    @Override
    FlowState remoteFlowState() {
        return credit.remoteDeliveryCount() < 0 ? null
                : new FlowState(credit.remoteDeliveryCount(), credit.remoteLinkCredit(), credit.available(), credit.drain());
    }
}
