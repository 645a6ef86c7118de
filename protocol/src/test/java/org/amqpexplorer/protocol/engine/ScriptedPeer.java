package org.amqpexplorer.protocol.engine;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.apache.qpid.protonj2.test.driver.ProtonTestConnector;

/**
 * Our engine wired, in memory, to the independent scripted peer of ProtonJ2's test driver: our output is its
 * input and its output ours. Nothing is re-entrant: {@link #pump()} moves bytes back and forth until both sides
 * are quiet, so each test step is: script the peer, act on the engine, pump, check.
 */
final class ScriptedPeer implements AutoCloseable {

    final ProtonTestConnector peer;
    final Connection connection;
    final List<EngineEvent> events = new ArrayList<>();
    private final ArrayDeque<ByteBuffer> toEngine = new ArrayDeque<>();

    ScriptedPeer(Connection connection) {
        this.connection = connection;
        this.peer = new ProtonTestConnector(bytes -> {
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
            copy.put(bytes).flip();
            toEngine.add(copy);
        });
        connection.addObserver(events::add, true);
    }

    static ScriptedPeer initiator() {
        return new ScriptedPeer(Connection.initiator(ConnectionOptions.DEFAULT.withClock(() -> 0)));
    }

    static ScriptedPeer initiator(ConnectionOptions options) {
        return new ScriptedPeer(Connection.initiator(options));
    }

    static ScriptedPeer acceptor() {
        return new ScriptedPeer(Connection.acceptor(ConnectionOptions.DEFAULT.withClock(() -> 0)));
    }

    /** Moves bytes both ways until neither side has anything more to say. */
    void pump() {
        for (int rounds = 0; rounds < 100_000; rounds++) {
            boolean moved = false;
            if (connection.hasOutput()) {
                peer.accept(connection.takeOutput());
                moved = true;
            }
            while (!toEngine.isEmpty()) {
                connection.feed(toEngine.poll());
                moved = true;
            }
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the two ends never went quiet");
    }

    /** Pumps, then checks that the peer saw everything it was told to expect. */
    void verify() {
        pump();
        // In memory the peer answers synchronously: an unfinished script will not finish by waiting.
        peer.waitForScriptToComplete(10, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The standard opening: header, open, begin answered by the peer. */
    Session openSession() {
        peer.expectAMQPHeader().respondWithAMQPHeader();
        peer.expectOpen().respond();
        peer.expectBegin().respond();
        connection.open();
        Session session = connection.session();
        session.begin();
        verify();
        return session;
    }

    /** A sender the peer answers and grants this much credit. */
    Sender sender(Session session, String name, long credit) {
        peer.expectAttach().withName(name).respond();
        if (credit > 0) {
            peer.remoteFlow().withDeliveryCount(0).withLinkCredit(credit).queue();
        }
        Sender sender = session.sender(name);
        sender.attach();
        verify();
        return sender;
    }

    /** A receiver the peer answers as sender (initial-delivery-count 0). */
    Receiver receiver(Session session, String name) {
        peer.expectAttach().withName(name).respond().withInitialDeliveryCount(0);
        Receiver receiver = session.receiver(name);
        receiver.attach();
        verify();
        return receiver;
    }

    static BinaryValue tag(int n) {
        return BinaryValue.of(new byte[] {(byte) n});
    }

    static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    <E extends EngineEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        peer.close();
    }
}
