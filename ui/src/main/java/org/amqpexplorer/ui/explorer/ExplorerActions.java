package org.amqpexplorer.ui.explorer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * Acting on the protocol by hand: every command a person can give from the tree, turned into engine calls that
 * run on the connection's thread. Knows no controls; problems (an engine refusing a call) are reported to
 * {@code errors} in words.
 */
public final class ExplorerActions {
    private final Map<ConnectionNode, ConnectionControl> controls = new HashMap<>();
    private final Consumer<String> errors;

    /** @param errors told (on the connection's thread) what a refused command was and why */
    public ExplorerActions(Consumer<String> errors) {
        this.errors = errors;
    }

    public void register(ConnectionNode node, ConnectionControl control) {
        controls.put(node, control);
    }

    public void unregister(ConnectionNode node) {
        controls.remove(node);
    }

    public ConnectionControl control(ConnectionNode node) {
        return controls.get(node);
    }

    /** Begins a session with the given windows (2.5.6). */
    public void begin(ConnectionNode c, long incomingWindow, long outgoingWindow) {
        run(c, "begin a session", conn -> conn.session().begin(new Begin(null, 0L, incomingWindow, outgoingWindow, null, null, null, null)));
    }

    /**
     * Attaches a link on a session. {@code initialCredit} &gt; 0 grants that much credit at once to a receiver
     * (manual credit otherwise).
     */
    public void attach(SessionNode s, String name, Role role, String address, SenderSettleMode snd,
                       ReceiverSettleMode rcv, long initialCredit) {
        run(s.connection, "attach " + name, conn -> {
            Session session = session(conn, s);
            StringValue a = address == null || address.isBlank() ? null : new StringValue(address);
            Source source = role == Role.RECEIVER ? new Source(a, null, null, null, null, null, null, null, null, null, null) : new Source(null, null, null, null, null, null, null, null, null, null, null);
            Target target = role == Role.SENDER ? new Target(a, null, null, null, null, null, null) : new Target(null, null, null, null, null, null, null);
            Attach template = new Attach(name, 0L, role, snd, rcv, source, target, null, null, null, null, null, null, null);
            Link link = role == Role.SENDER ? session.sender(template) : session.receiver(template);
            link.attach();
            if (link instanceof Receiver r && initialCredit > 0) r.flow(initialCredit);
        });
    }

    /** Sets a live session's incoming window (in frames); the peer hears of it at once in a flow (2.5.6). */
    public void incomingWindow(SessionNode s, long frames) {
        run(s.connection, "set the incoming window", conn -> session(conn, s).incomingWindow(frames));
    }

    /** Grants {@code credit} more to a receiver (2.6.7). */
    public void grantCredit(LinkNode l, long credit) {
        run(l.session.connection, "grant credit on " + l.name(), conn -> receiver(conn, l).addCredit(credit));
    }

    /** Asks the sender to use up or give back the credit (2.6.7 drain). */
    public void drain(LinkNode l) {
        run(l.session.connection, "drain " + l.name(), conn -> receiver(conn, l).drain());
    }

    /**
     * Gives a delivery an outcome (accepted, rejected, released, modified …) and settles it if {@code settle};
     * with rcv-settle-mode second a receiver sends its outcome unsettled and settles when the sender has.
     */
    public void disposition(DeliveryNode d, AmqpValue state, boolean settle) {
        run(d.link.session.connection, "update delivery " + d.deliveryIdProperty().get(),
                conn -> delivery(conn, d).disposition(state, settle));
    }

    /** Settles a delivery here, keeping its state. */
    public void settle(DeliveryNode d) {
        run(d.link.session.connection, "settle delivery " + d.deliveryIdProperty().get(), conn -> delivery(conn, d).settle());
    }

    public void detach(LinkNode l, boolean close, ErrorCondition error) {
        run(l.session.connection, (close ? "close " : "detach ") + l.name(), conn -> {
            Link link = link(conn, l);
            if (close) link.close(error); else link.detach(error);
        });
    }

    public void end(SessionNode s, ErrorCondition error) {
        run(s.connection, "end the session", conn -> session(conn, s).end(error));
    }

    public void close(ConnectionNode c, ErrorCondition error) {
        run(c, "close the connection", conn -> conn.close(error));
    }

    public void pauseReading(ConnectionNode c, boolean pause) {
        ConnectionControl control = controls.get(c);
        if (control != null) control.pauseReading(pause);
    }

    private void run(ConnectionNode c, String what, Consumer<Connection> command) {
        ConnectionControl control = controls.get(c);
        if (control == null) {
            errors.accept("cannot " + what + ": the connection is gone");
            return;
        }
        control.post(conn -> {
            try {
                command.accept(conn);
            } catch (IllegalStateException | IllegalArgumentException e) {
                errors.accept("cannot " + what + ": " + e.getMessage());
            }
        });
    }

    private static Session session(Connection conn, SessionNode s) {
        for (Session session : conn.sessions()) {
            if (session.localChannel() == s.localChannel.get()) return session;
        }
        throw new IllegalStateException("session " + s.localChannel.get() + " has ended");
    }

    private static Link link(Connection conn, LinkNode l) {
        for (Link link : session(conn, l.session).links()) {
            if (link.name().equals(l.name()) && link.role() == l.role()) return link;
        }
        throw new IllegalStateException("link " + l.name() + " is no longer attached");
    }

    private static Delivery delivery(Connection conn, DeliveryNode d) {
        for (Delivery delivery : link(conn, d.link).unsettled()) {
            if (delivery.key() == d.key()) return delivery;
        }
        throw new IllegalStateException("delivery " + d.deliveryIdProperty().get() + " is already settled");
    }

    private static Receiver receiver(Connection conn, LinkNode l) {
        if (link(conn, l) instanceof Receiver r) return r;
        throw new IllegalArgumentException(l.name() + " is a sender: only a receiver grants credit or drains");
    }
}
