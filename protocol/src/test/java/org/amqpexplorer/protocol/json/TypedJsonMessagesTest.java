package org.amqpexplorer.protocol.json;

import static org.amqpexplorer.protocol.json.TypedJsonDocExamplesTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.LongValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.types.AmqpSequence;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Properties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Messages in typed JSON: sections, the body kinds, JSON Lines, and what is refused. */
class TypedJsonMessagesTest {

    static void assertWrites(String expectedJson, Message m) throws IOException {
        assertEquals(tree(expectedJson), tree(TypedJson.write(m)));
        assertEquals(m, TypedJson.readMessage(expectedJson));
    }

    @Test
    void missingSectionsAreAbsentAndEmptyOnesPresent() throws IOException {
        assertWrites("{}", new Message(null, null, null, null, null, null, null));
        assertWrites("{\"header\": {}, \"properties\": {}, \"messageAnnotations\": [], \"applicationProperties\": {}}",
                new Message(new Header(null, null, null, null, null), null, new MessageAnnotations(MapValue.EMPTY),
                        new Properties(null, null, null, null, null, null, null, null, null, null, null, null, null),
                        new ApplicationProperties(MapValue.EMPTY), null, null));
    }

    @Test
    void everyBodyKind() throws IOException {
        assertWrites("{\"body\": {\"data\": [\"AQI=\", \"\"]}}", Message.of(new Body.DataBody(List.of(
                new Data(BinaryValue.of(new byte[] {1, 2})), new Data(BinaryValue.EMPTY)))));
        assertWrites("{\"body\": {\"amqpSequence\": [[{\"int\": 1}, {\"null\": null}], []]}}", Message.of(new Body.SequenceBody(List.of(
                new AmqpSequence(List.of(new IntValue(1), NullValue.NULL)), new AmqpSequence(List.of())))));
        assertWrites("{\"body\": {\"amqpValue\": {\"null\": null}}}", Message.of(Body.value(NullValue.NULL)));
        assertEquals(Message.of(Body.value(new StringValue("hi"))), TypedJson.readMessage("{\"body\": {\"amqpValue\": \"hi\"}}"));
        assertEquals(Message.of(Body.sequence(List.of(new LongValue(1), new StringValue("a")))),
                TypedJson.readMessage("{\"body\": {\"amqpSequence\": [[1, \"a\"]]}}"));
    }

    @Test
    void propertiesFollowTheirConventions() throws IOException {
        assertWrites("{\"properties\": {\"messageId\": {\"string\": \"m-1\"}, \"correlationId\": {\"binary\": \"AQ==\"},"
                        + " \"to\": \"q\", \"contentType\": \"text/plain\", \"creationTime\": 5, \"groupSequence\": 4294967295}}",
                new Message(null, null, null, new Properties(new StringValue("m-1"), null, new StringValue("q"), null, null,
                        BinaryValue.of(new byte[] {1}), "text/plain", null, null, 5L, null, 0xFFFF_FFFFL, null), null, null, null));
        // Shorthand where a typed value is expected, an ISO instant where a timestamp is.
        Message m = TypedJson.readMessage("{\"properties\": {\"messageId\": \"m-1\", \"creationTime\": \"1970-01-01T00:00:01Z\"}}");
        assertEquals(new StringValue("m-1"), m.properties().messageId());
        assertEquals(1000L, m.properties().creationTime());
    }

    @Test
    void theDeliveryMemberIsIgnored() {
        Message m = TypedJson.readMessage("{\"delivery\": {\"tag\": \"AQ==\", \"settled\": true, \"anything\": [1, {}]},"
                + " \"body\": {\"amqpValue\": {\"int\": 1}}}");
        assertEquals(Message.of(Body.value(new IntValue(1))), m);
    }

    @Test
    void theGoldenMessageFromProtonReadsBackFromItsJson() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(System.getProperty("amqp.shared.dir", "../../shared"), "fixtures", "interop", "message.amqp"));
        Message m = Message.decode(bytes);
        String json = TypedJson.write(m);
        assertEquals(m, TypedJson.readMessage(json));
        assertEquals(tree("{\"header\": {\"durable\": false, \"priority\": 4, \"firstAcquirer\": false, \"deliveryCount\": 0},"
                + " \"properties\": {\"absoluteExpiryTime\": 0, \"creationTime\": 0, \"groupSequence\": 0},"
                + " \"body\": {\"amqpValue\": {\"binary\": \"oQVoZWxsbw==\"}}}"), tree(json));
    }

    @Test
    void jsonLinesReadOneMessagePerLine() {
        String lines = """
                {"body": {"amqpValue": {"int": 1}}, "delivery": {"tag": "AA=="}}

                {"header": {"durable": true}}\r
                {}
                """;
        assertEquals(List.of(Message.of(Body.value(new IntValue(1))),
                        new Message(new Header(true, null, null, null, null), null, null, null, null, null, null),
                        new Message(null, null, null, null, null, null, null)),
                TypedJson.readMessageLines(lines));
        assertEquals(List.of(), TypedJson.readMessageLines(""));
    }

    @Test
    void jsonLinesErrorsNameTheLine() {
        TypedJsonException e = assertThrows(TypedJsonException.class, () -> TypedJson.readMessageLines(
                "{}\n{\"header\": {\"priority\": 1}}\n\n{\"header\": {\"priority\": 256}}\n"));
        assertEquals("line 4: $.header.priority: ubyte out of range: 256", e.getMessage());
        assertEquals(4, e.line());
        assertEquals("$.header.priority", e.path());
        assertEquals("ubyte out of range: 256", e.reason());

        e = assertThrows(TypedJsonException.class, () -> TypedJson.readMessageLines("{}\n{\"body\": {\"amqpValue\": [1,]}}\n"));
        assertEquals("line 2: $.body.amqpValue[1]: malformed JSON at column 27: Unexpected character (']' (code 93))",
                e.getMessage().substring(0, e.getMessage().indexOf(": expected")));

        e = assertThrows(TypedJsonException.class, () -> TypedJson.readMessageLines("{\n\"header\": {}}\n"));
        assertEquals(1, e.line(), e.getMessage());
    }

    @Test
    void aPrettyPrintedMessageReadsAsOneDocument() {
        assertEquals(new Message(new Header(true, null, null, null, null), null, null, null, null, null, null),
                TypedJson.readMessage("{\n  \"header\": {\n    \"durable\": true\n  }\n}\n"));
    }

    /**
     * Invalid messages with the error each must give. As in {@link TypedJsonInvalidValuesTest}: {@code '} stands
     * for {@code "}.
     */
    static final String INVALID = """
            []                                                   → $: a message is a JSON object, found an empty array
            {'headers': {}}                                      → $: unknown member 'headers'
            {'header': {'durable': true, 'ttl': 1, 'prio': 1}}   → $.header: unknown member 'prio'
            {'header': []}                                       → $.header: header must be a JSON object, found an empty array
            {'header': {'durable': 1}}                           → $.header.durable: boolean must be true or false, found 1
            {'header': {'durable': null}}                        → $.header.durable: boolean must be true or false, found null
            {'header': {'priority': 256}}                        → $.header.priority: ubyte out of range: 256
            {'header': {'priority': -1}}                         → $.header.priority: ubyte out of range: -1
            {'header': {'ttl': 4294967296}}                      → $.header.ttl: uint out of range: 4294967296
            {'header': {'deliveryCount': -1}}                    → $.header.deliveryCount: uint out of range: -1
            {'header': {'deliveryCount': '1'}}                   → $.header.deliveryCount: uint must be a JSON integer, found '1'
            {'properties': {'messageID': 1}}                     → $.properties: unknown member 'messageID'
            {'properties': {'messageId': 1}}                     → $.properties.messageId: messageId must be a ulong, uuid, binary or string, found long
            {'properties': {'correlationId': {'symbol': 'c'}}}   → $.properties.correlationId: correlationId must be a ulong, uuid, binary or string, found symbol
            {'properties': {'messageId': {'ulong': -1}}}         → $.properties.messageId: ulong out of range: -1
            {'properties': {'userId': 'dXNlcg'}}                 → $.properties.userId: userId must be standard base64, found 'dXNlcg'
            {'properties': {'to': {'string': 'q'}}}              → $.properties.to: string must be a JSON string, found an object
            {'properties': {'subject': 5}}                       → $.properties.subject: string must be a JSON string, found 5
            {'properties': {'contentType': 'tëxt/plain'}}        → $.properties.contentType: symbol must be ASCII, found 'tëxt/plain'
            {'properties': {'creationTime': 1.5}}                → $.properties.creationTime: timestamp must be a JSON integer or an ISO-8601 instant, found 1.5
            {'properties': {'groupSequence': 4294967296}}        → $.properties.groupSequence: uint out of range: 4294967296
            {'applicationProperties': []}                        → $.applicationProperties: applicationProperties must be a JSON object, found an empty array
            {'applicationProperties': {'a': {'list': []}}}       → $.applicationProperties.a: an application property value must be a simple type (not list, map or array), found list
            {'applicationProperties': {'a b': {'map': []}}}      → $.applicationProperties['a b']: an application property value must be a simple type (not list, map or array), found map
            {'applicationProperties': {'a': {'array': {'type': 'int', 'values': []}}}} → $.applicationProperties.a: an application property value must be a simple type (not list, map or array), found array
            {'applicationProperties': {'a': [1]}}                → $.applicationProperties.a: expected a typed value, found an array of 1
            {'applicationProperties': {'a': 1, 'a': 2}}          → $.applicationProperties: duplicate member 'a'
            {'messageAnnotations': [['x-opt-a', 1]]}             → $.messageAnnotations[0][0]: an annotation key is a symbol or ulong, found string
            {'deliveryAnnotations': [[{'int': 1}, 1]]}           → $.deliveryAnnotations[0][0]: an annotation key is a symbol or ulong, found int
            {'footer': [[{'symbol': 'a'}]]}                      → $.footer[0]: a map entry is a [key, value] pair, found an array of 1
            {'footer': {'a': 1}}                                 → $.footer: annotations must be a JSON array of [key, value] pairs, found an object
            {'messageAnnotations': [[{'symbol': 'a'}, 1], [{'symbol': 'a'}, 2]]} → $.messageAnnotations[1]: duplicate map key: {'symbol':'a'}
            {'body': {}}                                         → $.body: body must have exactly one of 'data', 'amqpValue', 'amqpSequence', found none
            {'body': {'data': ['AA=='], 'amqpValue': 1}}         → $.body: body must have exactly one of 'data', 'amqpValue', 'amqpSequence', found 'data', 'amqpValue'
            {'body': {'value': 1}}                               → $.body: unknown member 'value'
            {'body': {'data': []}}                               → $.body.data: data must have at least one section (leave out 'body' for a message without one)
            {'body': {'data': 'AA=='}}                           → $.body.data: data must be a JSON array of base64 strings, found 'AA=='
            {'body': {'data': ['AA==', 'A']}}                    → $.body.data[1]: data must be standard base64, found 'A'
            {'body': {'amqpSequence': []}}                       → $.body.amqpSequence: amqpSequence must have at least one section (leave out 'body' for a message without one)
            {'body': {'amqpSequence': [{'int': 1}]}}             → $.body.amqpSequence[0]: an amqp-sequence section must be a JSON array of values, found an object
            {'body': {'amqpSequence': [[1], [{'int': 1.5}]]}}    → $.body.amqpSequence[1][0]: int must be a JSON integer, found 1.5
            {'body': {'amqpValue': {'symbol': 'é'}}}             → $.body.amqpValue: symbol must be ASCII, found 'é'
            {'body': {'amqpValue': }}                            → $.body.amqpValue: malformed JSON at line 1, column 24: Unexpected character …
            """;

    @TestFactory
    Stream<DynamicTest> eachInvalidMessageIsRejectedWithPathAndReason() {
        return INVALID.lines().map(row -> {
            String[] cells = row.split("→", 2);
            String json = cells[0].strip().replace('\'', '"');
            String expected = cells[1].strip().replace('\'', '"');
            return DynamicTest.dynamicTest(json, () -> {
                TypedJsonException e = assertThrows(TypedJsonException.class, () -> TypedJson.readMessage(json));
                if (expected.endsWith("…")) {
                    String prefix = expected.substring(0, expected.length() - 1);
                    if (!e.getMessage().startsWith(prefix)) assertEquals(expected, e.getMessage());
                } else {
                    assertEquals(expected, e.getMessage());
                }
            });
        });
    }

    static Message withProperties(AmqpValue to, AmqpValue messageId) {
        return new Message(null, null, null, new Properties(messageId, null, to, null, null, null, null, null, null, null, null, null, null),
                null, null, null);
    }

    @Test
    void whatCannotBeReadBackIsNotWritten() {
        assertEquals("$.properties.to: cannot be written: typed JSON does not allow a symbol here",
                assertThrows(TypedJsonException.class, () -> TypedJson.write(withProperties(new SymbolValue("q"), null))).getMessage());
        assertEquals("$.properties.messageId: cannot be written: typed JSON does not allow a long here",
                assertThrows(TypedJsonException.class, () -> TypedJson.write(withProperties(null, new LongValue(1)))).getMessage());
        Message listProperty = new Message(null, null, null, null,
                new ApplicationProperties(new MapValue(Map.of(new StringValue("a"), ListValue.EMPTY))), null, null);
        assertEquals("$.applicationProperties.a: cannot be written: typed JSON does not allow a list here",
                assertThrows(TypedJsonException.class, () -> TypedJson.write(listProperty)).getMessage());
        Message symbolKey = new Message(null, null, null, null,
                new ApplicationProperties(new MapValue(Map.of(new SymbolValue("a"), new IntValue(1)))), null, null);
        assertEquals("$.applicationProperties: cannot be written: a key is a symbol, and typed JSON has application property keys as strings",
                assertThrows(TypedJsonException.class, () -> TypedJson.write(symbolKey)).getMessage());
        Message stringAnnotationKey = new Message(null, null, new MessageAnnotations(new MapValue(Map.of(new StringValue("a"), new IntValue(1)))),
                null, null, null, null);
        assertEquals("$.messageAnnotations[0][0]: cannot be written: typed JSON does not allow a string here",
                assertThrows(TypedJsonException.class, () -> TypedJson.write(stringAnnotationKey)).getMessage());
        assertNull(TypedJson.readMessage(TypedJson.write(withProperties(new StringValue("q"), null))).body());
    }
}
