package org.amqpexplorer.protocol.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Coordinator;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * One accepted connection: the engine's handler, on the connection's own thread. It answers open and begin,
 * turns each attach into a {@link Producer} or {@link Consumer} on a queue (or refuses it), and when links,
 * sessions or the connection go, gives back what they held.
 */
final class PeerConnection implements ConnectionHandler {

    /** Frames up to 1 MiB: larger messages take several transfer frames, and no client makes us buffer more. */
    static final long MAX_FRAME_SIZE = 1024 * 1024;
    static final int CHANNEL_MAX = 1023;
    static final long HANDLE_MAX = 1023;
    /** Our begin: a window of 2048 frames each way (our reads keep it open), handles up to {@link #HANDLE_MAX}. */
    private static final Begin BEGIN = new Begin(null, 0L, 2048L, 2048L, HANDLE_MAX, null, null, null);

    final Peer peer;
    final long id;
    final Connection connection;
    final Transactions transactions;
    private final Map<Link, Producer> producers = new HashMap<>();
    private final Map<Link, Consumer> consumers = new HashMap<>();
    volatile Transport transport;
    private String failure;
    final CountDownLatch finished = new CountDownLatch(1);

    PeerConnection(Peer peer, long id, Connection connection) {
        this.peer = peer;
        this.id = id;
        this.connection = connection;
        this.transactions = new Transactions(peer);
    }

    // ---- the engine's callbacks

    @Override
    public void remoteOpened(Connection c) {
        if (c.localOpen() == null) {
            c.open(new Open(peer.containerId, null, MAX_FRAME_SIZE, CHANNEL_MAX, null, null, null, null, null, null));
        }
    }

    @Override
    public void remoteBegan(Session session) {
        if (session.localBegin() == null) {
            session.begin(BEGIN);
        }
    }

    @Override
    public void remoteAttached(Link link) {
        if (link.localAttach() != null) {
            return; // the answer to an attach of ours: the peer attaches nothing first
        }
        if (link instanceof Receiver receiver) {
            attachProducer(receiver, link.remoteAttach());
        } else {
            attachConsumer((Sender) link, link.remoteAttach());
        }
    }

    @Override
    public void linkFlow(Link link) {
        Consumer c = consumers.get(link);
        if (c != null) {
            c.flowed();
        }
    }

    @Override
    public void delivery(IncomingDelivery delivery) {
        Producer p = producers.get(delivery.link());
        if (p != null) {
            p.delivery(delivery);
        }
    }

    @Override
    public void remoteDisposition(Delivery delivery) {
        if (delivery instanceof OutgoingDelivery d) {
            Consumer c = consumers.get(d.link());
            if (c != null) {
                c.disposition(d);
            }
        }
    }

    @Override
    public void remoteDetached(Link link) {
        forget(link);
    }

    @Override
    public void remoteEnded(Session session) {
        for (Link link : new ArrayList<>(links())) {
            if (link.session() == session) {
                forget(link);
            }
        }
    }

    @Override
    public void remoteClosed(Connection c) {
        forgetAll();
    }

    @Override
    public void transportClosed(Connection c) {
        forgetAll();
    }

    // ---- attach

    private void attachProducer(Receiver receiver, Attach remote) {
        AmqpValue target = remote.target();
        if (target instanceof Coordinator) {
            Producer p = new Producer(this, receiver, null, false, peer.options.linkCredit());
            receiver.attach(answer(remote, Role.RECEIVER, remote.source(), new Coordinator(List.of(
                    Coordinator.LOCAL_TRANSACTIONS, Coordinator.MULTI_TXNS_PER_SSN, Coordinator.MULTI_SSNS_PER_TXN)),
                    null));
            producers.put(receiver, p);
            receiver.flow(peer.options.linkCredit());
            return;
        }
        if (!(target instanceof Target t)) {
            refuse(receiver, remote, "the attach has no target: nothing to send to");
            return;
        }
        String address = address(t.address());
        boolean dynamic = t.dynamicOrDefault();
        if (!dynamic && address == null) {
            refuse(receiver, remote, "the target has no address (this peer offers no anonymous relay)");
            return;
        }
        Queue queue = dynamic ? peer.nodes.createDynamic() : peer.nodes.queue(address);
        Target answered = dynamic ? new Target(new StringValue(queue.address), t.durable(), t.expiryPolicy(),
                t.timeout(), true, t.dynamicNodeProperties(), t.capabilities()) : t;
        receiver.attach(answer(remote, Role.RECEIVER, remote.source(), answered, peer.options.maxMessageSize()));
        Producer p = new Producer(this, receiver, queue, dynamic, peer.options.linkCredit());
        producers.put(receiver, p);
        if (queue.attach(p)) {
            receiver.flow(peer.options.linkCredit());
        } else {
            closeLink(receiver, deleted(queue));
        }
    }

    private void attachConsumer(Sender sender, Attach remote) {
        if (!(remote.source() instanceof Source s)) {
            refuse(sender, remote, "the attach has no source: nothing to receive from");
            return;
        }
        String address = address(s.address());
        boolean dynamic = s.dynamicOrDefault();
        if (!dynamic && address == null) {
            refuse(sender, remote, "the source has no address");
            return;
        }
        Queue queue = dynamic ? peer.nodes.createDynamic() : peer.nodes.queue(address);
        Source answered = dynamic ? new Source(new StringValue(queue.address), s.durable(), s.expiryPolicy(),
                s.timeout(), true, s.dynamicNodeProperties(), s.distributionMode(), s.filter(), s.defaultOutcome(),
                s.outcomes(), s.capabilities()) : s;
        sender.attach(answer(remote, Role.SENDER, answered, remote.target(), null));
        Consumer c = new Consumer(this, sender, queue, dynamic, s);
        consumers.put(sender, c);
        if (!queue.attach(c)) {
            closeLink(sender, deleted(queue));
        }
    }

    static ErrorCondition deleted(Queue queue) {
        return new ErrorCondition(ErrorCondition.RESOURCE_DELETED, "queue '" + queue.address + "' was deleted");
    }

    /**
     * The attach that answers the client's, with the settle modes it asked for (2.7.3: the sender's
     * snd-settle-mode and the receiver's rcv-settle-mode are the ones used).
     */
    private static Attach answer(Attach remote, Role role, AmqpValue source, AmqpValue target, Long maxMessageSize) {
        return new Attach(remote.name(), 0L, role, remote.sndSettleMode(), remote.rcvSettleMode(), source, target,
                null, null, role == Role.SENDER ? 0L : null, maxMessageSize, null, null, null);
    }

    /** 2.6.3: a refused link is attached with no terminus of ours, then closed with the reason. */
    private static void refuse(Link link, Attach remote, String why) {
        boolean sender = link instanceof Sender;
        link.attach(answer(remote, link.role(), sender ? null : remote.source(), sender ? remote.target() : null, null));
        link.close(new ErrorCondition(ErrorCondition.NOT_FOUND, why));
    }

    private static String address(AmqpValue address) {
        return switch (address) {
            case StringValue s -> s.value();
            case SymbolValue s -> s.value();
            case null, default -> null;
        };
    }

    // ---- links going

    /** Closes one of our links with an error, giving back what it held first. */
    void closeLink(Link link, ErrorCondition error) {
        forget(link);
        if (link.state() != EndpointState.CLOSED && link.session().state() == EndpointState.OPENED) {
            link.close(error);
        }
    }

    private void forget(Link link) {
        Consumer c = consumers.remove(link);
        if (c != null) {
            c.detached();
        }
        Producer p = producers.remove(link);
        if (p != null) {
            p.detached();
        }
    }

    private List<Link> links() {
        List<Link> all = new ArrayList<>(consumers.keySet());
        all.addAll(producers.keySet());
        return all;
    }

    /** The connection is going: transactions roll back, then every link gives back what it held. */
    private void forgetAll() {
        transactions.rollbackAll();
        for (Link link : links()) {
            forget(link);
        }
    }

    // ---- the transport's events, on the connection's thread

    void transportEvent(TransportEvent event) {
        switch (event) {
            case TransportEvent.Authenticated a -> peer.emit(new PeerEvent.ConnectionAuthenticated(id, a.mechanism(), a.identity()));
            case TransportEvent.Failed f -> failure = f.reason();
            case TransportEvent.Closed closed -> {
                peer.connectionFinished(this);
                peer.emit(new PeerEvent.ConnectionClosed(id, reason()));
                finished.countDown();
            }
            case TransportEvent.Connected c -> {
                // ConnectionAccepted has told the observers already
            }
            case TransportEvent.Held h -> {
                // step mode is the GUI's business, on its own transport handle
            }
        }
    }

    /** Why the connection ended, in words: the error we closed with first (it is the cause), then the transport's. */
    private String reason() {
        ErrorCondition local = connection.localError();
        if (local != null) {
            return "closed with " + describe(local) + (failure == null ? "" : " (then: " + failure + ")");
        }
        if (failure != null) {
            return failure;
        }
        ErrorCondition remote = connection.remoteError();
        return remote == null ? null : "the client closed with " + describe(remote);
    }

    private static String describe(ErrorCondition e) {
        return e.description() == null ? e.condition() : e.condition() + ": " + e.description();
    }
}
