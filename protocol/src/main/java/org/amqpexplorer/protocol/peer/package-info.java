/**
 * The built-in peer: AMQP Explorer's own AMQP 1.0 node server, so the explorer can talk to something with no
 * broker anywhere (and two explorers can talk to each other). It is not a production broker: everything is in
 * memory and gone when it stops.
 *
 * <p>The door: {@link org.amqpexplorer.protocol.peer.Peer#start Peer.start(PeerOptions, PeerObserver...)}
 * gives a running peer with {@code host()}, {@code port()}, {@code queues()} ({@link
 * org.amqpexplorer.protocol.peer.QueueSnapshot}s) and {@code close()}; {@link
 * org.amqpexplorer.protocol.peer.PeerEvent}s tell observers about connections (with the engine
 * {@link org.amqpexplorer.protocol.engine.Connection}, to observe its frames), queues and rejected messages.
 *
 * <p>What it does:
 * <ul>
 *   <li>Connections: TCP, optionally TLS; SASL ANONYMOUS, or PLAIN and SCRAM-SHA-256 against configured
 *       users. Each connection has its own thread (the transport's); whatever one connection does wrong ends
 *       that connection only.</li>
 *   <li>Nodes (2.1): every address is a queue, made on the first attach to it (either direction), holding
 *       messages in memory up to a message count and a byte total ({@link
 *       org.amqpexplorer.protocol.peer.PeerOptions}). A transfer to a full queue gets the rejected outcome
 *       with amqp:resource-limit-exceeded and a description naming the limit; the link stays attached.</li>
 *   <li>Delivery: messages go to the links receiving from a queue as their link-credit allows (2.6.7), in
 *       turn when several compete; drain is honoured (what is there is sent, then the rest of the credit is
 *       given back); a receiver's flow is answered with {@code available}, the queue's depth.</li>
 *   <li>Settlement (2.6.12): the client's settle modes are used. Pre-settled (snd-settle-mode settled): a
 *       message is gone once handed to the engine (at most once). Otherwise it stays acquired until the
 *       client's outcome, and the peer settles when the outcome arrives (at least once); with
 *       rcv-settle-mode second the client settles after that (exactly once). The same holds the other way
 *       for messages clients send: the peer's outcome is sent settled, or unsettled under rcv-settle-mode
 *       second. Messages unsettled when their link, session or connection goes are released back to the
 *       front of their queue.</li>
 *   <li>Outcomes (3.4): accepted removes the message; rejected drops it and tells the observers; released
 *       puts it back at the front as it was (3.4.4: the delivery-count stays); modified puts it back with the
 *       delivery-count raised only when delivery-failed is set, the header's first-acquirer false and its
 *       message-annotations merged (3.4.5), and never again to that link when undeliverable-here is set.
 *       That is the spec's rule, not a simpler "every redelivery counts".</li>
 *   <li>Dynamic nodes (3.5.3, 3.5.4): a source (or target) with dynamic=true gets a new queue with a generated
 *       address, given back in the attach; it is deleted when that link detaches (delete-on-close, 3.5.10),
 *       and links others attached to it are closed with amqp:resource-deleted.</li>
 *   <li>Transactions (4): a link whose target is a coordinator declares and discharges local transactions;
 *       transfers carrying a transactional-state join their queue at commit (room is reserved when they
 *       arrive) and are dropped at rollback; outcomes carrying one take effect at commit, and at rollback the
 *       messages go back to their queues as failed deliveries (delivery-count + 1, so the next receipt is a
 *       redelivery). Transactions still open when their coordinator link or connection goes roll back.</li>
 * </ul>
 *
 * <p>Threads: every engine call for a connection happens on that connection's thread. Queues are shared and
 * locked; a queue never calls into an engine while it holds its lock: it puts a message in a consumer's
 * inbox and posts a "deliver" to the consumer's connection, which sends it if the link still has credit and
 * otherwise gives it back to the front of the queue.
 */
package org.amqpexplorer.protocol.peer;
