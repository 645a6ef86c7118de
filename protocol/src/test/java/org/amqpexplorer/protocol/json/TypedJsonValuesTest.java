package org.amqpexplorer.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.CharValue;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.DoubleValue;
import org.amqpexplorer.protocol.codec.FloatValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.LongValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.junit.jupiter.api.Test;

/** The rules of typed-json.md for values, one at a time. */
class TypedJsonValuesTest {

    static void assertWrites(String expectedJson, AmqpValue value) throws IOException {
        assertEquals(TypedJsonDocExamplesTest.tree(expectedJson), TypedJsonDocExamplesTest.tree(TypedJson.write(value)));
        assertEquals(value, TypedJson.readValue(expectedJson));
    }

    @Test
    void sixtyFourBitIntegersAreStringsBeyondTwoToThe53() throws IOException {
        long p = 1L << 53;
        assertWrites("{\"ulong\": 9007199254740992}", new ULongValue(p));
        assertWrites("{\"ulong\": \"9007199254740993\"}", new ULongValue(p + 1));
        assertWrites("{\"ulong\": \"18446744073709551615\"}", new ULongValue(-1));
        assertWrites("{\"long\": -9007199254740992}", new LongValue(-p));
        assertWrites("{\"long\": \"-9007199254740993\"}", new LongValue(-p - 1));
        assertWrites("{\"long\": \"-9223372036854775808\"}", new LongValue(Long.MIN_VALUE));
    }

    @Test
    void sixtyFourBitIntegersAreReadFromNumbersAndStringsAlike() {
        assertEquals(new ULongValue(-1), TypedJson.readValue("{\"ulong\": 18446744073709551615}"));
        assertEquals(new ULongValue(5), TypedJson.readValue("{\"ulong\": \"5\"}"));
        assertEquals(new LongValue(-5), TypedJson.readValue("{\"long\": \"-5\"}"));
        assertEquals(new LongValue(Long.MAX_VALUE), TypedJson.readValue("{\"long\": 9223372036854775807}"));
    }

    @Test
    void floatsAndDoublesKeepEveryValueIncludingTheSpecialOnes() throws IOException {
        assertWrites("{\"float\": 0.1}", new FloatValue(0.1f));
        assertWrites("{\"double\": 0.1}", new DoubleValue(0.1));
        assertWrites("{\"double\": -0.0}", new DoubleValue(-0.0));
        assertWrites("{\"float\": -0.0}", new FloatValue(-0.0f));
        assertWrites("{\"float\": \"NaN\"}", new FloatValue(Float.NaN));
        assertWrites("{\"double\": \"Infinity\"}", new DoubleValue(Double.POSITIVE_INFINITY));
        assertWrites("{\"double\": \"-Infinity\"}", new DoubleValue(Double.NEGATIVE_INFINITY));
        assertWrites("{\"double\": 4.9E-324}", new DoubleValue(Double.MIN_VALUE));
        assertEquals(new DoubleValue(2), TypedJson.readValue("{\"double\": 2}"));
        assertEquals(new FloatValue(16777216f), TypedJson.readValue("{\"float\": 16777217}"));
        assertEquals(new DoubleValue(-0.0), TypedJson.readValue("{\"double\": -0}"));
        assertEquals(new FloatValue(-0.0f), TypedJson.readValue("{\"float\": -0}"));
        assertEquals(new IntValue(0), TypedJson.readValue("{\"int\": -0}"));
        assertEquals(new LongValue(0), TypedJson.readValue("-0"));
    }

    @Test
    void aFloatIsRoundedOnceFromTheDecimalText() {
        // Through a double this would round twice and give 1.0000002.
        assertEquals(new FloatValue(1.0000001f), TypedJson.readValue("{\"float\": 1.00000017881393432617187499}"));
    }

    @Test
    void treesFromElsewhereMayHoldBinaryNumbers() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("float", DoubleNode.valueOf(0.5));
        assertEquals(new FloatValue(0.5f), TypedJson.readValue(o));
        o.set("float", DoubleNode.valueOf(1e39));
        assertEquals("$: float out of range: 1.0E39",
                assertThrows(TypedJsonException.class, () -> TypedJson.readValue(o)).getMessage());
    }

    @Test
    void shorthandIsReadButNeverWritten() throws IOException {
        assertEquals(new StringValue("a"), TypedJson.readValue("\"a\""));
        assertEquals(BooleanValue.TRUE, TypedJson.readValue("true"));
        assertEquals(NullValue.NULL, TypedJson.readValue("null"));
        assertEquals(new LongValue(5), TypedJson.readValue("5"));
        assertEquals(new DoubleValue(5.5), TypedJson.readValue("5.5"));
        assertEquals(new DoubleValue(1000), TypedJson.readValue("1e3"));
        assertEquals(new DoubleValue(-0.0), TypedJson.readValue("-0.0"));
        assertEquals(ListValue.of(new StringValue("x"), new LongValue(1), NullValue.NULL),
                TypedJson.readValue("{\"list\": [\"x\", 1, null]}"));
        assertWrites("{\"list\": [{\"string\": \"x\"}, {\"long\": 1}, {\"null\": null}]}",
                ListValue.of(new StringValue("x"), new LongValue(1), NullValue.NULL));
    }

    @Test
    void timestampsAreMillisecondsAndAlsoReadFromIsoInstants() throws IOException {
        assertWrites("{\"timestamp\": 1700000000000}", new TimestampValue(1_700_000_000_000L));
        assertEquals(new TimestampValue(1_700_000_000_000L), TypedJson.readValue("{\"timestamp\": \"2023-11-14T22:13:20Z\"}"));
        assertEquals(new TimestampValue(1_700_000_000_123L), TypedJson.readValue("{\"timestamp\": \"2023-11-14T22:13:20.123Z\"}"));
        assertEquals(new TimestampValue(-1), TypedJson.readValue("{\"timestamp\": \"1969-12-31T23:59:59.999Z\"}"));
    }

    @Test
    void textualTypes() throws IOException {
        assertWrites("{\"char\": \"😀\"}", new CharValue(0x1F600));
        assertWrites("{\"uuid\": \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"}",
                new UuidValue(UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")));
        // RFC 4122: hex digits are case-insensitive on input; the writer uses lower case.
        assertEquals(new UuidValue(UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")),
                TypedJson.readValue("{\"uuid\": \"F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6\"}"));
        assertWrites("{\"binary\": \"\"}", BinaryValue.EMPTY);
        assertWrites("{\"binary\": \"AAEC/w==\"}", BinaryValue.of(new byte[] {0, 1, 2, (byte) 0xFF}));
        assertWrites("{\"symbol\": \"\"}", new SymbolValue(""));
        assertWrites("{\"decimal128\": \"0123456789abcdeffedcba9876543210\"}",
                new org.amqpexplorer.protocol.codec.Decimal128Value(0x0123456789abcdefL, 0xfedcba9876543210L));
    }

    @Test
    void loneSurrogatesAreRefusedWithThePath() {
        TypedJsonException c = assertThrows(TypedJsonException.class, () -> TypedJson.readValue("{\"list\": [{\"char\": \"\\ud800\"}]}"));
        assertEquals("$.list[0]", c.path());
        TypedJsonException s = assertThrows(TypedJsonException.class, () -> TypedJson.readValue("{\"string\": \"a\\udc00\"}"));
        assertTrue(s.getMessage().contains("lone surrogate"), s.getMessage());
        assertEquals(new StringValue("a😀"), TypedJson.readValue("{\"string\": \"a\\ud83d\\ude00\"}"));
    }

    @Test
    void mapsKeepTheirOrderAndKeysOfAnyType() throws IOException {
        Map<AmqpValue, AmqpValue> entries = new LinkedHashMap<>();
        entries.put(new IntValue(2), new StringValue("two"));
        entries.put(ListValue.of(new UByteValue(1)), NullValue.NULL);
        entries.put(new SymbolValue("a"), new IntValue(1));
        assertWrites("{\"map\": [[{\"int\": 2}, {\"string\": \"two\"}], [{\"list\": [{\"ubyte\": 1}]}, {\"null\": null}],"
                + " [{\"symbol\": \"a\"}, {\"int\": 1}]]}", new MapValue(entries));
    }

    @Test
    void arraysNestAndCarryDescriptors() throws IOException {
        assertWrites("{\"array\": {\"type\": \"array\", \"values\": [{\"type\": \"int\", \"values\": [1]},"
                        + " {\"descriptor\": {\"ulong\": 7}, \"type\": \"symbol\", \"values\": [\"a\"]}]}}",
                new ArrayValue(AmqpType.ARRAY, List.of(
                        new ArrayValue(AmqpType.INT, List.of(new IntValue(1))),
                        new ArrayValue(AmqpType.SYMBOL, new ULongValue(7), List.of(new SymbolValue("a"))))));
        assertWrites("{\"array\": {\"type\": \"map\", \"values\": [[[{\"int\": 1}, {\"null\": null}]], []]}}",
                new ArrayValue(AmqpType.MAP, List.of(new MapValue(Map.of(new IntValue(1), NullValue.NULL)), MapValue.EMPTY)));
        assertWrites("{\"array\": {\"type\": \"null\", \"values\": [null, null]}}",
                new ArrayValue(AmqpType.NULL, List.of(NullValue.NULL, NullValue.NULL)));
        assertWrites("{\"array\": {\"type\": \"uuid\", \"values\": []}}", new ArrayValue(AmqpType.UUID, List.of()));
    }

    /** A composite type of the spec writes as the described value it is. */
    record Accepted() implements Described {
        @Override
        public AmqpValue descriptor() {
            return new ULongValue(0x24);
        }

        @Override
        public AmqpValue described() {
            return ListValue.EMPTY;
        }
    }

    @Test
    void anyDescribedValueWritesAsDescriptorAndValue() throws IOException {
        String json = "{\"described\": {\"descriptor\": {\"ulong\": 36}, \"value\": {\"list\": []}}}";
        assertWrites(json, new DescribedValue(new ULongValue(36), ListValue.EMPTY));
        assertEquals(TypedJsonDocExamplesTest.tree(json), TypedJsonDocExamplesTest.tree(TypedJson.write(new Accepted())));
    }

    @Test
    void errorPathsNameMembersThatAreNotPlainWords() {
        TypedJsonException e = assertThrows(TypedJsonException.class,
                () -> TypedJson.readValue("{\"described\": {\"descriptor\": 1, \"value\": {\"a b\": 1}}}"));
        assertEquals("$.described.value: unknown type name: \"a b\"", e.getMessage());
        assertEquals("$[\"a b\"].x", JsonPath.ROOT.member("a b").member("x").toString());
        assertEquals("$.x-opt-a[0]", JsonPath.ROOT.member("x-opt-a").index(0).toString());
    }
}
