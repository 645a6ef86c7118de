package org.amqpexplorer.protocol.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.engine.EndpointState.Half;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Detach;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.End;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Performative;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * One end of a session (2.5): a pair of channels, session flow control (2.5.6), the links attached to it and
 * the delivery-ids of their deliveries.
 */
public final class Session {

    /** incoming-window 2048 frames, outgoing-window 2^31-1, next-outgoing-id 0. */
    public static final Begin DEFAULT_BEGIN = new Begin(null, 0L, 2048L, 0x7FFF_FFFFL, null, null, null, null);

    final Connection connection;
    int localChannel = -1;
    int remoteChannel = -1;
    Half local = Half.NONE;
    Half remote = Half.NONE;
    private EndpointState state = EndpointState.UNOPENED;
    private Begin localBegin;
    private Begin remoteBegin;
    private ErrorCondition localError;
    private ErrorCondition remoteError;
    /** The incoming window set before begin, instead of the begin's: a byte budget, or frames (-1: not set). */
    private long incomingBytes = -1;
    private long incomingFrames = -1;

    SessionOutgoingWindow outgoing;
    SessionIncomingWindow incoming;
    private long localHandleMax;
    private long remoteHandleMax = 0xFFFF_FFFFL;

    private final List<Link> links = new ArrayList<>();
    private final Map<Long, Link> localHandles = new HashMap<>();
    private final Map<Long, Link> remoteHandles = new HashMap<>();
    private int linkCursor;

    private int nextDeliveryId;
    private int nextIncomingDeliveryId;
    /** Deliveries not yet settled here, by delivery-id. */
    private final DeliveriesById unsettledOutgoing = new DeliveriesById();
    private final DeliveriesById unsettledIncoming = new DeliveriesById();
    private final List<Delivery> pendingDispositions = new ArrayList<>();

    Session(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    public EndpointState state() {
        return state;
    }

    /** Our channel, or -1 before our begin. */
    public int localChannel() {
        return localChannel;
    }

    /** The peer's channel, or -1 before its begin. */
    public int remoteChannel() {
        return remoteChannel;
    }

    public Begin localBegin() {
        return localBegin;
    }

    public Begin remoteBegin() {
        return remoteBegin;
    }

    public ErrorCondition localError() {
        return localError;
    }

    public ErrorCondition remoteError() {
        return remoteError;
    }

    /** The links attached here and not yet detached at both ends. */
    public List<Link> links() {
        return List.copyOf(links);
    }

    public long nextIncomingId() {
        return incoming == null ? -1 : SerialNumber.toUnsigned(incoming.nextIncomingId());
    }

    public long incomingWindow() {
        return incoming == null ? -1 : incoming.incomingWindow();
    }

    public long nextOutgoingId() {
        return outgoing == null ? -1 : SerialNumber.toUnsigned(outgoing.nextOutgoingId());
    }

    public long outgoingWindow() {
        return outgoing == null ? -1 : outgoing.outgoingWindow();
    }

    public long remoteIncomingWindow() {
        return outgoing == null ? -1 : outgoing.remoteIncomingWindow();
    }

    public long remoteOutgoingWindow() {
        return incoming == null ? -1 : incoming.remoteOutgoingWindow();
    }

    /**
     * Sizes the incoming window from a byte budget instead of the begin's incoming-window: as many frames of
     * our max-frame-size as the budget holds, less what is received and not yet read. Before {@link #begin}, it
     * applies from the begin on; on a live session, as {@link #incomingWindow(long)} says.
     */
    public void incomingWindowBytes(long budget) {
        connection.enter();
        try {
            if (incoming == null) {
                // Checked against our max-frame-size at begin, when the open has set it.
                incomingBytes = budget;
                incomingFrames = -1;
                return;
            }
            incoming.resizeBytes(budget, connection.localMaxFrameSize());
            windowResized();
        } finally {
            connection.exit();
        }
    }

    /**
     * Sets the incoming window in frames. Before {@link #begin}, it replaces the begin's incoming-window. On a
     * live session the new value goes to the peer at once in a session flow (2.5.6), smaller as well as larger;
     * transfers the peer sent under the larger window before it heard are still taken.
     *
     * @throws IllegalArgumentException if not a uint
     */
    public void incomingWindow(long frames) {
        connection.enter();
        try {
            if (incoming == null) {
                SessionIncomingWindow.checkFrames(frames);
                incomingFrames = frames;
                incomingBytes = -1;
                return;
            }
            incoming.resizeFrames(frames);
            windowResized();
        } finally {
            connection.exit();
        }
    }

    private void windowResized() {
        if (local == Half.OPEN && remote != Half.CLOSED && connection.mayWrite()) {
            writeFlow(null, false);
        } else {
            windowChanged();
        }
    }

    /** {@code link}'s deliveries that have a delivery-id and are not settled here. */
    java.util.List<Delivery> unsettled(Link link) {
        java.util.List<Delivery> out = new java.util.ArrayList<>();
        DeliveriesById map = link.role() == Role.SENDER ? unsettledOutgoing : unsettledIncoming;
        for (Delivery d : map.values()) if (d.link == link) out.add(d);
        return out;
    }

    public void begin() {
        begin(DEFAULT_BEGIN);
    }

    /**
     * Sends our begin. From the template come next-outgoing-id (the first transfer-id), incoming-window (the
     * window in frames, unless a byte budget was set), outgoing-window, handle-max, capabilities and properties;
     * the engine sets remote-channel when answering the peer.
     *
     * @throws IllegalStateException if already begun, the connection is not open here, or no channel is free
     */
    public void begin(Begin template) {
        connection.enter();
        try {
            if (local != Half.NONE) {
                throw new IllegalStateException("session already begun");
            }
            if (connection.localHalf() != Half.OPEN) {
                throw new IllegalStateException("the connection is not open here (" + connection.state() + ")");
            }
            SessionIncomingWindow in = incomingBytes >= 0
                    ? SessionIncomingWindow.ofBytes(incomingBytes, connection.localMaxFrameSize())
                    : SessionIncomingWindow.ofFrames(incomingFrames >= 0 ? incomingFrames : template.incomingWindow());
            SessionOutgoingWindow out = new SessionOutgoingWindow(SerialNumber.of(template.nextOutgoingId()), template.outgoingWindow());
            if (remoteBegin != null) {
                out.remoteBegin(remoteBegin.incomingWindow());
                in.remoteBegin(remoteBegin.nextOutgoingId(), remoteBegin.outgoingWindow());
            }
            Begin sent = new Begin(remote == Half.OPEN ? remoteChannel : null, template.nextOutgoingId(), in.advertise(),
                    out.outgoingWindow(), template.handleMax(), template.offeredCapabilities(),
                    template.desiredCapabilities(), template.properties());
            int channel = connection.allocateChannel(this);
            try {
                connection.writeFrame(channel, sent);
            } catch (RuntimeException e) {
                connection.releaseChannel(channel);
                throw e;
            }
            out.advertised();
            localChannel = channel;
            incoming = in;
            outgoing = out;
            localBegin = sent;
            localHandleMax = sent.handleMaxOrDefault();
            local = Half.OPEN;
            updateState(null);
            windowChanged();
        } finally {
            connection.exit();
        }
    }

    public void end() {
        end(null);
    }

    /** Sends our end (after a begin, if the peer began and we had not answered). Its links go with it. */
    public void end(ErrorCondition error) {
        connection.enter();
        try {
            if (local == Half.CLOSED || connection.localHalf() != Half.OPEN) {
                return;
            }
            if (local == Half.NONE) {
                begin();
            }
            writeFrame(new End(error));
            local = Half.CLOSED;
            localError = error;
            for (Link link : List.copyOf(links)) {
                link.terminate();
            }
            updateState(error);
            if (remote == Half.CLOSED) {
                finished();
            }
        } finally {
            connection.exit();
        }
    }

    /** A sender link, attached with {@link Link#attach()}. The template's handle and role are the engine's. */
    public Sender sender(Attach template) {
        return addLink(new Sender(this, template));
    }

    /** A sender with a default attach: this name, mixed settle mode, no source or target. */
    public Sender sender(String name) {
        return sender(new Attach(name, 0L, Role.SENDER, null, null, null, null, null, null, null, null, null, null, null));
    }

    public Receiver receiver(Attach template) {
        return addLink(new Receiver(this, template));
    }

    public Receiver receiver(String name) {
        return receiver(new Attach(name, 0L, Role.RECEIVER, null, null, null, null, null, null, null, null, null, null, null));
    }

    private <L extends Link> L addLink(L link) {
        connection.enter();
        try {
            if (local == Half.CLOSED) {
                throw new IllegalStateException("the session has ended");
            }
            links.add(link);
            return link;
        } finally {
            connection.exit();
        }
    }

    // ---- frames in

    void remoteBegin(int channel, Begin begin) {
        remoteChannel = channel;
        remoteBegin = begin;
        remote = Half.OPEN;
        remoteHandleMax = begin.handleMaxOrDefault();
        if (outgoing != null) {
            outgoing.remoteBegin(begin.incomingWindow());
            incoming.remoteBegin(begin.nextOutgoingId(), begin.outgoingWindow());
        }
        updateState(null);
        windowChanged();
        connection.handler().remoteBegan(this);
        if (local == Half.NONE && connection.autoReply()) {
            begin();
        }
    }

    void remoteFrame(Performative performative, Frame frame) {
        if (performative instanceof End end) {
            remoteEnd(end);
            return;
        }
        if (local == Half.CLOSED) {
            // 2.5.5 END_SENT/DISCARDING: nothing but the peer's end matters any more.
            return;
        }
        switch (performative) {
            case Attach attach -> remoteAttach(attach);
            case Flow flow -> remoteFlow(flow);
            case Transfer transfer -> remoteTransfer(transfer, frame);
            case Disposition disposition -> remoteDisposition(disposition);
            case Detach detach -> remoteDetach(detach);
            default -> throw new IllegalArgumentException("not a session frame: " + performative);
        }
    }

    private void remoteEnd(End end) {
        remote = Half.CLOSED;
        remoteError = end.error();
        connection.remoteChannelEnded(remoteChannel);
        updateState(end.error());
        connection.handler().remoteEnded(this);
        if (local != Half.CLOSED && connection.autoReply()) {
            end(null);
        }
        if (local == Half.CLOSED) {
            finished();
        }
    }

    private void remoteAttach(Attach attach) {
        long h = attach.handle();
        if (h > localHandleMax && local != Half.NONE) {
            throw ProtocolViolation.ofConnection(ErrorCondition.CONNECTION_FRAMING_ERROR,
                    "attach with handle " + h + " beyond handle-max " + localHandleMax + " (2.7.2)");
        }
        if (remoteHandles.containsKey(h)) {
            throw ProtocolViolation.ofSession(this, ErrorCondition.SESSION_HANDLE_IN_USE,
                    "attach with handle " + h + ", which is in use (2.7.3)");
        }
        Link link = null;
        for (Link l : links) {
            if (l.name.equals(attach.name()) && l.role() != attach.role() && l.remote == Half.NONE) {
                link = l;
                break;
            }
        }
        if (link == null) {
            link = attach.role() == Role.SENDER ? new Receiver(this, mirror(attach, Role.RECEIVER))
                    : new Sender(this, mirror(attach, Role.SENDER));
            links.add(link);
        }
        remoteHandles.put(h, link);
        link.remoteAttach(attach);
        connection.handler().remoteAttached(link);
        if (link.local == Half.NONE && local == Half.OPEN && connection.autoReply()) {
            link.attach();
        }
    }

    /** The attach that answers a peer's attach in kind: same name, terminus and settle modes, other role. */
    private static Attach mirror(Attach a, Role role) {
        return new Attach(a.name(), 0L, role, a.sndSettleMode(), a.rcvSettleMode(), a.source(), a.target(), null,
                null, role == Role.SENDER ? 0L : null, null, null, null, null);
    }

    private void remoteDetach(Detach detach) {
        Link link = remoteHandles.remove(detach.handle());
        if (link == null) {
            throw ProtocolViolation.ofSession(this, ErrorCondition.SESSION_UNATTACHED_HANDLE,
                    "detach of handle " + detach.handle() + ", which is not attached (2.7.7)");
        }
        link.remoteDetach(detach);
        connection.handler().remoteDetached(link);
        if (link.local != Half.CLOSED && connection.autoReply()) {
            link.detach(detach.closedOrDefault(), null);
        }
        if (link.local == Half.CLOSED) {
            linkFinished(link);
        }
    }

    private void remoteFlow(Flow flow) {
        if (outgoing != null) {
            outgoing.remoteFlow(flow.nextIncomingId(), flow.incomingWindow());
            incoming.remoteFlow(flow.nextOutgoingId(), flow.outgoingWindow());
            windowChanged();
        }
        if (flow.handle() != null) {
            Link link = remoteHandles.get(flow.handle());
            if (link == null) {
                throw ProtocolViolation.ofSession(this, ErrorCondition.SESSION_UNATTACHED_HANDLE,
                        "flow for handle " + flow.handle() + ", which is not attached (2.7.4)");
            }
            if (link.local != Half.CLOSED) {
                link.remoteFlow(flow);
            }
        } else if (flow.echoOrDefault() && local == Half.OPEN) {
            writeFlow(null, false);
        }
    }

    private void remoteTransfer(Transfer transfer, Frame frame) {
        if (incoming == null || !incoming.transferReceived()) {
            throw ProtocolViolation.ofSession(this, ErrorCondition.SESSION_WINDOW_VIOLATION,
                    "transfer beyond the incoming-window (2.5.6)");
        }
        windowChanged();
        Link link = remoteHandles.get(transfer.handle());
        if (link == null) {
            throw ProtocolViolation.ofSession(this, ErrorCondition.SESSION_UNATTACHED_HANDLE,
                    "transfer on handle " + transfer.handle() + ", which is not attached (2.7.5)");
        }
        if (!(link instanceof Receiver receiver)) {
            throw ProtocolViolation.ofLink(link, ErrorCondition.ILLEGAL_STATE,
                    "transfer from the receiving end of link " + link.name);
        }
        if (link.local == Half.CLOSED) {
            // Detached here: whatever was in flight is dropped.
            return;
        }
        receiver.remoteTransfer(transfer, frame);
    }

    private void remoteDisposition(Disposition disposition) {
        // role=receiver: the peer is the receiver, so the deliveries are ones we sent.
        DeliveriesById deliveries = disposition.role() == Role.RECEIVER ? unsettledOutgoing : unsettledIncoming;
        int first = SerialNumber.of(disposition.first());
        int last = SerialNumber.of(disposition.lastOrFirst());
        long size = SerialNumber.rangeSize(first, last);
        List<Delivery> hits = new ArrayList<>();
        if (size <= deliveries.size()) {
            for (long i = 0; i < size; i++) {
                Delivery d = deliveries.get(SerialNumber.add(first, i));
                if (d != null) {
                    hits.add(d);
                }
            }
        } else {
            for (Delivery d : deliveries.values()) {
                if (SerialNumber.inRange(d.deliveryId, first, last)) {
                    hits.add(d);
                }
            }
            hits.sort(Comparator.comparingLong(d -> Integer.toUnsignedLong(d.deliveryId - first)));
        }
        for (Delivery d : hits) {
            d.remoteUpdate(disposition.state(), disposition.settledOrDefault());
        }
    }

    // ---- frames out

    /** Writes a frame on our channel, after the dispositions waiting to go (they happened first). */
    void writeFrame(Performative performative) {
        flushDispositions();
        connection.writeFrame(localChannel, performative);
    }

    /** A flow with the session's state and, for a link, the link's (2.7.4). */
    void writeFlow(Link link, boolean echo) {
        Long nextIncomingId = incoming.isRemoteBegun() ? SerialNumber.toUnsigned(incoming.nextIncomingId()) : null;
        Flow flow = new Flow(nextIncomingId, incoming.advertise(), SerialNumber.toUnsigned(outgoing.nextOutgoingId()),
                outgoing.outgoingWindow(), null, null, null, null, null, echo ? Boolean.TRUE : null, null);
        if (link != null) {
            flow = link.linkFlow(flow, echo);
        }
        writeFrame(flow);
        outgoing.advertised();
        windowChanged();
    }

    boolean mayWriteTransfer() {
        return local == Half.OPEN && remote == Half.OPEN && outgoing.isRemoteWindowOpen() && connection.mayWrite();
    }

    /** Writes one transfer frame for the next link in turn that has one ready; false if none could. */
    boolean writeNextTransfer() {
        if (!mayWriteTransfer()) {
            return false;
        }
        int n = links.size();
        for (int i = 0; i < n; i++) {
            int index = (linkCursor + i) % n;
            if (links.get(index) instanceof Sender sender && sender.canWriteTransfer()) {
                linkCursor = (index + 1) % n;
                writeTransferOf(sender);
                return true;
            }
        }
        return false;
    }

    void writeTransferOf(Sender sender) {
        flushDispositions();
        if (outgoing.needsReadvertising()) {
            // 2.5.6: the outgoing-window we announced is used up; announce it again before going on.
            writeFlow(null, false);
        }
        sender.writeTransfer();
    }

    /** Writes the transfer that aborts a delivery (2.6.14): no payload, nothing more to follow. */
    void writeAbort(Transfer transfer, OutgoingDelivery delivery) {
        int start = connection.out.size();
        int size = connection.writer.writeFrame(connection.out, FrameType.AMQP, localChannel, transfer);
        transferFrameWritten(localChannel, transfer, delivery, start, size, 0, false);
    }

    void transferFrameWritten(int channel, Transfer transfer, OutgoingDelivery delivery, int start, int frameSize,
                              int payloadSize, boolean more) {
        outgoing.transferSent();
        delivery.bytesSent += payloadSize;
        connection.frameWritten(channel, transfer, start, frameSize, payloadSize);
        if (connection.events.enabled()) {
            connection.events.emit(new EngineEvent.DeliveryTransferred(connection.events.now(), delivery.ref(), payloadSize,
                    more, delivery.bytesSent));
        }
        windowChanged();
    }

    /** After transfers: drains that can complete, and a flow if consumption re-opened our incoming window. */
    void afterTransfers() {
        if (local != Half.OPEN || remote != Half.OPEN || !connection.mayWrite()) {
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i) instanceof Sender sender) {
                sender.drainIfAsked();
            }
        }
        if (incoming.shouldReadvertise()) {
            writeFlow(null, false);
        }
    }

    // ---- deliveries and dispositions

    void assignDeliveryId(OutgoingDelivery delivery) {
        delivery.deliveryId = nextDeliveryId;
        delivery.hasDeliveryId = true;
        nextDeliveryId = SerialNumber.add(nextDeliveryId, 1);
        if (!delivery.presettled) {
            unsettledOutgoing.put(delivery.deliveryId, delivery);
        }
    }

    /** A delivery's first transfer: one that arrives settled needs no finding by delivery-id again. */
    void deliveryArrived(IncomingDelivery delivery, boolean settled) {
        if (!settled) {
            unsettledIncoming.put(delivery.deliveryId, delivery);
        }
        nextIncomingDeliveryId = SerialNumber.add(delivery.deliveryId, 1);
    }

    void forget(Delivery delivery) {
        if (!delivery.hasDeliveryId) {
            return;
        }
        DeliveriesById map = delivery.incoming() ? unsettledIncoming : unsettledOutgoing;
        map.remove(delivery.deliveryId, delivery);
    }

    boolean hasPendingDispositions() {
        return !pendingDispositions.isEmpty();
    }

    void queueDisposition(Delivery delivery) {
        if (!delivery.dispositionPending) {
            delivery.dispositionPending = true;
            pendingDispositions.add(delivery);
        }
    }

    /**
     * Sends the waiting dispositions, one per run of consecutive delivery-ids that share role, settled and state
     * (2.7.6 first..last).
     */
    void flushDispositions() {
        if (pendingDispositions.isEmpty()) {
            return;
        }
        List<Delivery> incoming = new ArrayList<>();
        List<Delivery> outgoing = new ArrayList<>();
        for (Delivery d : pendingDispositions) {
            d.dispositionPending = false;
            (d.incoming() ? incoming : outgoing).add(d);
        }
        pendingDispositions.clear();
        if (local != Half.OPEN || !connection.mayWrite()) {
            return;
        }
        writeRanges(incoming, Role.RECEIVER, nextIncomingDeliveryId);
        writeRanges(outgoing, Role.SENDER, nextDeliveryId);
    }

    private void writeRanges(List<Delivery> sorted, Role role, int next) {
        if (sorted.isEmpty()) {
            return;
        }
        // Every id in play precedes the next one to be assigned, so ordering by distance from it is id order;
        // settled in the order they arrived, they usually are in order already.
        if (!inIdOrder(sorted, next)) {
            sorted.sort(Comparator.comparingLong(d -> Integer.toUnsignedLong(d.deliveryId - next)));
        }
        int first = sorted.get(0).deliveryId;
        int last = first;
        boolean settled = sorted.get(0).settled;
        AmqpValue state = sorted.get(0).localState;
        for (int i = 1; i < sorted.size(); i++) {
            Delivery d = sorted.get(i);
            if (d.deliveryId == SerialNumber.add(last, 1) && d.settled == settled && Objects.equals(d.localState, state)) {
                last = d.deliveryId;
                continue;
            }
            writeDisposition(role, first, last, settled, state);
            first = d.deliveryId;
            last = first;
            settled = d.settled;
            state = d.localState;
        }
        writeDisposition(role, first, last, settled, state);
    }

    private static boolean inIdOrder(List<Delivery> deliveries, int next) {
        for (int i = 1; i < deliveries.size(); i++) {
            if (Integer.compareUnsigned(deliveries.get(i - 1).deliveryId - next, deliveries.get(i).deliveryId - next) > 0) {
                return false;
            }
        }
        return true;
    }

    private void writeDisposition(Role role, int first, int last, boolean settled, AmqpValue state) {
        connection.writeFrame(localChannel, new Disposition(role, SerialNumber.toUnsigned(first),
                first == last ? null : SerialNumber.toUnsigned(last), settled ? Boolean.TRUE : null, state, null));
    }

    /** A complete delivery's unread payload now takes room in the incoming window. */
    void held(long frames, long bytes) {
        incoming.held(frames, bytes);
    }

    /** Held payload given up by the application: room in the incoming window again. */
    void consumed(long frames, long bytes) {
        if (incoming != null) {
            incoming.consumed(frames, bytes);
        }
    }

    // ---- handles

    long allocateHandle(Link link) {
        long max = Math.min(localHandleMax, remoteHandleMax);
        for (long h = 0; h <= max; h++) {
            if (!localHandles.containsKey(h)) {
                localHandles.put(h, link);
                return h;
            }
        }
        throw new IllegalStateException("no free handle up to handle-max " + max);
    }

    void releaseHandle(long handle) {
        localHandles.remove(handle);
    }

    /**
     * Detached at both ends: the handles are free again. A closed link's unsettled deliveries can never be
     * resumed, so they are forgotten; a link only detached keeps them for a later attach to settle.
     */
    void linkFinished(Link link) {
        if (link.handle >= 0) {
            localHandles.remove(link.handle, link);
        }
        if (link.localClosed || link.remoteClosed) {
            unsettledOutgoing.removeIf(d -> d.link == link);
            unsettledIncoming.removeIf(d -> d.link == link);
        }
        links.remove(link);
        if (linkCursor > links.size()) {
            linkCursor = 0;
        }
    }

    // ---- state

    private void finished() {
        for (Link link : List.copyOf(links)) {
            link.terminate();
        }
        links.clear();
        localHandles.clear();
        remoteHandles.clear();
        unsettledOutgoing.clear();
        unsettledIncoming.clear();
        pendingDispositions.clear();
        connection.sessionFinished(this);
    }

    /** The connection closed or the transport went away. */
    void terminate() {
        local = Half.CLOSED;
        remote = Half.CLOSED;
        for (Link link : List.copyOf(links)) {
            link.terminate();
        }
        updateState(null);
    }

    private void updateState(ErrorCondition error) {
        EndpointState next = EndpointState.of(local, remote);
        if (next != state) {
            state = next;
            if (connection.events.enabled()) {
                connection.events.emit(new EngineEvent.SessionStateChanged(connection.events.now(), localChannel,
                        remoteChannel, next, error));
            }
        }
    }

    void windowChanged() {
        if (connection.events.enabled()) {
            connection.events.emit(new EngineEvent.SessionWindowChanged(connection.events.now(), localChannel,
                    nextIncomingId(), incomingWindow(), nextOutgoingId(), outgoingWindow(), remoteIncomingWindow(),
                    remoteOutgoingWindow()));
        }
    }

    @Override
    public String toString() {
        return "Session[channel=" + localChannel + "/" + remoteChannel + ", " + state + "]";
    }
}
