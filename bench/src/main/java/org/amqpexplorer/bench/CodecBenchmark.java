package org.amqpexplorer.bench;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DecodeLimits;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.LongValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.codec.ReadableBuffer;
import org.apache.qpid.proton.codec.WritableBuffer;
import org.apache.qpid.proton.message.impl.MessageImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode of the same frames and messages by our codec and by Proton-J, in one run. Each case is
 * built once for each side with equal content; the benchmark methods only encode or decode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    /** The cases the benchmark compares. */
    public enum Case { TRANSFER_1K, MAP_50, DATA_64K, FLOW, DISPOSITION }

    @Param
    public Case kase;

    // ours
    private final Encoder encoder = new Encoder(80 * 1024);
    private Transfer ourTransfer;
    private Flow ourFlow;
    private Disposition ourDisposition;
    private Message ourMessage;
    private byte[] encoded;

    // Proton-J
    private DecoderImpl protonDecoder;
    private EncoderImpl protonEncoder;
    private final ByteBuffer protonBuffer = ByteBuffer.allocate(80 * 1024);
    private Object protonPerformative;
    private MessageImpl protonMessage;

    @Setup
    public void setup() {
        protonDecoder = new DecoderImpl();
        protonEncoder = new EncoderImpl(protonDecoder);
        AMQPDefinedTypes.registerAllTypes(protonDecoder, protonEncoder);

        byte[] tag = {0, 0, 0, 1};
        ourTransfer = new Transfer(0L, 42L, BinaryValue.of(tag), 0L, false, false, null, null, null, null, null);
        org.apache.qpid.proton.amqp.transport.Transfer pt = new org.apache.qpid.proton.amqp.transport.Transfer();
        pt.setHandle(UnsignedInteger.ZERO);
        pt.setDeliveryId(UnsignedInteger.valueOf(42));
        pt.setDeliveryTag(new Binary(tag));
        pt.setMessageFormat(UnsignedInteger.ZERO);
        pt.setSettled(false);
        pt.setMore(false);

        switch (kase) {
            case TRANSFER_1K -> {
                byte[] body = new byte[1024];
                for (int i = 0; i < body.length; i++) body[i] = (byte) i;
                UUID id = new UUID(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L);
                Map<AmqpValue, AmqpValue> app = new LinkedHashMap<>();
                Map<String, Object> protonApp = new LinkedHashMap<>();
                for (int i = 0; i < 5; i++) {
                    app.put(new StringValue("key-" + i), i % 2 == 0 ? new IntValue(i) : new StringValue("value-" + i));
                    protonApp.put("key-" + i, i % 2 == 0 ? (Object) i : "value-" + i);
                }
                ourMessage = new Message(
                        new Header(true, 4, 60_000L, null, null), null, null,
                        new Properties(new UuidValue(id), null, new StringValue("queue-a"), "subject", new StringValue("replies"),
                                null, "application/octet-stream", null, null, 1_700_000_000_000L, null, null, null),
                        new ApplicationProperties(new MapValue(app)), Body.data(body), null);
                protonMessage = new MessageImpl();
                org.apache.qpid.proton.amqp.messaging.Header h = new org.apache.qpid.proton.amqp.messaging.Header();
                h.setDurable(true);
                h.setPriority(org.apache.qpid.proton.amqp.UnsignedByte.valueOf((byte) 4));
                h.setTtl(UnsignedInteger.valueOf(60_000));
                protonMessage.setHeader(h);
                org.apache.qpid.proton.amqp.messaging.Properties p = new org.apache.qpid.proton.amqp.messaging.Properties();
                p.setMessageId(id);
                p.setTo("queue-a");
                p.setSubject("subject");
                p.setReplyTo("replies");
                p.setContentType(Symbol.valueOf("application/octet-stream"));
                p.setCreationTime(new java.util.Date(1_700_000_000_000L));
                protonMessage.setProperties(p);
                protonMessage.setApplicationProperties(new org.apache.qpid.proton.amqp.messaging.ApplicationProperties(protonApp));
                protonMessage.setBody(new Data(new Binary(body)));
                protonPerformative = pt;
            }
            case MAP_50 -> {
                Map<AmqpValue, AmqpValue> map = new LinkedHashMap<>();
                Map<Object, Object> protonMap = new LinkedHashMap<>();
                for (int i = 0; i < 50; i++) {
                    map.put(new StringValue("entry-" + i), new LongValue(i * 1_000_003L));
                    protonMap.put("entry-" + i, i * 1_000_003L);
                }
                ourMessage = Message.of(Body.value(new MapValue(map)));
                protonMessage = new MessageImpl();
                protonMessage.setBody(new org.apache.qpid.proton.amqp.messaging.AmqpValue(protonMap));
            }
            case DATA_64K -> {
                byte[] body = new byte[64 * 1024];
                for (int i = 0; i < body.length; i++) body[i] = (byte) (i * 31);
                ourMessage = Message.of(Body.data(body));
                protonMessage = new MessageImpl();
                protonMessage.setBody(new Data(new Binary(body)));
            }
            case FLOW -> {
                ourFlow = new Flow(17L, 2048L, 5L, 2048L, 0L, 100L, 250L, 0L, false, false, null);
                org.apache.qpid.proton.amqp.transport.Flow f = new org.apache.qpid.proton.amqp.transport.Flow();
                f.setNextIncomingId(UnsignedInteger.valueOf(17));
                f.setIncomingWindow(UnsignedInteger.valueOf(2048));
                f.setNextOutgoingId(UnsignedInteger.valueOf(5));
                f.setOutgoingWindow(UnsignedInteger.valueOf(2048));
                f.setHandle(UnsignedInteger.ZERO);
                f.setDeliveryCount(UnsignedInteger.valueOf(100));
                f.setLinkCredit(UnsignedInteger.valueOf(250));
                f.setAvailable(UnsignedInteger.ZERO);
                f.setDrain(false);
                f.setEcho(false);
                protonPerformative = f;
            }
            case DISPOSITION -> {
                ourDisposition = new Disposition(Role.RECEIVER, 100L, 163L, true, Accepted.INSTANCE, null);
                org.apache.qpid.proton.amqp.transport.Disposition d = new org.apache.qpid.proton.amqp.transport.Disposition();
                d.setRole(org.apache.qpid.proton.amqp.transport.Role.RECEIVER);
                d.setFirst(UnsignedInteger.valueOf(100));
                d.setLast(UnsignedInteger.valueOf(163));
                d.setSettled(true);
                d.setState(org.apache.qpid.proton.amqp.messaging.Accepted.getInstance());
                protonPerformative = d;
            }
        }
        encodeOurs();
        encoded = encoder.toByteArray();
        // Both sides must produce frames of the same size, or they are not doing the same work.
        int ourSize = encoded.length;
        int protonSize = encodeProtonJ();
        if (ourSize != protonSize) {
            System.err.printf("note: %s encodes to %d bytes here and %d bytes in Proton-J%n", kase, ourSize, protonSize);
        }
    }

    private void encodeOurs() {
        encoder.reset();
        switch (kase) {
            case TRANSFER_1K -> {
                ourTransfer.encode(encoder);
                ourMessage.encode(encoder);
            }
            case MAP_50, DATA_64K -> ourMessage.encode(encoder);
            case FLOW -> ourFlow.encode(encoder);
            case DISPOSITION -> ourDisposition.encode(encoder);
        }
    }

    private int encodeProtonJ() {
        protonBuffer.clear();
        WritableBuffer out = new WritableBuffer.ByteBufferWrapper(protonBuffer);
        protonEncoder.setByteBuffer(out);
        switch (kase) {
            case TRANSFER_1K -> {
                protonEncoder.writeObject(protonPerformative);
                protonMessage.encode(out);
            }
            case MAP_50, DATA_64K -> protonMessage.encode(out);
            case FLOW, DISPOSITION -> protonEncoder.writeObject(protonPerformative);
        }
        return protonBuffer.position();
    }

    @Benchmark
    public int oursEncode() {
        encodeOurs();
        return encoder.size();
    }

    @Benchmark
    public int protonjEncode() {
        return encodeProtonJ();
    }

    @Benchmark
    public Object oursDecode() {
        Decoder d = new Decoder(encoded, 0, encoded.length, DecodeLimits.DEFAULT, CompositeTypes.DESCRIBED_TYPES);
        return switch (kase) {
            case TRANSFER_1K -> {
                Object transfer = d.readValue();
                Message m = Message.decode(encoded, d.position(), encoded.length - d.position());
                yield transfer != null ? m : null;
            }
            case MAP_50, DATA_64K -> Message.decode(encoded, 0, encoded.length);
            case FLOW, DISPOSITION -> d.readValue();
        };
    }

    @Benchmark
    public Object protonjDecode() {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        return switch (kase) {
            case TRANSFER_1K -> {
                protonDecoder.setBuffer(ReadableBuffer.ByteBufferReader.wrap(in));
                Object transfer = protonDecoder.readObject();
                MessageImpl m = new MessageImpl();
                m.decode(in);
                yield transfer != null ? m : null;
            }
            case MAP_50, DATA_64K -> {
                MessageImpl m = new MessageImpl();
                m.decode(in);
                yield m;
            }
            case FLOW, DISPOSITION -> {
                protonDecoder.setBuffer(ReadableBuffer.ByteBufferReader.wrap(in));
                yield protonDecoder.readObject();
            }
        };
    }
}
