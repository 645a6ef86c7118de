package org.amqpexplorer.protocol.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interop: Qpid JMS (an AMQP 1.0 client we did not write) sends and receives through the built-in peer. */
class PeerJmsTest {

    private static final long RECEIVE = 5000;
    private static final long NOTHING = 300;

    private Peer peer;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        peer = Peer.start(PeerOptions.DEFAULT.withPort(0));
    }

    @AfterEach
    void stop() throws Exception {
        for (Connection c : connections) c.close();
        peer.close();
    }

    private JmsConnectionFactory factory(Peer p) {
        // NIO rather than the native transport: nothing here depends on the platform.
        return new JmsConnectionFactory("amqp://127.0.0.1:" + p.port() + "?transport.useEpoll=false");
    }

    private Connection connect() throws Exception {
        Connection c = factory(peer).createConnection();
        connections.add(c);
        c.start();
        return c;
    }

    private void awaitQueue(String address, int depth, long unsettled) throws InterruptedException {
        long end = System.currentTimeMillis() + RECEIVE;
        QueueSnapshot q = null;
        while (System.currentTimeMillis() < end) {
            q = peer.queues().stream().filter(s -> s.address().equals(address)).findFirst().orElse(null);
            if (q != null && q.depth() == depth && q.unsettled() == unsettled) return;
            Thread.sleep(5);
        }
        throw new AssertionError(address + " did not reach depth " + depth + ", unsettled " + unsettled + ": " + q);
    }

    private static String text(Message m) throws Exception {
        assertNotNull(m, "a message");
        return ((TextMessage) m).getText();
    }

    @Test
    void aQueueCarriesEveryMessageInOrderAndEverythingIsSettled() throws Exception {
        Connection c = connect();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("jms-orders");
        MessageProducer producer = session.createProducer(queue);
        int n = 100;
        for (int i = 0; i < n; i++) producer.send(session.createTextMessage("order " + i));
        awaitQueue("jms-orders", n, 0);
        MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < n; i++) assertEquals("order " + i, text(consumer.receive(RECEIVE)));
        assertNull(consumer.receive(NOTHING));
        awaitQueue("jms-orders", 0, 0);
    }

    @Test
    void competingConsumersTakeTurns() throws Exception {
        Connection c = connect();
        Session s1 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session sp = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer first = s1.createConsumer(s1.createQueue("jms-shared"));
        MessageConsumer second = s2.createConsumer(s2.createQueue("jms-shared"));
        MessageProducer producer = sp.createProducer(sp.createQueue("jms-shared"));
        for (int i = 0; i < 20; i++) producer.send(sp.createTextMessage(Integer.toString(i)));
        for (int i = 0; i < 10; i++) {
            assertEquals(Integer.toString(2 * i), text(first.receive(RECEIVE)));
            assertEquals(Integer.toString(2 * i + 1), text(second.receive(RECEIVE)));
        }
        assertNull(first.receive(NOTHING));
        assertNull(second.receive(NOTHING));
        awaitQueue("jms-shared", 0, 0);
    }

    @Test
    void aTemporaryQueueIsADynamicNodeThatGoesWhenDeleted() throws Exception {
        Connection c = connect();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temp = session.createTemporaryQueue();
        String address = temp.getQueueName();
        QueueSnapshot made = peer.queues().stream().filter(q -> q.address().equals(address)).findFirst().orElseThrow();
        assertTrue(made.dynamic());
        MessageConsumer consumer = session.createConsumer(temp);
        session.createProducer(temp).send(session.createTextMessage("reply"));
        assertEquals("reply", text(consumer.receive(RECEIVE)));
        consumer.close();
        temp.delete();
        long end = System.currentTimeMillis() + RECEIVE;
        while (System.currentTimeMillis() < end && peer.queues().stream().anyMatch(q -> q.address().equals(address))) {
            Thread.sleep(5);
        }
        assertFalse(peer.queues().stream().anyMatch(q -> q.address().equals(address)), "deleted with its link");
    }

    @Test
    void aCommitMakesTransactionalSendsVisible() throws Exception {
        Connection c = connect();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = tx.createProducer(tx.createQueue("jms-tx"));
        MessageConsumer consumer = plain.createConsumer(plain.createQueue("jms-tx"));
        for (int i = 0; i < 3; i++) producer.send(tx.createTextMessage("tx " + i));
        assertNull(consumer.receive(NOTHING), "nothing before the commit");
        tx.commit();
        for (int i = 0; i < 3; i++) assertEquals("tx " + i, text(consumer.receive(RECEIVE)));
    }

    @Test
    void aRollbackDiscardsTransactionalSends() throws Exception {
        Connection c = connect();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = tx.createProducer(tx.createQueue("jms-rolled"));
        producer.send(tx.createTextMessage("never"));
        producer.send(tx.createTextMessage("never either"));
        tx.rollback();
        producer.send(tx.createTextMessage("kept"));
        tx.commit();
        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = plain.createConsumer(plain.createQueue("jms-rolled"));
        assertEquals("kept", text(consumer.receive(RECEIVE)));
        assertNull(consumer.receive(NOTHING));
    }

    @Test
    void aRollbackRedeliversReceivedMessagesAsRedelivered() throws Exception {
        Connection c = connect();
        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = plain.createProducer(plain.createQueue("jms-redeliver"));
        producer.send(plain.createTextMessage("a"));
        producer.send(plain.createTextMessage("b"));
        awaitQueue("jms-redeliver", 2, 0);

        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = tx.createConsumer(tx.createQueue("jms-redeliver"));
        Message a = consumer.receive(RECEIVE);
        Message b = consumer.receive(RECEIVE);
        assertEquals(List.of("a", "b"), List.of(text(a), text(b)));
        assertFalse(a.getJMSRedelivered());
        tx.rollback();

        Message again = consumer.receive(RECEIVE);
        Message bAgain = consumer.receive(RECEIVE);
        assertEquals(List.of("a", "b"), List.of(text(again), text(bAgain)));
        assertTrue(again.getJMSRedelivered());
        assertTrue(bAgain.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        tx.commit();
        awaitQueue("jms-redeliver", 0, 0);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneWorks() throws Exception {
        try (Peer secured = Peer.start(PeerOptions.DEFAULT.withPort(0).withUsers(SaslUsers.of(Map.of("alice", "secret"))))) {
            JmsConnectionFactory f = factory(secured);
            assertThrows(JMSSecurityException.class, () -> {
                try (Connection c = f.createConnection("alice", "guess")) {
                    c.start();
                }
            });
            try (Connection c = f.createConnection("alice", "secret")) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                s.createProducer(s.createQueue("secured")).send(s.createTextMessage("hi"));
                assertEquals("hi", text(s.createConsumer(s.createQueue("secured")).receive(RECEIVE)));
            }
        }
    }
}
