package org.amqpexplorer.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Message;
import org.junit.jupiter.api.Test;

/** Placeholders in text and in typed-JSON templates. */
class PlaceholdersTest {
    static final UUID ID = UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    static final Placeholders.Context CTX = new Placeholders.Context(7, 1700000000123L, ID);

    @Test
    void text() {
        assertEquals("order-7", Placeholders.evaluate("order-${seq}", CTX));
        assertEquals(ID + "/1700000000123/2023-11-14T22:13:20.123Z", Placeholders.evaluate("${uuid}/${now}/${iso-now}", CTX));
        assertEquals("${seq} costs $5", Placeholders.evaluate("$${seq} costs $5", CTX));
        assertEquals("$${seq}", Placeholders.evaluate("$$${seq}", CTX), "a $ then an escaped ${");
        assertEquals("$${seq}", Placeholders.evaluate(Placeholders.escape("$${seq}"), CTX));
        assertEquals("plain", Placeholders.evaluate("plain", CTX));
        assertEquals("unknown placeholder ${id}; known: ${uuid}, ${seq}, ${now}, ${iso-now} (write $${ for a literal ${)",
                assertThrows(InvalidInput.class, () -> Placeholders.evaluate("${id}", CTX)).reason());
        assertEquals("unclosed placeholder at position 2: ${seq (write $${ for a literal ${)",
                assertThrows(InvalidInput.class, () -> Placeholders.evaluate("a ${seq", CTX)).reason());
        assertEquals("a $${b", Placeholders.escape("a ${b"));
        assertEquals("a ${b", Placeholders.evaluate(Placeholders.escape("a ${b"), CTX));
    }

    @Test
    void aTemplateGivesNumbersWhereTypedJsonWantsThem() {
        String template = """
                {"header": {"ttl": "${seq}000", "durable": true},
                 "properties": {"messageId": {"ulong": "${seq}"}, "correlationId": {"uuid": "${uuid}"},
                   "userId": "JHtzZXF9", "creationTime": "${now}", "absoluteExpiryTime": "${iso-now}", "subject": "s-${seq}"},
                 "applicationProperties": {"n": {"int": "${seq}"}, "s": "${seq}", "d": {"double": "${seq}.5"}},
                 "body": {"amqpValue": {"list": [{"array": {"type": "uint", "values": ["${seq}", 1]}},
                   {"array": {"type": "list", "values": [[{"string": "${seq}"}]]}},
                   {"described": {"descriptor": {"symbol": "x-${seq}"}, "value": {"binary": "JHtzZXF9"}}}]}}}""";
        Map<NodePath, String> found = new LinkedHashMap<>();
        Message m = TypedJson.readMessage(Placeholders.evaluateMessage(TypedJson.parse(template), CTX, found::put));
        assertEquals(TypedJson.readMessage("""
                {"header": {"ttl": 7000, "durable": true},
                 "properties": {"messageId": {"ulong": 7}, "correlationId": {"uuid": "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},
                   "userId": "JHtzZXF9", "creationTime": 1700000000123, "absoluteExpiryTime": 1700000000123, "subject": "s-7"},
                 "applicationProperties": {"n": {"int": 7}, "s": "7", "d": {"double": 7.5}},
                 "body": {"amqpValue": {"list": [{"array": {"type": "uint", "values": [7, 1]}},
                   {"array": {"type": "list", "values": [[{"string": "7"}]]}},
                   {"described": {"descriptor": {"symbol": "x-7"}, "value": {"binary": "JHtzZXF9"}}}]}}}"""), m);
        assertEquals("[$.header.ttl, $.properties.messageId, $.properties.correlationId, $.properties.creationTime,"
                + " $.properties.absoluteExpiryTime, $.properties.subject, $.applicationProperties.n, $.applicationProperties.s,"
                + " $.applicationProperties.d, $.body.amqpValue.list[0].array.values[0],"
                + " $.body.amqpValue.list[1].array.values[0][0], $.body.amqpValue.list[2].described.descriptor]", found.keySet().toString());
    }

    @Test
    void aStringThatIsNotANumberStaysAString() {
        // Where a number is expected, only a placeholder's number becomes one; the reader judges the rest.
        String t = "{\"header\": {\"priority\": \"high-${seq}\"}}";
        assertEquals("$.header.priority: ubyte must be a JSON integer, found \"high-7\"",
                assertThrows(org.amqpexplorer.protocol.json.TypedJsonException.class,
                        () -> TypedJson.readMessage(Placeholders.evaluateMessage(TypedJson.parse(t), CTX, (p, r) -> { }))).getMessage());
        String literal = "{\"header\": {\"priority\": \"5\"}}";
        assertThrows(org.amqpexplorer.protocol.json.TypedJsonException.class,
                () -> TypedJson.readMessage(Placeholders.evaluateMessage(TypedJson.parse(literal), CTX, (p, r) -> { })));
    }

    @Test
    void errorsNameTheField() {
        InvalidInput e = assertThrows(InvalidInput.class, () -> Placeholders.evaluateMessage(
                TypedJson.parse("{\"body\": {\"amqpValue\": {\"map\": [[{\"string\": \"k\"}, {\"string\": \"${nope}\"}]]}}}"), CTX, (p, r) -> { }));
        assertEquals("$.body.amqpValue.map[0][1]", e.path().toString());
    }
}
