package org.amqpexplorer.protocol.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.Attach;

/**
 * Link recovery (2.6.13) for one container: its recoverable links by name, kept across connections, so that
 * at-least-once loses nothing when a connection drops and exactly-once hands no message to the application
 * twice. Each connection's handler is {@link #handler(ConnectionHandler) wrapped}: the peer's attach of a link
 * of a known name is answered from what was kept, and deliveries and dispositions of recoverable links go to
 * them instead of the application's handler.
 *
 * <p>A connection that drops needs nothing: the next one attaches the links again, by name, with
 * {@link RecoverableSender#attach(Session)} or {@link RecoverableReceiver#attach(Session)} (or the peer does,
 * and the handler answers). Not thread-safe: one thread at a time, the one driving the current connection.
 */
public final class LinkRecovery {

    private final Map<String, RecoverableSender> senders = new HashMap<>();
    private final Map<String, RecoverableReceiver> receivers = new HashMap<>();

    /**
     * The recoverable sender of this name, made from the template and listener the first time.
     *
     * @param outcomes told, once per message, its tag and the receiver's outcome (null: settled without one)
     */
    public RecoverableSender sender(Attach template, BiConsumer<BinaryValue, AmqpValue> outcomes) {
        return senders.computeIfAbsent(template.name(), name -> new RecoverableSender(template, outcomes));
    }

    /**
     * The recoverable receiver of this name, made from the template the first time. The template's
     * rcv-settle-mode chooses at-least-once (first) or exactly-once (second).
     *
     * @param creditWindow the link-credit it keeps granting
     */
    public RecoverableReceiver receiver(Attach template, long creditWindow, RecoverableReceiver.MessageHandler messages) {
        return receivers.computeIfAbsent(template.name(), name -> new RecoverableReceiver(template, creditWindow, messages));
    }

    /** The recoverable sender of this name, or null. */
    public RecoverableSender sender(String name) {
        return senders.get(name);
    }

    /** The recoverable receiver of this name, or null. */
    public RecoverableReceiver receiver(String name) {
        return receivers.get(name);
    }

    /** A handler for one connection: recovery first, then the application's handler for everything else. */
    public ConnectionHandler handler(ConnectionHandler application) {
        return new Handler(application == null ? ConnectionHandler.NONE : application);
    }

    private RecoverableSender senderOf(Link link) {
        RecoverableSender s = senders.get(link.name());
        return s != null && s.link() == link ? s : null;
    }

    private RecoverableReceiver receiverOf(Link link) {
        RecoverableReceiver r = receivers.get(link.name());
        return r != null && r.link() == link ? r : null;
    }

    private final class Handler implements ConnectionHandler {

        private final ConnectionHandler application;

        Handler(ConnectionHandler application) {
            this.application = application;
        }

        @Override
        public void remoteOpened(Connection connection) {
            application.remoteOpened(connection);
        }

        @Override
        public void remoteClosed(Connection connection) {
            application.remoteClosed(connection);
        }

        @Override
        public void remoteBegan(Session session) {
            application.remoteBegan(session);
        }

        @Override
        public void remoteEnded(Session session) {
            application.remoteEnded(session);
        }

        @Override
        public void remoteAttached(Link link) {
            switch (link) {
                case Sender sender -> {
                    RecoverableSender s = senders.get(sender.name());
                    if (s != null) {
                        s.remoteAttached(sender);
                    }
                }
                case Receiver receiver -> {
                    RecoverableReceiver r = receivers.get(receiver.name());
                    if (r != null) {
                        r.remoteAttached(receiver);
                    }
                }
            }
            application.remoteAttached(link);
        }

        @Override
        public void remoteDetached(Link link) {
            application.remoteDetached(link);
        }

        @Override
        public void linkFlow(Link link) {
            application.linkFlow(link);
        }

        @Override
        public void delivery(IncomingDelivery delivery) {
            RecoverableReceiver r = receiverOf(delivery.link());
            if (r != null) {
                r.delivery(delivery);
            } else {
                application.delivery(delivery);
            }
        }

        @Override
        public void remoteDisposition(Delivery delivery) {
            if (delivery instanceof OutgoingDelivery d && senderOf(d.link()) instanceof RecoverableSender s) {
                s.remoteDisposition(d);
            } else if (delivery instanceof IncomingDelivery d && receiverOf(d.link()) instanceof RecoverableReceiver r) {
                r.remoteDisposition(d);
            } else {
                application.remoteDisposition(delivery);
            }
        }

        @Override
        public void transportClosed(Connection connection) {
            application.transportClosed(connection);
        }
    }
}
