package org.amqpexplorer.ui.trace;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.ConnectionOptions;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * A real conversation between two engines in memory: open, begin, a sender attached to "orders", credit from the
 * peer, three messages, their dispositions, then detach, end and close. The initiator's frames go to the sink
 * through {@link EngineTrace}, with raw bytes.
 */
final class EngineExchange {
    private EngineExchange() {
    }

    static void run(String connectionName, int messages, Consumer<TraceFrame> sink) {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        Connection client = Connection.initiator(ConnectionOptions.DEFAULT.withClock(() -> clock.addAndGet(3)));
        Connection peer = Connection.acceptor(ConnectionOptions.DEFAULT.withClock(clock::get));
        client.addObserver(EngineTrace.observer(connectionName, sink), true);
        peer.handler(new ConnectionHandler() {
            @Override
            public void remoteAttached(Link link) {
                if (link instanceof Receiver r) r.flow(100);
            }

            @Override
            public void delivery(IncomingDelivery d) {
                if (!d.isPartial()) d.disposition(new Accepted(), true);
            }
        });
        client.open(new Open("amqp-explorer", "localhost", 65536L, 255, 60_000L, null, null, null,
                java.util.List.of("ANONYMOUS-RELAY"), null));
        shuttle(client, peer);
        Session session = client.session();
        session.begin();
        shuttle(client, peer);
        Sender sender = session.sender(new Attach("orders-sender", 0L, Role.SENDER, null, null, Source.of("explorer"),
                new Target(new StringValue("orders"), null, null, null, null, null, null), null, null, null, null,
                null, null, null));
        sender.attach();
        shuttle(client, peer);
        for (int i = 0; i < messages; i++) {
            byte[] message = TypedJson.readMessage("{\"properties\": {\"messageId\": {\"ulong\": " + i
                    + "}, \"to\": \"orders\"}, \"applicationProperties\": {\"count\": {\"int\": " + i
                    + "}}, \"body\": {\"amqpValue\": \"order " + i + "\"}}").toBytes();
            sender.send(BinaryValue.of(("tag-" + i).getBytes(StandardCharsets.US_ASCII)), message);
            shuttle(client, peer);
        }
        sender.close();
        shuttle(client, peer);
        session.end();
        shuttle(client, peer);
        client.close();
        shuttle(client, peer);
    }

    private static void shuttle(Connection a, Connection b) {
        while (a.hasOutput() || b.hasOutput()) {
            if (a.hasOutput()) b.feed(a.takeOutput());
            if (b.hasOutput()) a.feed(b.takeOutput());
        }
    }
}
