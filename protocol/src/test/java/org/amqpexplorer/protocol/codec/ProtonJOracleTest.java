package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.junit.jupiter.api.Test;

/**
 * Qpid Proton-J as an oracle, both ways: what it encodes we decode to the equal value, and what we encode it
 * decodes to the equal Java object (compared as our value, so the AMQP type counts). Values Proton-J's Java
 * objects cannot say are skipped by name ({@link ProtonJ#cannotDecode}, {@link ProtonJ#cannotEncode}); the
 * statistics report how many, and the tests at the end show that each skipped case really is beyond Proton-J.
 */
class ProtonJOracleTest {

    @Provide
    Arbitrary<AmqpValue> values() {
        return AmqpValueArbitraries.values();
    }

    @Property
    void protonJDecodesOurEncodingToTheEqualValue(@ForAll("values") AmqpValue value) {
        String skip = ProtonJ.cannotDecode(value);
        Statistics.label("Proton-J decodes").collect(skip == null ? "compared" : "skipped: " + skip);
        Assume.that(skip == null);

        byte[] ours = Encoder.encode(value);
        AmqpValue back = ProtonJ.fromJava(ProtonJ.decode(ours));
        assertEquals(value, back);
        // equal encodings: map entry order and NaN payloads, which value equality does not see, survived too
        assertArrayEquals(ours, Encoder.encode(back));
    }

    @Property
    void weDecodeProtonJsEncodingToTheEqualValue(@ForAll("values") AmqpValue value) {
        String skip = ProtonJ.cannotEncode(value);
        Statistics.label("Proton-J encodes").collect(skip == null ? "compared" : "skipped: " + skip);
        Assume.that(skip == null);

        byte[] theirs = ProtonJ.encode(ProtonJ.toJava(value));
        AmqpValue decoded = Decoder.decode(theirs);
        assertEquals(value, decoded);
        // the trace's spans hold for encodings we would not have chosen too
        RoundTripTest.checkSpan(theirs, new Decoder(theirs, DescribedTypes.NONE).readEncoded(), false, false);
        assertArrayEquals(Encoder.encode(value), Encoder.encode(decoded));
    }

    // ---- Proton-J encodings our encoder never writes

    @Test
    void decodesProtonJsZeroWidthArrayConstructors() {
        // Proton-J writes an array of equal booleans with the true/false constructor, of zeros with uint0.
        assertEquals(new ArrayValue(AmqpType.BOOLEAN, List.of(BooleanValue.TRUE, BooleanValue.TRUE)),
                Decoder.decode(ProtonJ.encode(new Boolean[] {true, true})));
        assertEquals(new ArrayValue(AmqpType.UINT, List.of(new UIntValue(0), new UIntValue(0))),
                Decoder.decode(ProtonJ.encode(ProtonJ.toJava(new ArrayValue(AmqpType.UINT, List.of(new UIntValue(0), new UIntValue(0)))))));
    }

    @Test
    void decodesProtonJsArrayOfArraysWithArray8Elements() {
        ArrayValue value = new ArrayValue(AmqpType.ARRAY, List.of(
                new ArrayValue(AmqpType.INT, List.of(new IntValue(1))),
                new ArrayValue(AmqpType.STRING, List.of(new StringValue("a")))));
        byte[] theirs = ProtonJ.encode(ProtonJ.toJava(value));
        assertEquals("e00b02e0030154010401a10161", HexFormat.of().formatHex(theirs));
        assertEquals(value, Decoder.decode(theirs));
    }

    // ---- each skip is needed: Proton-J really cannot do these (if one starts passing, drop its skip)

    @Test
    void protonJLosesTheHighBitsOfACharAboveUffff() {
        byte[] ours = Encoder.encode(new CharValue(0x1F600));
        assertEquals((char) 0xF600, ProtonJ.decode(ours));
    }

    @Test
    void protonJTurnsKnownDescriptorsIntoItsOwnTypes() {
        byte[] header = Encoder.encode(new DescribedValue(new ULongValue(0x70), ListValue.of(BooleanValue.TRUE)));
        assertInstanceOf(Header.class, ProtonJ.decode(header));
        assertEquals(true, ProtonJ.KNOWN_DESCRIPTORS.contains(new SymbolValue("amqp:header:list")));
    }

    @Test
    void protonJCannotNameTheElementTypeOfEmptyArraysOfArraysOrOfDescribedValues() {
        Object arrays = ProtonJ.decode(Encoder.encode(new ArrayValue(AmqpType.ARRAY, List.of())));
        assertEquals(Object[].class, arrays.getClass());
        Object described = ProtonJ.decode(Encoder.encode(new ArrayValue(AmqpType.INT, new SymbolValue("x"), List.of())));
        assertEquals(0, ((Object[]) described).length);
        assertThrows(IllegalArgumentException.class, () -> ProtonJ.fromJava(described));
    }

    @Test
    void protonJCannotDecodeOrEncodeArraysOfNulls() {
        byte[] ours = Encoder.encode(new ArrayValue(AmqpType.NULL, Collections.nCopies(3, NullValue.NULL)));
        assertThrows(IllegalArgumentException.class, () -> ProtonJ.decode(ours));
        assertThrows(NullPointerException.class, () -> ProtonJ.encode(new Void[] {null}));
    }

    @Test
    void protonJCannotEncodeArraysOfDescribedValues() {
        ArrayValue described = new ArrayValue(AmqpType.INT, new SymbolValue("x"), List.of(new IntValue(1)));
        assertThrows(NullPointerException.class, () -> ProtonJ.encode(ProtonJ.toJava(described)));
        // Decoding them works, and is compared by the property.
        assertNotNull(ProtonJ.cannotEncode(described));
        assertEquals(null, ProtonJ.cannotDecode(described));
        assertEquals(described, ProtonJ.fromJava(ProtonJ.decode(Encoder.encode(described))));
    }

    @Test
    void protonJMisencodesArraysOfArraysWhoseInnerArraysNeedDifferentEncodings() {
        ArrayValue value = new ArrayValue(AmqpType.ARRAY, List.of(
                new ArrayValue(AmqpType.INT, List.of(new IntValue(1))),
                new ArrayValue(AmqpType.UBYTE, Collections.nCopies(300, new UByteValue(1)))));
        byte[] theirs = ProtonJ.encode(ProtonJ.toJava(value));
        // the second inner array's size is written as if it fit array8, like the first
        assertThrows(DecodeException.class, () -> Decoder.decode(theirs));
    }
}
