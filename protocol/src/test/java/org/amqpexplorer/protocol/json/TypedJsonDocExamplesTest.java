package org.amqpexplorer.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.DeliveryAnnotations;
import org.amqpexplorer.protocol.types.Footer;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Properties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in the contract, typed-json.md, reads and writes back to the same JSON. */
class TypedJsonDocExamplesTest {
    static final ObjectMapper PLAIN = new ObjectMapper();

    static String doc() throws IOException {
        return Files.readString(Path.of(System.getProperty("amqp.shared.dir", "../../shared"), "docs", "typed-json.md"));
    }

    /** The example column of the value table, plus the values the introduction shows. */
    static List<String> valueExamples(String doc) {
        List<String> examples = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\|[^|\\n]*\\|[^\\n]*\\|\\s*`(\\{.*})`\\s*\\|\\s*$").matcher(doc);
        while (row.find()) examples.add(row.group(1));
        Matcher intro = Pattern.compile("`(\\{\"(?:ubyte|int)\": 7})`").matcher(doc);
        while (intro.find()) examples.add(intro.group(1));
        return examples;
    }

    static JsonNode tree(String json) throws IOException {
        return PLAIN.readTree(json);
    }

    @TestFactory
    Stream<DynamicTest> everyValueExampleReadsAndWritesBackUnchanged() throws IOException {
        List<String> examples = valueExamples(doc());
        assertEquals(20, examples.size(), "examples found in typed-json.md: " + examples);
        return examples.stream().map(json -> DynamicTest.dynamicTest(json, () -> {
            AmqpValue value = TypedJson.readValue(json);
            assertEquals(tree(json), tree(TypedJson.write(value)));
            assertEquals(value, TypedJson.readValue(TypedJson.write(value)));
            assertEquals(value, TypedJson.readValue(TypedJson.toJson(value)));
        }));
    }

    /** The message example: the one fenced JSON block of the document. */
    static String messageExample(String doc) {
        Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(doc);
        assertTrue(block.find(), "typed-json.md has a ```json block");
        String json = block.group(1);
        assertFalse(block.find(), "typed-json.md has one ```json block");
        return json;
    }

    @Test
    void theMessageExampleReadsAsTheMessageItDescribes() throws IOException {
        Message m = TypedJson.readMessage(messageExample(doc()));
        Message expected = new Message(
                new Header(true, 4, 60000L, false, 0L),
                new DeliveryAnnotations(new MapValue(Map.of(new SymbolValue("x-opt-trace"), new StringValue("a")))),
                new MessageAnnotations(new MapValue(Map.of(new SymbolValue("x-opt-partition"), new IntValue(3)))),
                new Properties(new ULongValue(42), BinaryValue.of("user".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        new StringValue("queue-a"), "s", new StringValue("replies"),
                        new UuidValue(UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")), "application/json", "gzip",
                        1700000060000L, 1700000000000L, "g", 1L, "rg"),
                new ApplicationProperties(new MapValue(orderedMap(
                        new StringValue("count"), new IntValue(3), new StringValue("name"), new StringValue("shorthand string")))),
                Body.value(new MapValue(Map.of(new StringValue("k"), ListValue.of(new UByteValue(1))))),
                new Footer(new MapValue(Map.of(new SymbolValue("x-opt-checksum"), new UIntValue(12345)))));
        assertEquals(expected, m);
        assertEquals(m, Message.decode(m.toBytes()), "the example is a message AMQP can carry");
    }

    @Test
    void theMessageExampleWritesBackTheSameButForItsOneShorthand() throws IOException {
        String example = messageExample(doc());
        Message m = TypedJson.readMessage(example);
        // Writers always write the explicit form: the example's one shorthand comes back typed.
        ObjectNode expected = (ObjectNode) tree(example);
        ((ObjectNode) expected.get("applicationProperties")).set("name", tree("{\"string\": \"shorthand string\"}"));
        assertEquals(expected, tree(TypedJson.write(m)));
        assertEquals(m, TypedJson.readMessage(TypedJson.write(m)));
    }

    @Test
    void theErrorExampleIsTheErrorGiven() {
        String json = "{\"body\": {\"amqpValue\": {\"list\": [{\"int\": 1}, {\"int\": 2}, {\"ubyte\": 300}]}}}";
        TypedJsonException e = assertThrows(TypedJsonException.class, () -> TypedJson.readMessage(json));
        assertEquals("$.body.amqpValue.list[2]: ubyte out of range: 300", e.getMessage());
    }

    static Map<AmqpValue, AmqpValue> orderedMap(AmqpValue k1, AmqpValue v1, AmqpValue k2, AmqpValue v2) {
        Map<AmqpValue, AmqpValue> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
