package org.amqpexplorer.protocol.frame;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.apache.qpid.protonj2.test.driver.AMQPTestDriver;
import org.apache.qpid.protonj2.test.driver.codec.primitives.Binary;
import org.apache.qpid.protonj2.test.driver.codec.primitives.Symbol;
import org.apache.qpid.protonj2.test.driver.codec.primitives.UnsignedByte;
import org.apache.qpid.protonj2.test.driver.codec.primitives.UnsignedInteger;
import org.apache.qpid.protonj2.test.driver.codec.security.SaslMechanisms;
import org.apache.qpid.protonj2.test.driver.codec.security.SaslOutcome;
import org.apache.qpid.protonj2.test.driver.codec.transport.AMQPHeader;
import org.apache.qpid.protonj2.test.driver.codec.transport.Open;
import org.apache.qpid.protonj2.test.driver.codec.transport.Transfer;
import org.apache.qpid.protonj2.test.driver.expectations.AMQPHeaderExpectation;
import org.apache.qpid.protonj2.test.driver.expectations.AttachExpectation;
import org.apache.qpid.protonj2.test.driver.expectations.BeginExpectation;
import org.apache.qpid.protonj2.test.driver.expectations.EmptyFrameExpectation;
import org.apache.qpid.protonj2.test.driver.expectations.OpenExpectation;
import org.apache.qpid.protonj2.test.driver.expectations.SaslInitExpectation;
import org.apache.qpid.protonj2.test.driver.expectations.TransferExpectation;
import org.junit.jupiter.api.Test;

/** Frames checked against the frame encoder and parser of the ProtonJ2 test driver, in both directions. */
class TestDriverInteropTest {

    private final List<byte[]> driverOutput = new ArrayList<>();
    private final List<AssertionError> driverFailures = new ArrayList<>();
    private final AMQPTestDriver driver = new AMQPTestDriver("frame-interop", buffer -> {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        driverOutput.add(b);
    }, driverFailures::add, () -> null);

    private byte[] driverBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        driverOutput.forEach(all::writeBytes);
        driverOutput.clear();
        return all.toByteArray();
    }

    /** The driver writes some descriptors as symbols and some as codes (1.5 allows either); this one as a code. */
    private static final ULongValue SASL_OUTCOME = new ULongValue(0x44);

    @Test
    void weReadTheDriversSaslThenAmqpFrames() {
        byte[] payload = ProtonJInteropTest.payload(300);
        driver.sendHeader(AMQPHeader.getSASLHeader());
        driver.sendSaslFrame(0, new SaslMechanisms().setSaslServerMechanisms(Symbol.valueOf("PLAIN"), Symbol.valueOf("ANONYMOUS")));
        driver.sendSaslFrame(0, new SaslOutcome().setCode(UnsignedByte.valueOf((byte) 0)));
        driver.sendHeader(AMQPHeader.getAMQPHeader());
        driver.sendAMQPFrame(0, new Open().setContainerId("driver").setMaxFrameSize(UnsignedInteger.valueOf(4096)), null);
        driver.sendAMQPFrame(3, new Transfer().setHandle(UnsignedInteger.valueOf(2)).setDeliveryId(UnsignedInteger.valueOf(9))
                .setDeliveryTag(new Binary(new byte[] {5})).setMore(false),
                ByteBuffer.wrap(payload));
        driver.sendEmptyFrame(0);
        byte[] stream = driverBytes();

        RawFrames.Recorder recorder = new RawFrames.Recorder();
        FrameDecoder[] decoder = new FrameDecoder[1];
        decoder[0] = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
                recorder.header(header);
            }

            @Override
            public void frame(Frame frame) {
                recorder.frame(frame);
                if (!frame.isEmpty() && SASL_OUTCOME.equals(frame.body().descriptor())) decoder[0].expectHeader();
            }
        }, DescribedTypes.NONE, 4096);
        for (byte b : stream) decoder[0].feed(new byte[] {b}, 0, 1);

        List<Frame> frames = recorder.frames();
        assertEquals(List.of(ProtocolHeader.SASL, frames.get(0), frames.get(1), ProtocolHeader.AMQP, frames.get(2),
                frames.get(3), frames.get(4)), recorder.events);
        assertEquals(FrameType.SASL, frames.get(0).type());
        assertEquals(new SymbolValue("amqp:sasl-mechanisms:list"), frames.get(0).body().descriptor());
        assertEquals(ListValue.of(new ArrayValue(AmqpType.SYMBOL,
                null, List.of(new SymbolValue("PLAIN"), new SymbolValue("ANONYMOUS")))), frames.get(0).body().described());
        assertEquals(new DescribedValue(SASL_OUTCOME, ListValue.of(new UByteValue(0))), frames.get(1).body());

        assertEquals(new SymbolValue("amqp:open:list"), frames.get(2).body().descriptor());
        assertEquals(new StringValue("driver"), ((ListValue) frames.get(2).body().described()).get(0));
        Frame transfer = frames.get(3);
        assertEquals(3, transfer.channel());
        ListValue fields = (ListValue) transfer.body().described();
        assertEquals(new UIntValue(2), fields.get(0));
        assertEquals(new UIntValue(9), fields.get(1));
        assertEquals(BinaryValue.of(new byte[] {5}), fields.get(2));
        assertEquals(ByteBuffer.wrap(payload), transfer.payload());
        assertTrue(frames.get(4).isEmpty());
        assertNull(frames.get(4).body());
        assertNull(decoder[0].failure());
    }

    @Test
    void theDriverReadsOurSaslAndAmqpFramesAndSplitDelivery() {
        byte[] message = ProtonJInteropTest.payload(1500);
        FrameWriter writer = new FrameWriter(512);
        Encoder sasl = new Encoder();
        FrameWriter.writeHeader(sasl, ProtocolHeader.SASL);
        writer.writeFrame(sasl, FrameType.SASL, 0, new DescribedValue(new ULongValue(0x41),
                ListValue.of(new SymbolValue("ANONYMOUS"), BinaryValue.of(new byte[] {'h', 'i'}))));

        Encoder amqp = new Encoder();
        FrameWriter.writeHeader(amqp, ProtocolHeader.AMQP);
        writer.writeFrame(amqp, FrameType.AMQP, 0, ProtonJInteropTest.open("ours", 512, 0));
        writer.writeFrame(amqp, FrameType.AMQP, 0, ProtonJInteropTest.begin(null));
        writer.writeFrame(amqp, FrameType.AMQP, 0, ProtonJInteropTest.attach("link", false));
        TransferFrames transfers = new TransferFrames(writer, 0, (first, more) -> RawFrames.transfer(0, first, more),
                message, 0, message.length);
        List<Integer> sizes = new ArrayList<>();
        while (transfers.hasNext()) sizes.add(transfers.writeNext(amqp));
        writer.writeEmptyFrame(amqp, 0);

        driver.addScriptedElement(new AMQPHeaderExpectation(AMQPHeader.getSASLHeader(), driver));
        driver.addScriptedElement(new SaslInitExpectation(driver).withMechanism("ANONYMOUS").withInitialResponse(new byte[] {'h', 'i'}));
        driver.accept(ByteBuffer.wrap(sasl.toByteArray()));
        driver.resetToExpectingAMQPHeader();

        driver.addScriptedElement(new AMQPHeaderExpectation(AMQPHeader.getAMQPHeader(), driver));
        driver.addScriptedElement(new OpenExpectation(driver).withContainerId("ours").withMaxFrameSize(512));
        driver.addScriptedElement(new BeginExpectation(driver));
        driver.addScriptedElement(new AttachExpectation(driver).withName("link").withHandle(0));
        int offset = 0;
        for (int i = 0; i < sizes.size(); i++) {
            boolean last = i == sizes.size() - 1;
            int chunk = last ? message.length - offset : sizes.get(i) - 8 - Encoder.encode(RawFrames.transfer(0, i == 0, true)).length;
            byte[] expected = Arrays.copyOfRange(message, offset, offset + chunk);
            offset += chunk;
            driver.addScriptedElement(new TransferExpectation(driver).withHandle(0).withMore(last ? anyOf(nullValue(), is(false)) : is(true)).withPayload(expected));
        }
        driver.addScriptedElement(new EmptyFrameExpectation(driver));
        byte[] bytes = amqp.toByteArray();
        for (int at = 0; at < bytes.length; at += 97) driver.accept(ByteBuffer.wrap(bytes, at, Math.min(97, bytes.length - at)));

        assertEquals(List.of(), driverFailures);
        driver.waitForScriptToComplete();
        assertEquals(message.length, offset);
        assertEquals(1, driver.getEmptyFrameCount());
        assertTrue(sizes.size() >= 3);
        assertArrayEquals(new byte[0], driverBytes());
    }
}
