package org.amqpexplorer.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UShortValue;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;

/** Frames carrying the typed performatives of the types package, decoded with its registry. */
class TypedFramesTest {

    private static Transfer transfer(boolean first, boolean more) {
        return first
                ? new Transfer(1L, 42L, BinaryValue.of(new byte[] {7}), 0L, false, more, null, null, null, null, null)
                : new Transfer(1L, null, null, null, null, more ? true : null, null, null, null, null, null);
    }

    @Test
    void splitDeliveryOfTypedTransfersDecodesToTypedTransfers() {
        byte[] message = ProtonJInteropTest.payload(5000);
        FrameWriter writer = new FrameWriter(1024);
        Encoder out = new Encoder();
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        writer.writeFrame(out, FrameType.AMQP, 0, new Open("typed"));
        TransferFrames frames = new TransferFrames(writer, 2, TypedFramesTest::transfer, message, 0, message.length);
        while (frames.hasNext()) frames.writeNext(out);

        RawFrames.Recorder r = new RawFrames.Recorder();
        new FrameDecoder(r, CompositeTypes.DESCRIBED_TYPES, 1024).feed(out.array(), 0, out.size());
        List<Frame> decoded = r.frames();
        assertEquals(new Open("typed"), decoded.get(0).body());

        List<Transfer> transfers = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (Frame f : decoded.subList(1, decoded.size())) {
            assertTrue(f.size() <= 1024);
            switch (f.body()) {
                case Transfer t -> transfers.add(t);
                default -> throw new AssertionError("not a transfer: " + f);
            }
            byte[] p = new byte[f.payloadSize()];
            f.payload().get(p);
            joined.writeBytes(p);
        }
        assertArrayEquals(message, joined.toByteArray());
        assertEquals(5, transfers.size());
        assertEquals(transfer(true, true), transfers.get(0));
        for (int i = 1; i < transfers.size(); i++) {
            assertEquals(transfer(false, i < transfers.size() - 1), transfers.get(i));
            assertEquals(i < transfers.size() - 1, transfers.get(i).moreOrDefault());
        }
    }

    @Provide
    Arbitrary<DescribedValue> performativeLike() {
        // real descriptors of performatives and SASL frames, with fields of random types
        Arbitrary<AmqpValue> descriptor = Arbitraries.oneOf(
                Arbitraries.longs().between(0x10, 0x18).map(ULongValue::new),
                Arbitraries.longs().between(0x40, 0x44).map(ULongValue::new),
                Arbitraries.of("amqp:open:list", "amqp:transfer:list", "amqp:sasl-init:list").map(SymbolValue::new));
        Arbitrary<AmqpValue> field = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(UIntValue::new),
                Arbitraries.integers().between(0, 0xFFFF).map(UShortValue::new),
                Arbitraries.integers().between(0, 0xFF).map(UByteValue::new),
                Arbitraries.strings().ofMaxLength(8).map(StringValue::new),
                Arbitraries.strings().ascii().ofMaxLength(8).map(SymbolValue::new),
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE, NullValue.NULL, NullValue.NULL),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(BinaryValue::of));
        Arbitrary<AmqpValue> described = Arbitraries.oneOf(field.list().ofMaxSize(12).map(ListValue::new), field);
        return Combinators.combine(descriptor, described).as(DescribedValue::new);
    }

    @Property(tries = 300)
    void illTypedPerformativesAreDecodeErrors(@ForAll("performativeLike") DescribedValue body) {
        byte[] stream = RawFrames.concat(ProtocolHeader.AMQP.toByteArray(), RawFrames.frame(0, 0, body, new byte[0]));
        RawFrames.Recorder r = new RawFrames.Recorder();
        FrameDecoder d = new FrameDecoder(r, CompositeTypes.DESCRIBED_TYPES, 512);
        try {
            d.feed(stream, 0, stream.length);
            assertInstanceOf(Composite.class, r.frames().get(0).body());
        } catch (FramingException e) {
            assertEquals(FramingException.Condition.DECODE_ERROR, e.condition(), e::getMessage);
        }
    }
}
