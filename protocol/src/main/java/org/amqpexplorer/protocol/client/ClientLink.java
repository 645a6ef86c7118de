package org.amqpexplorer.protocol.client;

import java.util.concurrent.CompletableFuture;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ErrorCondition;

/** What a client's sending and receiving links share: attaching, detaching, and failing with a reason. */
public abstract sealed class ClientLink permits ClientSender, ClientReceiver {
    final ClientSession session;
    final ClientConnection connection;
    final String address;
    final DeliveryGuarantee guarantee;
    private final CompletableFuture<Void> detached = new CompletableFuture<>();

    // Owned by the connection's thread.
    Link link;
    ClientException failure;
    private boolean closeRequested;

    ClientLink(ClientSession session, String address, DeliveryGuarantee guarantee) {
        this.session = session;
        this.connection = session.connection();
        this.address = address;
        this.guarantee = guarantee;
    }

    public String address() {
        return address;
    }

    public DeliveryGuarantee guarantee() {
        return guarantee;
    }

    /** The link's name, once attached (read after the attach completed). */
    public String name() {
        return link == null ? null : link.name();
    }

    /**
     * Closes the link (detach with closed=true); completes when the peer's detach answers, exceptionally if it
     * carried an error or the link had already failed.
     */
    public CompletableFuture<Void> close() {
        connection.post(() -> {
            closeRequested = true;
            if (failure == null && link != null) link.close();
        });
        return detached;
    }

    /** The peer's attach (2.6.3) and whatever else it must agree to; null if it may be used. */
    abstract String refusal(Attach remote);

    /** The terminus the peer had to create: null in its attach means it refused (2.6.3). */
    abstract AmqpValue peerTerminus(Attach remote);

    abstract Link create(Session session, Attach template);

    abstract Attach template(String name);

    abstract void attachSucceeded();

    /** The link is gone: fail what is pending. */
    abstract void failed(ClientException why);

    // ---- the connection's thread

    void attach(Session session, String name) {
        link = create(session, template(name));
        connection.register(link, this);
        link.attach();
    }

    void remoteAttached() {
        Attach remote = link.remoteAttach();
        if (peerTerminus(remote) == null) return; // refused: its detach follows with the reason
        String refusal = refusal(remote);
        if (refusal != null) {
            fail(new ClientException(refusal));
            link.close(new ErrorCondition(ErrorCondition.PRECONDITION_FAILED, refusal));
            return;
        }
        attachSucceeded();
    }

    void remoteDetached() {
        ErrorCondition error = link.remoteError();
        session.linkGone(this);
        if (closeRequested && error == null) {
            detached.complete(null);
            fail(new ClientException("the link to '" + address + "' is closed"));
            return;
        }
        String what = link.localAttach() != null && link.remoteAttach() != null
                && peerTerminus(link.remoteAttach()) == null ? "refused the link to '" + address + "'"
                : (link.isRemotelyClosed() ? "closed" : "detached") + " the link to '" + address + "'";
        fail(new ClientException("the peer " + what + ": " + ClientException.describe(error), error));
    }

    void fail(ClientException why) {
        if (failure != null) return;
        failure = why;
        detached.completeExceptionally(why);
        failed(why);
    }
}
