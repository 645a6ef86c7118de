package org.amqpexplorer.protocol.engine;

/**
 * The application's side of a connection: called on the engine's thread when the peer does something the
 * application may want to answer. Every method defaults to doing nothing; with
 * {@link ConnectionOptions#autoReply()} the engine then answers open, begin, attach, detach, end and close in
 * kind. Handlers may call the engine; what they send goes out when the current call into the engine returns.
 */
public interface ConnectionHandler {

    ConnectionHandler NONE = new ConnectionHandler() {
    };

    default void remoteOpened(Connection connection) {
    }

    default void remoteClosed(Connection connection) {
    }

    /** The peer began a session, or answered our begin. */
    default void remoteBegan(Session session) {
    }

    default void remoteEnded(Session session) {
    }

    /** The peer attached a link, or answered our attach. */
    default void remoteAttached(Link link) {
    }

    default void remoteDetached(Link link) {
    }

    /**
     * The peer's flow changed a link: for a {@link Sender}, its credit or drain; for a {@link Receiver}, the
     * sender's available count, or a drain completed.
     */
    default void linkFlow(Link link) {
    }

    /** A transfer frame of an incoming delivery arrived (the delivery may still be partial), or it was aborted. */
    default void delivery(IncomingDelivery delivery) {
    }

    /** The peer changed the state of a delivery or settled it. */
    default void remoteDisposition(Delivery delivery) {
    }

    /** The transport went away (or the peer's protocol header was refused); the engine is finished. */
    default void transportClosed(Connection connection) {
    }
}
