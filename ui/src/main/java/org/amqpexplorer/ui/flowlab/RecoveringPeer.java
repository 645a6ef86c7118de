package org.amqpexplorer.ui.flowlab;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.LinkRecovery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.RecoverableReceiver;
import org.amqpexplorer.protocol.transport.Listener;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.transport.TransportException;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;

/**
 * A receiving container of the lab's own, for {@link DeliveryGuaranteesScenario}: unlike the built-in peer it
 * resumes links (2.6.13). Every link attached to it is a {@link RecoverableReceiver} (exactly-once: rcv-settle-mode
 * second) kept by name across connections; its application accepts each message at once and counts how often each
 * reached it. One connection at a time, each on its transport's thread.
 */
final class RecoveringPeer implements AutoCloseable {
    private final LinkRecovery recovery = new LinkRecovery();
    private final Listener listener;
    private final List<String> handed = new ArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();

    private RecoveringPeer() throws TransportException {
        listener = Listener.open("127.0.0.1", 0, this::accept);
    }

    static RecoveringPeer start() throws TransportException {
        return new RecoveringPeer();
    }

    String host() {
        return listener.host();
    }

    int port() {
        return listener.port();
    }

    /** Message-ids in the order they reached the application, one entry per time. */
    List<String> handed() {
        synchronized (handed) {
            return List.copyOf(handed);
        }
    }

    /** Connections whose transport has closed. */
    int closedConnections() {
        return closed.get();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void accept(Socket socket) {
        Connection engine = Connection.acceptor();
        engine.handler(recovery.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                // the first attach of a name makes its receiver; later ones the recovery layer answers by name
                if (link instanceof Receiver r && r.localAttach() == null) {
                    Attach theirs = r.remoteAttach();
                    recovery.receiver(new Attach(theirs.name(), 0L, Role.RECEIVER, theirs.sndSettleMode(),
                            ReceiverSettleMode.SECOND, theirs.source(), theirs.target(), null, null, null, null, null,
                            null, null), 100, RecoveringPeer.this::message).attach(r);
                }
            }
        }));
        Transport.serve(socket, ServerOptions.ANONYMOUS, engine, e -> {
            if (e instanceof TransportEvent.Closed) closed.incrementAndGet();
        });
    }

    private void message(RecoverableReceiver receiver, BinaryValue tag, byte[] payload) {
        synchronized (handed) {
            handed.add(Traffic.id(payload));
        }
        receiver.disposition(tag, Accepted.INSTANCE);
    }
}
