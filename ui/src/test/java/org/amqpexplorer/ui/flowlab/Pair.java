package org.amqpexplorer.ui.flowlab;

import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionOptions;
import org.amqpexplorer.protocol.engine.EngineObserver;

/** Two engines talking in memory, the bytes shuttled by hand; the client is observed (with raw bytes). */
final class Pair {
    final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    final Connection client = Connection.initiator(ConnectionOptions.DEFAULT.withClock(clock::get));
    final Connection peer = Connection.acceptor(ConnectionOptions.DEFAULT.withClock(clock::get));

    Pair(EngineObserver... observers) {
        for (EngineObserver o : observers) client.addObserver(o, true);
    }

    /** Moves bytes both ways until neither has any. */
    void shuttle() {
        while (client.hasOutput() || peer.hasOutput()) {
            if (client.hasOutput()) peer.feed(client.takeOutput());
            if (peer.hasOutput()) client.feed(peer.takeOutput());
        }
    }

    /** Only the client's bytes go to the peer (the peer's stay with it, as if held). */
    void clientToPeer() {
        while (client.hasOutput()) peer.feed(client.takeOutput());
    }

    /** Only the peer's bytes go to the client. */
    void peerToClient() {
        while (peer.hasOutput()) client.feed(peer.takeOutput());
    }
}
