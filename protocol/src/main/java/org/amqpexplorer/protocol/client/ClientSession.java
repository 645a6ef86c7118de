package org.amqpexplorer.protocol.client;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.ErrorCondition;

/** A session of a {@link ClientConnection}; links are attached on it. */
public final class ClientSession {
    private final ClientConnection connection;
    private final CompletableFuture<ClientSession> began = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    // Owned by the connection's thread.
    private Session session;
    private ClientException failure;
    private boolean endRequested;
    private final List<ClientLink> links = new ArrayList<>();

    ClientSession(ClientConnection connection) {
        this.connection = connection;
    }

    public ClientConnection connection() {
        return connection;
    }

    CompletableFuture<ClientSession> began() {
        return began;
    }

    /**
     * Attaches a sending link to {@code address}; the future completes when the peer's attach accepts it, and
     * fails with the peer's reason if it refuses (2.6.3), or if exactly-once was asked and the peer's receiver
     * would settle first.
     */
    public CompletableFuture<ClientSender> attachSender(String address, DeliveryGuarantee guarantee) {
        ClientSender s = new ClientSender(this, address, guarantee);
        attach(s, "send");
        return s.attached();
    }

    /**
     * Attaches a receiving link to {@code address}. It keeps up to {@code creditWindow} messages granted or
     * waiting to be taken, topping credit up as messages are taken, and never grants more than {@code limit}
     * messages in all (0: no limit).
     */
    public CompletableFuture<ClientReceiver> attachReceiver(String address, DeliveryGuarantee guarantee, int creditWindow,
                                                            long limit) {
        if (creditWindow < 1) throw new IllegalArgumentException("the credit window must be at least 1: " + creditWindow);
        if (limit < 0) throw new IllegalArgumentException("the limit must not be negative: " + limit);
        ClientReceiver r = new ClientReceiver(this, address, guarantee, creditWindow, limit);
        attach(r, "receive");
        return r.attached();
    }

    private void attach(ClientLink link, String verb) {
        String name = "amqp-explorer-" + verb + "-" + address(link.address()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        connection.post(() -> {
            if (failure != null) {
                link.fail(failure);
                return;
            }
            try {
                links.add(link);
                link.attach(session, name);
            } catch (RuntimeException e) {
                link.fail(new ClientException("cannot attach to '" + link.address() + "': " + e.getMessage()));
            }
        });
    }

    private static String address(String a) {
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** Ends the session; completes when the peer's end answers ours (exceptionally if it carried an error). */
    public CompletableFuture<Void> end() {
        connection.post(() -> {
            endRequested = true;
            if (failure == null && session != null) session.end();
        });
        return ended;
    }

    // ---- the connection's thread

    void begin(Session session) {
        this.session = session;
        session.begin();
    }

    void linkGone(ClientLink link) {
        links.remove(link);
    }

    void remoteBegan() {
        began.complete(this);
    }

    void remoteEnded() {
        ErrorCondition error = session.remoteError();
        connection.forget(this, session);
        if (endRequested && error == null) {
            ended.complete(null);
            fail(new ClientException("the session has ended"));
        } else {
            fail(new ClientException("the peer ended the session: " + ClientException.describe(error), error));
        }
    }

    void fail(ClientException why) {
        if (failure != null) return;
        failure = why;
        began.completeExceptionally(why);
        ended.completeExceptionally(why);
        for (ClientLink l : List.copyOf(links)) l.fail(why);
        links.clear();
    }
}
