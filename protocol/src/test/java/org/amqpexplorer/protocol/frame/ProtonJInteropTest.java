package org.amqpexplorer.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UShortValue;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.EmptyFrame;
import org.apache.qpid.proton.amqp.transport.Open;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.impl.ProtocolTracer;
import org.apache.qpid.proton.engine.impl.TransportImpl;
import org.apache.qpid.proton.framing.TransportFrame;
import org.junit.jupiter.api.Test;

/** Frames checked against Qpid Proton-J's transport, in both directions. */
class ProtonJInteropTest {

    // performatives of 2.7 as generic described values, fields in the order of transport.xml

    static DescribedValue open(String containerId, long maxFrameSize, long idleTimeout) {
        return performative(0x10, new StringValue(containerId), NullValue.NULL, new UIntValue(maxFrameSize),
                NullValue.NULL, new UIntValue(idleTimeout));
    }

    static DescribedValue begin(Integer remoteChannel) {
        return performative(0x11, remoteChannel == null ? NullValue.NULL : new UShortValue(remoteChannel),
                new UIntValue(0), new UIntValue(100), new UIntValue(100));
    }

    static DescribedValue attach(String name, boolean receiver) {
        DescribedValue source = new DescribedValue(new ULongValue(0x28), ListValue.of(new StringValue("src")));
        DescribedValue target = new DescribedValue(new ULongValue(0x29), ListValue.of(new StringValue("tgt")));
        return performative(0x12, new StringValue(name), new UIntValue(0), BooleanValue.of(receiver), NullValue.NULL,
                NullValue.NULL, source, target, NullValue.NULL, NullValue.NULL,
                receiver ? NullValue.NULL : new UIntValue(0));
    }

    static DescribedValue flow(long credit) {
        return performative(0x13, new UIntValue(0), new UIntValue(100), new UIntValue(0), new UIntValue(100),
                new UIntValue(0), new UIntValue(0), new UIntValue(credit));
    }

    private static DescribedValue performative(long code, AmqpValue... fields) {
        return new DescribedValue(new ULongValue(code), ListValue.of(fields));
    }

    static byte[] payload(int length) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) p[i] = (byte) (i * 13 + 1);
        return p;
    }

    private static void feed(Transport transport, byte[] bytes) {
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(transport.capacity(), bytes.length - at);
            assertTrue(n > 0, "proton-j stopped reading");
            transport.tail().put(bytes, at, n);
            transport.process();
            at += n;
        }
    }

    private static byte[] drain(Transport transport) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (transport.pending() > 0) {
            ByteBuffer head = transport.head();
            byte[] b = new byte[head.remaining()];
            head.get(b);
            out.writeBytes(b);
            transport.pop(b.length);
        }
        return out.toByteArray();
    }

    private static List<TransportFrame> traceReceived(Transport transport) {
        List<TransportFrame> received = new ArrayList<>();
        ((TransportImpl) transport).setProtocolTracer(new ProtocolTracer() {
            @Override
            public void receivedFrame(TransportFrame frame) {
                received.add(frame);
            }

            @Override
            public void sentFrame(TransportFrame frame) {
            }
        });
        return received;
    }

    @Test
    void protonJReadsOurFramesAndReassemblesASplitDelivery() {
        Transport transport = Transport.Factory.create();
        Connection connection = Connection.Factory.create();
        transport.bind(connection);
        List<TransportFrame> received = traceReceived(transport);

        byte[] message = payload(2000);
        Encoder out = new Encoder();
        FrameWriter writer = new FrameWriter(512);
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        writer.writeFrame(out, FrameType.AMQP, 0, open("ours", 512, 0));
        writer.writeFrame(out, FrameType.AMQP, 0, begin(null));
        writer.writeFrame(out, FrameType.AMQP, 0, attach("link", false));
        TransferFrames transfers = new TransferFrames(writer, 0, (first, more) -> RawFrames.transfer(0, first, more),
                message, 0, message.length);
        int transferFrames = 0;
        while (transfers.hasNext()) {
            transfers.writeNext(out);
            transferFrames++;
        }
        writer.writeEmptyFrame(out, 0);
        feed(transport, out.toByteArray());

        assertEquals("ours", connection.getRemoteContainer());
        assertEquals(EndpointState.ACTIVE, connection.getRemoteState());
        assertTrue(transferFrames >= 4);
        assertEquals(3 + transferFrames + 1, received.size());
        Open open = assertInstanceOf(Open.class, received.get(0).getBody());
        assertEquals(512, open.getMaxFrameSize().intValue());
        int total = 0;
        for (int i = 0; i < transferFrames; i++) {
            Transfer t = assertInstanceOf(Transfer.class, received.get(3 + i).getBody());
            assertEquals(i < transferFrames - 1, t.getMore());
            total += received.get(3 + i).getPayload().getLength();
        }
        assertEquals(message.length, total);
        assertInstanceOf(EmptyFrame.class, received.get(received.size() - 1).getBody());

        Receiver receiver = (Receiver) connection.linkHead(null, null);
        Delivery delivery = receiver.current();
        assertNotNull(delivery);
        assertFalse(delivery.isPartial());
        byte[] got = new byte[delivery.pending()];
        receiver.recv(got, 0, got.length);
        assertArrayEquals(message, got);
    }

    @Test
    void weReadProtonJFramesIncludingItsSplitDeliveryAndHeartbeats() {
        Transport transport = Transport.Factory.create();
        Connection connection = Connection.Factory.create();
        transport.bind(connection);
        connection.setContainer("theirs");
        connection.setHostname("example.org");
        connection.open();
        Session session = connection.session();
        session.open();
        Sender sender = session.sender("s");
        sender.setTarget(new Target());
        sender.open();

        RawFrames.Recorder ours = new RawFrames.Recorder();
        FrameDecoder decoder = new FrameDecoder(ours, DescribedTypes.NONE, 512);
        byte[] first = drain(transport);
        decoder.feed(first, 0, first.length);
        assertSame(ProtocolHeader.AMQP, ours.events.get(0));
        List<Frame> frames = ours.frames();
        assertEquals(3, frames.size());
        DescribedValue theirOpen = (DescribedValue) frames.get(0).body();
        assertEquals(new ULongValue(0x10), theirOpen.descriptor());
        ListValue openFields = (ListValue) theirOpen.described();
        assertEquals(new StringValue("theirs"), openFields.get(0));
        assertEquals(new StringValue("example.org"), openFields.get(1));
        assertEquals(new ULongValue(0x11), frames.get(1).body().descriptor());
        assertEquals(new ULongValue(0x12), frames.get(2).body().descriptor());

        // our side of the conversation: a 512-byte max-frame-size makes proton-j split the message
        Encoder out = new Encoder();
        FrameWriter writer = new FrameWriter();
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        writer.writeFrame(out, FrameType.AMQP, 0, open("ours", 512, 1000));
        writer.writeFrame(out, FrameType.AMQP, 0, begin(0));
        writer.writeFrame(out, FrameType.AMQP, 0, attach("s", true));
        writer.writeFrame(out, FrameType.AMQP, 0, flow(10));
        feed(transport, out.toByteArray());
        assertEquals(10, sender.getCredit());

        byte[] message = payload(3000);
        sender.delivery(new byte[] {1});
        assertEquals(message.length, sender.send(message, 0, message.length));
        sender.advance();
        byte[] transfers = drain(transport);
        ours.events.clear();
        decoder.feed(transfers, 0, transfers.length);
        List<Frame> split = ours.frames();
        assertTrue(split.size() >= 6, "frames: " + split.size());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < split.size(); i++) {
            Frame f = split.get(i);
            assertTrue(f.size() <= 512);
            assertEquals(new ULongValue(0x14), f.body().descriptor());
            ListValue fields = (ListValue) f.body().described();
            boolean more = fields.size() > 5 && fields.get(5).equals(BooleanValue.TRUE);
            assertEquals(i < split.size() - 1, more, "more on frame " + i);
            byte[] p = new byte[f.payloadSize()];
            f.payload().get(p);
            joined.writeBytes(p);
        }
        assertArrayEquals(message, joined.toByteArray());

        // 2.4.5: proton-j keeps our 1000 ms idle-time-out by sending an empty frame within half of it
        transport.tick(10_000);
        assertEquals(0, drain(transport).length);
        transport.tick(10_600);
        byte[] heartbeat = drain(transport);
        ours.events.clear();
        decoder.feed(heartbeat, 0, heartbeat.length);
        assertEquals(1, ours.frames().size());
        assertTrue(ours.frames().get(0).isEmpty());
        assertNull(ours.frames().get(0).body());
    }
}
