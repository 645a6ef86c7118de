package org.amqpexplorer.protocol.peer;

import static org.amqpexplorer.protocol.peer.TestClient.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.End;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Transfer;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile input against a running peer. Each attack gets the answer the spec names and ends its own
 * connection; between attacks a Qpid JMS connection that stays open throughout, and a fresh connection of our
 * own client, still send and receive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerHostileInputTest {

    private static final byte[] AMQP = ProtocolHeader.AMQP.toByteArray();

    private Peer peer;
    private jakarta.jms.Connection jms;
    private MessageProducer jmsProducer;
    private MessageConsumer jmsConsumer;
    private Session jmsSession;
    private int rounds;

    @BeforeAll
    void start() throws Exception {
        peer = Peer.start(PeerOptions.DEFAULT.withPort(0).withHandshakeTimeout(Duration.ofSeconds(1)));
        jms = new JmsConnectionFactory("amqp://127.0.0.1:" + peer.port() + "?transport.useEpoll=false").createConnection();
        jms.start();
        jmsSession = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        jmsProducer = jmsSession.createProducer(jmsSession.createQueue("survivor"));
        jmsConsumer = jmsSession.createConsumer(jmsSession.createQueue("survivor"));
    }

    @AfterAll
    void stop() throws Exception {
        jms.close();
        peer.close();
    }

    /** After every attack: the long-lived JMS connection and a new connection of ours both still work. */
    @AfterEach
    void peerStillServes() throws Exception {
        String text = "still here " + rounds++;
        jmsProducer.send(jmsSession.createTextMessage(text));
        assertEquals(text, ((TextMessage) jmsConsumer.receive(5000)).getText());
        try (TestClient c = TestClient.connect(peer)) {
            Sender s = c.sender("fresh");
            OutgoingDelivery d = c.send(s, message(text));
            c.until(() -> d.remoteState() instanceof Accepted, "a new client's message is accepted");
            Receiver r = c.receiver("fresh");
            c.flow(r, 1);
            TestClient.Received got = c.next(r);
            assertEquals(text, got.text());
            c.settle(got, Accepted.INSTANCE);
        }
        long end = System.currentTimeMillis() + 5000;
        while (peer.connectionCount() > 1 && System.currentTimeMillis() < end) Thread.sleep(5);
        assertEquals(1, peer.connectionCount(), "only the JMS connection is left: every attacker's is gone");
    }

    // ---- what the attacker sees

    /** The peer's answer: its protocol header (if any) and the frames after it, up to the end of the stream. */
    private record Reply(byte[] header, List<Described> frames, boolean closed) {
        ErrorCondition closeError() {
            for (Described d : frames) if (d instanceof Close c) return c.error();
            throw new AssertionError("no close in " + frames);
        }
    }

    private Reply attack(byte[] bytes) throws IOException {
        return attack(bytes, f -> false);
    }

    /** Sends the bytes, then reads until the peer closes the socket, or until a frame matches {@code enough}. */
    private Reply attack(byte[] bytes, Predicate<Described> enough) throws IOException {
        try (Socket s = new Socket("127.0.0.1", peer.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            byte[] header = null;
            List<Described> frames = new ArrayList<>();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            boolean closed = false;
            try {
                while (true) {
                    int n = in.read(buf);
                    if (n < 0) {
                        closed = true;
                        break;
                    }
                    got.write(buf, 0, n);
                    if (header == null && got.size() >= 8) header = Arrays.copyOf(got.toByteArray(), 8);
                    frames = frames(got.toByteArray());
                    if (frames.stream().anyMatch(enough)) break;
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the peer neither closed nor answered within 5 s; got " + frames, e);
            }
            return new Reply(header, frames(got.toByteArray()), closed);
        }
    }

    private static List<Described> frames(byte[] bytes) {
        List<Described> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
            }

            @Override
            public void frame(Frame frame) {
                if (frame.body() != null) frames.add(frame.body());
            }
        }, CompositeTypes.DESCRIBED_TYPES, FrameDecoder.LARGEST_MAX_FRAME_SIZE);
        decoder.feed(bytes, 0, bytes.length);
        return frames;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Encoder e = new Encoder();
        FrameWriter writer = new FrameWriter(64 * 1024);
        for (Object p : parts) {
            if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                e.reset();
                writer.writeFrame(e, FrameType.AMQP, 0, (Described) p);
                out.writeBytes(e.toByteArray());
            }
        }
        return out.toByteArray();
    }

    /** A frame on channel 0 with this body, laid out by hand. */
    private static byte[] rawFrame(byte[] body) {
        int size = 8 + body.length;
        byte[] f = new byte[size];
        f[0] = (byte) (size >>> 24);
        f[1] = (byte) (size >>> 16);
        f[2] = (byte) (size >>> 8);
        f[3] = (byte) size;
        f[4] = 2;
        System.arraycopy(body, 0, f, 8, body.length);
        return f;
    }

    private static final Open OPEN = new Open("attacker");
    private static final Begin BEGIN = new Begin(null, 0L, 100L, 100L, null, null, null, null);

    // ---- the attacks

    @Test
    void anHttpRequestIsAnsweredWithOurHeaderAndClosed() throws Exception {
        Reply r = attack("GET / HTTP/1.1\r\nHost: peer\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(AMQP, r.header());
        assertTrue(r.frames().isEmpty());
        assertTrue(r.closed());
    }

    @Test
    void anotherProtocolVersionIsAnsweredWithOursAndClosed() throws Exception {
        Reply r = attack(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
        assertArrayEquals(AMQP, r.header(), "2.2: the header we support");
        assertTrue(r.frames().isEmpty());
        assertTrue(r.closed());
    }

    @Test
    void aFrameClaimingFourGibibytesIsAFramingError() throws Exception {
        Reply r = attack(bytes(AMQP, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 2, 0, 0, 0}));
        assertArrayEquals(AMQP, r.header());
        assertEquals(ErrorCondition.CONNECTION_FRAMING_ERROR, r.closeError().condition());
        assertTrue(r.closed());
    }

    @Test
    void randomBytesAfterTheHeaderEndTheConnection() throws Exception {
        byte[] noise = new byte[256];
        new Random(42).nextBytes(noise);
        noise[0] = 0x7F; // a size far above the 64 KiB read before our open: a framing error, whatever follows
        Reply r = attack(bytes(AMQP, noise));
        assertEquals(ErrorCondition.CONNECTION_FRAMING_ERROR, r.closeError().condition());
        assertTrue(r.closed());
    }

    @Test
    void randomBytesInsteadOfAHeaderAreAnsweredWithOurHeader() throws Exception {
        byte[] noise = new byte[256];
        new Random(7).nextBytes(noise);
        noise[0] = 'X';
        Reply r = attack(noise);
        assertArrayEquals(AMQP, r.header());
        assertTrue(r.closed());
    }

    @Test
    void aTruncatedPerformativeIsADecodeError() throws Exception {
        // open (0x10) as a list8 that claims 32 bytes and 5 fields, of which the frame holds one.
        byte[] body = {0x00, 0x53, 0x10, (byte) 0xC0, 0x20, 0x05, (byte) 0xA1, 0x01, 'c'};
        Reply r = attack(bytes(AMQP, rawFrame(body)));
        assertEquals(ErrorCondition.DECODE_ERROR, r.closeError().condition());
        assertTrue(r.closed());
    }

    @Test
    void deeplyNestedValuesAreADecodeError() throws Exception {
        AmqpValue nested = new StringValue("bottom");
        for (int i = 0; i < 1000; i++) nested = new ListValue(List.of(nested));
        Described open = new DescribedValue(new ULongValue(0x10), new ListValue(List.of(new StringValue("c"), nested)));
        Reply r = attack(bytes(AMQP, open));
        ErrorCondition error = r.closeError();
        assertEquals(ErrorCondition.DECODE_ERROR, error.condition());
        assertTrue(error.description().contains("nest"), error.description());
        assertTrue(r.closed());
    }

    @Test
    void aBeginBeforeTheOpenIsAnIllegalState() throws Exception {
        Reply r = attack(bytes(AMQP, BEGIN));
        assertEquals(ErrorCondition.ILLEGAL_STATE, r.closeError().condition());
        assertTrue(r.closed());
    }

    @Test
    void aSecondOpenIsAnIllegalState() throws Exception {
        Reply r = attack(bytes(AMQP, OPEN, OPEN));
        assertEquals(ErrorCondition.ILLEGAL_STATE, r.closeError().condition());
        assertTrue(r.closed());
    }

    @Test
    void aFrameOnAChannelWithoutASessionIsAFramingError() throws Exception {
        Reply r = attack(bytes(AMQP, OPEN, new End(null)));
        assertEquals(ErrorCondition.CONNECTION_FRAMING_ERROR, r.closeError().condition());
        assertTrue(r.closed());
    }

    @Test
    void aTransferOnAnUnattachedHandleEndsOnlyTheSession() throws Exception {
        Transfer stray = new Transfer(7L, 0L, BinaryValue.of(new byte[] {1}), 0L, true, null, null, null, null, null, null);
        Reply r = attack(bytes(AMQP, OPEN, BEGIN, stray), f -> f instanceof End);
        End end = (End) r.frames().stream().filter(f -> f instanceof End).findFirst().orElseThrow();
        assertEquals(ErrorCondition.SESSION_UNATTACHED_HANDLE, end.error().condition());
        assertTrue(r.frames().stream().noneMatch(f -> f instanceof Close), "the connection is still open");
        assertInstanceOf(Open.class, r.frames().get(0));
    }

    @Test
    void aClientThatSendsNoHeaderIsDroppedAfterTheHandshakeTimeout() throws Exception {
        long start = System.nanoTime();
        Reply r = attack(new byte[] {'A', 'M'});
        assertNull(r.header(), "nothing to answer");
        assertTrue(r.closed());
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took >= 900 && took < 4000, "dropped after about the 1 s handshake timeout: " + took + " ms");
        assertNotNull(peer);
    }
}
