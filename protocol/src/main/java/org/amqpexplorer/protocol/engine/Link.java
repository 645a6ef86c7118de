package org.amqpexplorer.protocol.engine;

import org.amqpexplorer.protocol.engine.EndpointState.Half;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.LinkRef;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Detach;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Role;

/**
 * One end of a link (2.6): attached with an attach, detached (or closed) with a detach. Its handle is chosen
 * here; the peer's handle for it arrives with the peer's attach.
 */
public abstract sealed class Link permits Sender, Receiver {

    final Session session;
    final Connection connection;
    final String name;
    Attach template;
    long handle = -1;
    long remoteHandle = -1;
    Half local = Half.NONE;
    Half remote = Half.NONE;
    Attach localAttach;
    Attach remoteAttach;
    boolean localClosed;
    boolean remoteClosed;
    ErrorCondition localError;
    ErrorCondition remoteError;
    private EndpointState state = EndpointState.UNOPENED;

    Link(Session session, Attach template) {
        this.session = session;
        this.connection = session.connection;
        this.name = template.name();
        this.template = template;
    }

    /** The deliveries on this link that have a delivery-id and are not settled here yet, oldest first. */
    public java.util.List<Delivery> unsettled() {
        return session.unsettled(this);
    }

    public abstract Role role();

    public String name() {
        return name;
    }

    public Session session() {
        return session;
    }

    public EndpointState state() {
        return state;
    }

    /** Our handle (uint), or -1 before we attached. */
    public long handle() {
        return handle;
    }

    /** The peer's handle (uint), or -1 before its attach. */
    public long remoteHandle() {
        return remoteHandle;
    }

    public Attach localAttach() {
        return localAttach;
    }

    public Attach remoteAttach() {
        return remoteAttach;
    }

    public ErrorCondition localError() {
        return localError;
    }

    public ErrorCondition remoteError() {
        return remoteError;
    }

    /** Whether the peer's detach closed the link (rather than only detaching it). */
    public boolean isRemotelyClosed() {
        return remoteClosed;
    }

    /**
     * Sends our attach from this template (for a link the peer attached first: instead of the mirror of the
     * peer's attach the engine prepared). Its name must be the link's name.
     */
    public void attach(Attach template) {
        if (!template.name().equals(name)) {
            throw new IllegalArgumentException("the attach names link " + template.name() + ", not " + name);
        }
        if (local != Half.NONE) {
            throw new IllegalStateException("link " + name + " is already attached");
        }
        this.template = template;
        attach();
    }

    /**
     * Sends our attach: the template with our handle and role (and, for a sender, its initial-delivery-count).
     *
     * @throws IllegalStateException if already attached, or the session is not begun here
     */
    public void attach() {
        connection.enter();
        try {
            if (local != Half.NONE) {
                throw new IllegalStateException("link " + name + " is already attached");
            }
            if (session.local != Half.OPEN) {
                throw new IllegalStateException("session is not begun here (" + session.state() + ")");
            }
            long h = session.allocateHandle(this);
            Attach sent = attachToSend(h);
            try {
                session.writeFrame(sent);
            } catch (RuntimeException e) {
                session.releaseHandle(h);
                throw e;
            }
            handle = h;
            localAttach = sent;
            local = Half.OPEN;
            attached();
            updateState(null);
        } finally {
            connection.exit();
        }
    }

    /** Detaches without closing: the link may be resumed by a later attach of the same name. */
    public void detach() {
        detach(false, null);
    }

    public void detach(ErrorCondition error) {
        detach(false, error);
    }

    /** Closes the link: detach with closed=true. */
    public void close() {
        detach(true, null);
    }

    public void close(ErrorCondition error) {
        detach(true, error);
    }

    void detach(boolean closed, ErrorCondition error) {
        connection.enter();
        try {
            if (local == Half.CLOSED || session.local != Half.OPEN) {
                return;
            }
            if (local == Half.NONE) {
                // 2.6.3: refusing a link is an attach followed at once by a detach.
                attach();
            }
            beforeDetach();
            session.writeFrame(new Detach(handle, closed ? Boolean.TRUE : null, error));
            local = Half.CLOSED;
            localClosed = closed;
            localError = error;
            dropDeliveries();
            updateState(error);
            if (remote == Half.CLOSED) {
                session.linkFinished(this);
            }
        } finally {
            connection.exit();
        }
    }

    /** Our attach: the template with what the engine decides. */
    abstract Attach attachToSend(long handle);

    /** After our attach is written (e.g. a receiver's pending credit goes out). */
    abstract void attached();

    /** Before our detach is written (e.g. a sender sends what it can). */
    abstract void beforeDetach();

    /** Drops what is queued or half received: the link no longer carries anything. */
    abstract void dropDeliveries();

    abstract void remoteFlow(Flow flow);

    abstract Flow linkFlow(Flow sessionFlow, boolean echo);

    abstract FlowState localFlowState();

    abstract FlowState remoteFlowState();

    /** Attached by both ends and detached by neither: transfers and flows may go. */
    boolean isAttachedBothWays() {
        return local == Half.OPEN && remote == Half.OPEN;
    }

    void remoteAttach(Attach attach) {
        remoteAttach = attach;
        remoteHandle = attach.handle();
        remote = Half.OPEN;
        remoteAttached(attach);
        updateState(null);
    }

    abstract void remoteAttached(Attach attach);

    void remoteDetach(Detach detach) {
        remote = Half.CLOSED;
        remoteClosed = detach.closedOrDefault();
        remoteError = detach.error();
        updateState(detach.error());
    }

    LinkRef ref() {
        return new LinkRef(session.localChannel, name, role(), handle, remoteHandle);
    }

    void updateState(ErrorCondition error) {
        EndpointState next = EndpointState.of(local, remote);
        if (next != state) {
            state = next;
            if (connection.events.enabled()) {
                boolean closed = next == EndpointState.CLOSE_SENT ? localClosed
                        : next == EndpointState.CLOSE_RECEIVED ? remoteClosed : localClosed || remoteClosed;
                connection.events.emit(new EngineEvent.LinkStateChanged(connection.events.now(), ref(), next, closed, error));
            }
        }
    }

    /** The session ended or the transport closed: the link is gone without frames. */
    void terminate() {
        dropDeliveries();
        local = Half.CLOSED;
        remote = Half.CLOSED;
        updateState(null);
    }

    void flowChanged() {
        if (connection.events.enabled()) {
            connection.events.emit(new EngineEvent.LinkFlowChanged(connection.events.now(), ref(), localFlowState(), remoteFlowState()));
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", handle=" + handle + "/" + remoteHandle + ", " + state + "]";
    }
}
