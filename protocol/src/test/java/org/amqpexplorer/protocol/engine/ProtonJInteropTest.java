package org.amqpexplorer.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Transport;
import org.junit.jupiter.api.Test;

/**
 * Our engine against Qpid Proton-J's, an independent implementation, joined in memory: every frame either side
 * writes, the other must accept, with small frames and windows so that splitting and flow control are exercised.
 */
class ProtonJInteropTest {

    /** A Proton-J connection endpoint fed and drained by hand. */
    static final class ProtonJ {
        final org.apache.qpid.proton.engine.Connection connection = Proton.connection();
        final Transport transport = Proton.transport();
        final Collector collector = Proton.collector();

        ProtonJ(int maxFrameSize) {
            transport.setMaxFrameSize(maxFrameSize);
            transport.bind(connection);
            connection.collect(collector);
        }

        void feed(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                ByteBuffer tail = transport.tail();
                int n = Math.min(tail.remaining(), bytes.remaining());
                ByteBuffer chunk = bytes.slice(bytes.position(), n);
                tail.put(chunk);
                bytes.position(bytes.position() + n);
                transport.process();
            }
        }

        ByteBuffer takeOutput() {
            int pending = transport.pending();
            if (pending <= 0) {
                return ByteBuffer.allocate(0);
            }
            ByteBuffer head = transport.head();
            ByteBuffer copy = ByteBuffer.allocate(pending);
            copy.put(head.slice(head.position(), pending)).flip();
            transport.pop(pending);
            return copy;
        }
    }

    /** Moves bytes until both are quiet, letting Proton-J's application react to its events in between. */
    private static void pump(Connection ours, ProtonJ theirs, java.util.function.Consumer<Event> application) {
        for (int rounds = 0; rounds < 1_000_000; rounds++) {
            boolean moved = false;
            if (ours.hasOutput()) {
                theirs.feed(ours.takeOutput());
                moved = true;
            }
            Event event;
            while ((event = theirs.collector.peek()) != null) {
                application.accept(event);
                theirs.collector.pop();
            }
            ByteBuffer out = theirs.takeOutput();
            if (out.hasRemaining()) {
                ours.feed(out);
                moved = true;
            }
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("never quiet");
    }

    @Test
    void ourSenderToAProtonJReceiver() {
        Connection ours = Connection.initiator();
        ProtonJ theirs = new ProtonJ(512);
        List<byte[]> received = new ArrayList<>();
        java.util.function.Consumer<Event> broker = event -> {
            switch (event.getType()) {
                case CONNECTION_REMOTE_OPEN -> event.getConnection().open();
                case SESSION_REMOTE_OPEN -> {
                    // Proton-J holds a partial delivery against its window: room for the largest message.
                    event.getSession().setIncomingCapacity(8192);
                    event.getSession().open();
                }
                case LINK_REMOTE_OPEN -> {
                    var link = event.getLink();
                    link.setSource(link.getRemoteSource());
                    link.setTarget(link.getRemoteTarget());
                    link.open();
                    ((org.apache.qpid.proton.engine.Receiver) link).flow(7);
                }
                case DELIVERY -> {
                    // Proton-J's way: read the link's current delivery, and the next, while they are complete.
                    var receiver = (org.apache.qpid.proton.engine.Receiver) event.getDelivery().getLink();
                    var delivery = receiver.current();
                    while (delivery != null && delivery.isReadable() && !delivery.isPartial()) {
                        byte[] bytes = new byte[delivery.pending()];
                        receiver.recv(bytes, 0, bytes.length);
                        received.add(bytes);
                        receiver.advance();
                        delivery.disposition(org.apache.qpid.proton.amqp.messaging.Accepted.getInstance());
                        delivery.settle();
                        delivery = receiver.current();
                    }
                    if (receiver.getCredit() < 3) {
                        receiver.flow(7);
                    }
                }
                default -> {
                }
            }
        };
        ours.open(new Open("ours", null, 1024L, null, null, null, null, null, null, null));
        Session session = ours.session();
        session.begin(new Begin(null, 0xFFFF_FFF0L, 16L, 100L, null, null, null, null));
        Sender sender = session.sender("to-proton-j");
        sender.attach();
        pump(ours, theirs, broker);
        assertEquals(EndpointState.OPENED, sender.state());

        Random random = new Random(7);
        List<byte[]> sent = new ArrayList<>();
        List<OutgoingDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] message = new byte[random.nextInt(i % 7 == 0 ? 3000 : 100)];
            random.nextBytes(message);
            sent.add(message);
            deliveries.add(sender.send(BinaryValue.of(Integer.toString(i).getBytes()), message));
        }
        pump(ours, theirs, broker);

        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), received.get(i), "message " + i);
        }
        for (OutgoingDelivery d : deliveries) {
            assertEquals(Accepted.INSTANCE, d.remoteState());
            assertTrue(d.isSettled() && d.isRemotelySettled());
        }

        ours.close();
        pump(ours, theirs, event -> {
            if (event.getType() == Event.Type.CONNECTION_REMOTE_CLOSE) {
                event.getConnection().close();
            }
        });
        assertEquals(EndpointState.CLOSED, ours.state());
    }

    @Test
    void aProtonJSenderToOurReceiver() {
        Connection ours = Connection.acceptor();
        ProtonJ theirs = new ProtonJ(4096);
        List<byte[]> received = new ArrayList<>();
        ours.handler(new ConnectionHandler() {
            @Override
            public void remoteOpened(Connection connection) {
                connection.open(new Open("ours", null, 600L, null, null, null, null, null, null, null));
            }

            @Override
            public void remoteBegan(Session session) {
                session.begin(new Begin(null, 0L, 4L, 100L, null, null, null, null));
            }

            @Override
            public void remoteAttached(Link link) {
                link.attach();
                ((Receiver) link).flow(5);
            }

            @Override
            public void delivery(IncomingDelivery delivery) {
                if (!delivery.isPartial()) {
                    received.add(delivery.readPayload());
                    delivery.disposition(Accepted.INSTANCE, true);
                    if (delivery.receiver().credit() < 2) {
                        delivery.receiver().flow(5);
                    }
                }
            }
        });
        List<org.apache.qpid.proton.engine.Delivery> outcomes = new ArrayList<>();
        java.util.function.Consumer<Event> client = event -> {
            if (event.getType() == Event.Type.DELIVERY && event.getDelivery().remotelySettled()) {
                outcomes.add(event.getDelivery());
                event.getDelivery().settle();
            }
        };
        theirs.connection.setContainer("proton-j");
        theirs.connection.open();
        var session = theirs.connection.session();
        session.open();
        var sender = session.sender("from-proton-j");
        Target target = new Target();
        target.setAddress("queue");
        sender.setTarget(target);
        sender.setSource(new Source());
        sender.open();

        Random random = new Random(11);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] message = new byte[1 + random.nextInt(i % 5 == 0 ? 2500 : 80)];
            random.nextBytes(message);
            sent.add(message);
            sender.delivery(Integer.toString(i).getBytes());
            sender.send(message, 0, message.length);
            sender.advance();
        }
        pump(ours, theirs, client);

        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), received.get(i), "message " + i);
        }
        assertEquals(sent.size(), outcomes.size());
        for (var d : outcomes) {
            assertTrue(d.getRemoteState() instanceof org.apache.qpid.proton.amqp.messaging.Accepted);
        }
        Session ourSession = ours.sessions().get(0);
        assertEquals(0, ourSession.incoming.bufferedBytes());
    }
}
