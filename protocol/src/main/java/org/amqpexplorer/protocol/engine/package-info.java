/**
 * The AMQP 1.0 protocol engine (part 2.4-2.8, 3.4): connections, sessions, links and deliveries as state
 * machines, with session flow control (2.5.6), link credit (2.6.7), settlement and error handling. It does no
 * I/O and owns no thread.
 *
 * <p>The door: {@link org.amqpexplorer.protocol.engine.Connection} (one per connection, initiator or acceptor),
 * {@link org.amqpexplorer.protocol.engine.Session}, {@link org.amqpexplorer.protocol.engine.Sender},
 * {@link org.amqpexplorer.protocol.engine.Receiver} and their deliveries; the application answers the peer in a
 * {@link org.amqpexplorer.protocol.engine.ConnectionHandler}; everything the engine does is an
 * {@link org.amqpexplorer.protocol.engine.EngineEvent} for {@link org.amqpexplorer.protocol.engine.EngineObserver}s
 * (none built when nobody observes).
 *
 * <p>Driving it: feed the peer's bytes to {@code Connection.feed}, send what {@code takeOutput} returns (or set an
 * output consumer), and call {@code tick} with the time after reads and at the deadline it returns (heartbeats at
 * half the peer's idle-time-out, our own idle-time-out). The engine starts at the AMQP protocol header: a
 * transport that does SASL first hands over the bytes after the SASL outcome. One thread drives a connection;
 * other threads {@code post} commands, which that thread runs with {@code runPosted}.
 *
 * <p>What the application composes (open, begin, attach, delivery states) is sent as composed, apart from the
 * fields the engine owns: channels and handles, remote-channel, the session windows' current values, a sender's
 * delivery-count and credit. Performatives come from the {@code types} package, frames from {@code frame}.
 *
 * <p>Transactions (part 4) need nothing special: a coordinator is a link target, declare and discharge are
 * messages, declared an outcome, and a transactional-state can go on a delivery's first transfer or in a
 * disposition.
 *
 * <p>Link recovery (2.6.13): {@link org.amqpexplorer.protocol.engine.LinkRecovery} keeps a container's links by
 * name across connections, with {@link org.amqpexplorer.protocol.engine.RecoverableSender} and
 * {@link org.amqpexplorer.protocol.engine.RecoverableReceiver} holding their unsettled deliveries; on each
 * re-attach they exchange unsettled maps and act on every delivery as the cases of 3.4.6 say
 * ({@code Resumption}), so that at-least-once loses nothing across a dropped connection and exactly-once hands
 * nothing to the application twice. Applications with their own store use the same building blocks: the
 * unsettled maps of both attaches, {@code Sender.resume} and {@code IncomingDelivery.isResumed}.
 *
 * <p>Inside: {@code SerialNumber} is the RFC 1982 arithmetic every sequence number goes through;
 * {@code SessionIncomingWindow} and {@code SessionOutgoingWindow} keep the two halves of 2.5.6;
 * {@code SenderCredit} and {@code ReceiverCredit} the two ends of 2.6.7. A peer's protocol error is a
 * {@code ProtocolViolation} thrown where it is found and caught where frames are dispatched, which ends the
 * connection, session or link with the error condition the spec names.
 */
package org.amqpexplorer.protocol.engine;
