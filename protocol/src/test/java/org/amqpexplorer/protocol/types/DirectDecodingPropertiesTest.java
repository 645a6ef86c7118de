package org.amqpexplorer.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.DecodeLimits;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.FormatCode;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.junit.jupiter.api.Test;

/**
 * Composites are read straight from the bytes ({@link DescribedTypes#read}) rather than through a generic
 * value first: the result, where decoding stops and every error (reason and offset) must be exactly what
 * the generic way ({@link DescribedTypes#toTyped} alone) gives, for valid input in every legal encoding and
 * for damaged input.
 */
class DirectDecodingPropertiesTest {

    /** The generic way only: the lambda has no direct reading. */
    private static final DescribedTypes GENERIC = CompositeTypes.DESCRIBED_TYPES::toTyped;

    /** What decoding a byte array value after value gave: the values, where each ended, and the error if any. */
    record Outcome(List<AmqpValue> values, List<Integer> ends, String error) {
    }

    static Outcome decodeAll(byte[] bytes, DescribedTypes types) {
        Decoder d = new Decoder(bytes, 0, bytes.length, DecodeLimits.DEFAULT, types);
        List<AmqpValue> values = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        try {
            while (d.hasRemaining()) {
                values.add(d.readValue());
                ends.add(d.position());
            }
            return new Outcome(values, ends, null);
        } catch (DecodeException e) {
            return new Outcome(values, ends, e.getMessage());
        }
    }

    static Outcome sameBothWays(byte[] bytes) {
        Outcome generic = decodeAll(bytes, GENERIC);
        assertEquals(generic, decodeAll(bytes, CompositeTypes.DESCRIBED_TYPES));
        return generic;
    }

    @Provide
    Arbitrary<Composite> composites() {
        return TypesArbitraries.ALL.anyComposite();
    }

    @Provide
    Arbitrary<byte[]> messages() {
        return TypesArbitraries.ALL.messages().map(Message::toBytes);
    }

    @Property(tries = 300)
    void compositesInEveryLegalEncodingDecodeAsTheGenericWay(@ForAll("composites") Composite c, @ForAll Random random) {
        byte[] smallest = Encoder.encode(c);
        assertEquals(List.of(c), sameBothWays(smallest).values());
        Encoder e = new Encoder();
        new AnyWidth(random, e).write(c);
        byte[] anyWidth = e.toByteArray();
        assertEquals(List.of(c), sameBothWays(anyWidth).values());
        // and valid composites are read directly, never again the generic way
        for (byte[] bytes : List.of(smallest, anyWidth)) {
            CountingGeneric counting = new CountingGeneric();
            decodeAll(bytes, counting);
            assertEquals(0, counting.typedGenerically);
        }
    }

    /** The composite types, counting the values typed the generic way. */
    private static final class CountingGeneric implements DescribedTypes {
        int typedGenerically;

        @Override
        public Described toTyped(AmqpValue descriptor, AmqpValue described) {
            Described typed = CompositeTypes.DESCRIBED_TYPES.toTyped(descriptor, described);
            if (typed != null) typedGenerically++;
            return typed;
        }

        @Override
        public Described read(long code, Decoder decoder) {
            return CompositeTypes.DESCRIBED_TYPES.read(code, decoder);
        }
    }

    @Property(tries = 100)
    void messagesDecodeAsTheGenericWay(@ForAll("messages") byte[] bytes) {
        assertNull(sameBothWays(bytes).error());
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<int[]> edits = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .withDistribution(RandomDistribution.uniform()).withoutEdgeCases()
                .array(int[].class).ofMinSize(1).ofMaxSize(4);
        Arbitrary<byte[]> valid = Arbitraries.oneOf(composites().map(Encoder::encode), messages());
        return Combinators.combine(valid, edits).as(DirectDecodingPropertiesTest::damage);
    }

    /** Format codes to write over a byte, so that damaged values often stay well-formed but ill-typed. */
    private static final int[] CODES = {FormatCode.NULL, FormatCode.BOOLEAN_TRUE, FormatCode.BOOLEAN, FormatCode.UBYTE,
            FormatCode.SMALLUINT, FormatCode.UINT0, FormatCode.SMALLULONG, FormatCode.ULONG0, FormatCode.SMALLINT,
            FormatCode.STR8, FormatCode.SYM8, FormatCode.VBIN8, FormatCode.LIST0, FormatCode.LIST8, FormatCode.MAP8,
            FormatCode.DESCRIBED};

    /** Each edit writes a format code or a byte over one, inserts or deletes a byte, or truncates. */
    private static byte[] damage(byte[] bytes, int[] edits) {
        byte[] b = bytes;
        for (int e : edits) {
            if (b.length == 0) break;
            int at = (e >>> 12) % b.length;
            switch (e & 7) {
                case 0, 1, 2 -> b[at] = (byte) CODES[(e >>> 3) % CODES.length];
                case 3, 4 -> b[at] = (byte) (e >>> 3);
                case 5 -> {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, at);
                    n[at] = (byte) CODES[(e >>> 3) % CODES.length];
                    System.arraycopy(b, at, n, at + 1, b.length - at);
                    b = n;
                }
                case 6 -> {
                    byte[] n = new byte[b.length - 1];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + 1, n, at, b.length - at - 1);
                    b = n;
                }
                default -> b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    @Property(tries = 500)
    void damagedInputFailsOrDecodesAsTheGenericWay(@ForAll("damaged") byte[] bytes) {
        sameBothWays(bytes);
    }

    /**
     * A composite with one field replaced by a value of any type (null included), or with a field too many:
     * well-formed, but often ill-typed, missing a mandatory field or holding a choice that does not exist.
     */
    @Provide
    Arbitrary<byte[]> illTyped() {
        Arbitrary<AmqpValue> values = Arbitraries.frequencyOf(
                Tuple.of(4, TypesArbitraries.ALL.values(1)), Tuple.of(1, Arbitraries.just(NullValue.NULL)));
        return Combinators.combine(composites(), Arbitraries.integers().between(0, 15).withoutEdgeCases(), values).as((c, i, v) -> {
            if (!c.compositeType().isList()) return Encoder.encode(new DescribedValue(c.descriptor(), v));
            List<AmqpValue> fields = new ArrayList<>(((ListValue) c.described()).elements());
            int n = c.compositeType().fields().size();
            int at = i % (n + 1); // at n: a field too many
            while (fields.size() <= at) fields.add(NullValue.NULL);
            fields.set(at, v);
            return Encoder.encode(new DescribedValue(c.descriptor(), new ListValue(fields)));
        });
    }

    @Property(tries = 1000)
    void illTypedCompositesFailOrDecodeAsTheGenericWay(@ForAll("illTyped") byte[] bytes) {
        sameBothWays(bytes);
    }

    @Test
    void nestingBeyondTheLimitFailsAsTheGenericWay() {
        // transactional-state whose outcome is a transactional-state … 80 deep, inside a disposition
        AmqpValue state = Accepted.INSTANCE;
        for (int i = 0; i < 80; i++) state = new TransactionalState(BinaryValue.of(new byte[] {(byte) i}), state);
        Outcome o = sameBothWays(Encoder.encode(new Disposition(Role.RECEIVER, 1L, null, null, state, null)));
        assertTrue(o.error().startsWith("nesting deeper than 64"), o.error());
    }

    @Test
    void aFieldOfTheWrongTypeDeepInsideFailsAsTheGenericWay() {
        // attach whose source's default-outcome is rejected with an error whose condition is a string
        byte[] rejected = Encoder.encode(new DescribedValue(new ULongValue(0x25), ListValue.of(
                new DescribedValue(new ULongValue(0x1d), ListValue.of(new StringValue("amqp:x"))))));
        Encoder e = new Encoder();
        e.writeDescriptor(0x12);
        int mark = e.beginList();
        e.writeString("l");
        e.writeUInt(0);
        e.writeBoolean(true);
        e.writeNull();
        e.writeNull();
        e.writeDescriptor(0x28);
        int source = e.beginList();
        for (int i = 0; i < 8; i++) e.writeNull();
        e.writeRawBytes(rejected, 0, rejected.length);
        e.endList(source, 9);
        e.endList(mark, 6);
        Outcome o = sameBothWays(e.toByteArray());
        assertEquals("error.condition: expected symbol, got string at byte offset 33", o.error());
    }

    @Test
    void unknownAndSymbolicDescriptorsStayGenericOrTyped() {
        Outcome o = sameBothWays(Encoder.encode(new DescribedValue(new ULongValue(0x9999), ListValue.EMPTY)));
        assertInstanceOf(DescribedValue.class, o.values().get(0));
        o = sameBothWays(Encoder.encode(new DescribedValue(new SymbolValue("amqp:flow:list"),
                ListValue.of(NullValue.NULL, new UIntValue(1), new UIntValue(2), new UIntValue(3)))));
        assertEquals(new Flow(null, 1L, 2L, 3L, null, null, null, null, null, null, null), o.values().get(0));
    }

    /**
     * Writes a value choosing at random among its legal encodings (uint as uint0, smalluint or uint, lists
     * as list0, list8 or list32 …), the descriptors of composites as smallulong or ulong.
     */
    private record AnyWidth(Random random, Encoder e) {
        void write(AmqpValue v) {
            switch (v) {
                case BooleanValue b -> {
                    if (random.nextBoolean()) e.writeBoolean(b.value());
                    else {
                        e.writeRawByte(FormatCode.BOOLEAN);
                        e.writeRawByte(b.value() ? 1 : 0);
                    }
                }
                case UIntValue u -> {
                    int choice = random.nextInt(3);
                    if (choice == 0 && u.value() == 0) e.writeRawByte(FormatCode.UINT0);
                    else if (choice <= 1 && u.value() <= 0xFF) {
                        e.writeRawByte(FormatCode.SMALLUINT);
                        e.writeRawByte((int) u.value());
                    } else {
                        e.writeRawByte(FormatCode.UINT);
                        e.writeRawInt((int) u.value());
                    }
                }
                case ULongValue u -> ulong(u.value());
                case StringValue s -> text(s.value(), FormatCode.STR8, FormatCode.STR32);
                case SymbolValue s -> text(s.value(), FormatCode.SYM8, FormatCode.SYM32);
                case BinaryValue b -> {
                    byte[] bytes = b.toByteArray();
                    if (bytes.length <= 0xFF && random.nextBoolean()) {
                        e.writeRawByte(FormatCode.VBIN8);
                        e.writeRawByte(bytes.length);
                    } else {
                        e.writeRawByte(FormatCode.VBIN32);
                        e.writeRawInt(bytes.length);
                    }
                    e.writeRawBytes(bytes, 0, bytes.length);
                }
                case ListValue l -> {
                    if (l.size() == 0 && random.nextBoolean()) {
                        e.writeRawByte(FormatCode.LIST0);
                        return;
                    }
                    Encoder content = new Encoder();
                    AnyWidth inner = new AnyWidth(random, content);
                    for (AmqpValue x : l.elements()) inner.write(x);
                    compound(FormatCode.LIST8, FormatCode.LIST32, l.size(), content);
                }
                case MapValue m -> {
                    Encoder content = new Encoder();
                    AnyWidth inner = new AnyWidth(random, content);
                    for (Map.Entry<AmqpValue, AmqpValue> x : m.entries().entrySet()) {
                        inner.write(x.getKey());
                        inner.write(x.getValue());
                    }
                    compound(FormatCode.MAP8, FormatCode.MAP32, m.size() * 2, content);
                }
                case Described d -> {
                    e.writeRawByte(FormatCode.DESCRIBED);
                    write(d.descriptor());
                    write(d.described());
                }
                default -> e.writeValue(v);
            }
        }

        private void ulong(long v) {
            int choice = random.nextInt(3);
            if (choice == 0 && v == 0) e.writeRawByte(FormatCode.ULONG0);
            else if (choice <= 1 && v >= 0 && v <= 0xFF) {
                e.writeRawByte(FormatCode.SMALLULONG);
                e.writeRawByte((int) v);
            } else {
                e.writeRawByte(FormatCode.ULONG);
                e.writeRawLong(v);
            }
        }

        private void text(String s, int code8, int code32) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length <= 0xFF && random.nextBoolean()) {
                e.writeRawByte(code8);
                e.writeRawByte(bytes.length);
            } else {
                e.writeRawByte(code32);
                e.writeRawInt(bytes.length);
            }
            e.writeRawBytes(bytes, 0, bytes.length);
        }

        private void compound(int code8, int code32, int count, Encoder content) {
            if (content.size() + 1 <= 0xFF && random.nextBoolean()) {
                e.writeRawByte(code8);
                e.writeRawByte(content.size() + 1);
                e.writeRawByte(count);
            } else {
                e.writeRawByte(code32);
                e.writeRawInt(content.size() + 4);
                e.writeRawInt(count);
            }
            e.writeRawBytes(content.array(), 0, content.size());
        }
    }
}
