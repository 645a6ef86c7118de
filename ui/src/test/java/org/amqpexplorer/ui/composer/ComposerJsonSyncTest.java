package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.assertComposes;
import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.amqpexplorer.ui.composer.Composers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.json.TypedJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed-JSON text and the form follow each other both ways; placeholders survive the trip. */
class ComposerJsonSyncTest {
    @TempDir
    Path dir;
    ComposerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = composer(dir);
    }

    @Test
    void theFormWritesTheJson() {
        vm.form.header.get("priority").textProperty().set("7");
        vm.form.bodyKind.set(MessageForm.BodyKind.VALUE);
        vm.form.amqpValue.typeProperty().set(AmqpType.UBYTE);
        vm.form.amqpValue.textProperty().set("7");
        assertEquals(json("{\"header\": {\"priority\": 7}, \"body\": {\"amqpValue\": {\"ubyte\": 7}}}"),
                TypedJson.readMessage(vm.jsonTextProperty().get()));
        assertEquals("""
                {"header": {"priority": 7}, "body": {"amqpValue": {"ubyte": 7}}}
                """, vm.jsonTextProperty().get());
        assertEquals(vm.jsonTextProperty().get(), vm.jsonToCopy());
    }

    @Test
    void theJsonWritesTheForm() {
        vm.jsonTextProperty().set("""
                {"header": {"durable": true},
                 "properties": {"messageId": {"ulong": 42}, "userId": "dXNlcg==", "creationTime": "2023-11-14T22:13:20Z"},
                 "applicationProperties": {"count": {"int": 3}, "name": "shorthand"},
                 "body": {"amqpSequence": [[{"ubyte": 1}], []]}}""");
        assertNull(vm.jsonErrorProperty().get());
        MessageForm f = vm.form;
        assertEquals("true", f.header.get("durable").text());
        assertTrue(f.headerIncluded.get());
        assertEquals(AmqpType.ULONG, f.properties.get("messageId").type());
        assertEquals("42", f.properties.get("messageId").text());
        assertEquals("user", f.properties.get("userId").text(), "a readable user-id shows as text");
        assertEquals("2023-11-14T22:13:20Z", f.properties.get("creationTime").text());
        assertFalse(f.properties.get("to").isPresent());
        assertEquals(2, f.applicationProperties.items().size());
        assertEquals(AmqpType.STRING, f.applicationProperties.items().get(1).value().type(), "shorthand read as its type");
        assertEquals(MessageForm.BodyKind.SEQUENCE, f.bodyKind.get());
        assertEquals(2, f.sequences.size());
        assertComposes("{\"header\": {\"durable\": true}, \"properties\": {\"messageId\": {\"ulong\": 42}, \"userId\": \"dXNlcg==\","
                + " \"creationTime\": 1700000000000}, \"applicationProperties\": {\"count\": {\"int\": 3}, \"name\": {\"string\": \"shorthand\"}},"
                + " \"body\": {\"amqpSequence\": [[{\"ubyte\": 1}], []]}}", vm);
        // While the user types, the text is left as typed; tidying rewrites it in the canonical layout.
        assertTrue(vm.jsonTextProperty().get().contains("\"name\": \"shorthand\""));
        vm.tidyJson();
        assertTrue(vm.jsonTextProperty().get().contains("\"name\": {\"string\": \"shorthand\"}"), vm.jsonTextProperty().get());
    }

    @Test
    void aFormWithProblemsLeavesTheJsonAtTheLastGoodMessage() {
        vm.form.header.get("priority").textProperty().set("7");
        String good = vm.jsonTextProperty().get();
        vm.form.header.get("priority").textProperty().set("700");
        assertTrue(vm.jsonBehindProperty().get());
        assertEquals(good, vm.jsonTextProperty().get());
        assertNull(vm.jsonToCopy());
        vm.form.header.get("priority").textProperty().set("8");
        assertFalse(vm.jsonBehindProperty().get());
        assertTrue(vm.jsonTextProperty().get().contains("\"priority\": 8"));
    }

    @Test
    void placeholdersSurviveTheJsonBothWays() {
        ValueNode id = vm.form.properties.get("messageId");
        id.typeProperty().set(AmqpType.UUID);
        id.textProperty().set("${uuid}");
        ValueNode correlation = vm.form.properties.get("correlationId");
        correlation.typeProperty().set(AmqpType.ULONG);
        correlation.textProperty().set("${seq}");
        vm.form.properties.get("creationTime").textProperty().set("${now}");
        vm.form.properties.get("subject").textProperty().set("order-${seq} at ${iso-now}, cost $${x}");
        vm.form.header.get("ttl").textProperty().set("${seq}");
        vm.form.bodyKind.set(MessageForm.BodyKind.VALUE);
        vm.form.amqpValue.typeProperty().set(AmqpType.ARRAY);
        vm.form.amqpValue.elementTypeProperty().set(AmqpType.TIMESTAMP);
        vm.form.amqpValue.addItem(0, AmqpType.TIMESTAMP).textProperty().set("${iso-now}");
        assertEquals(java.util.List.of(), vm.problemTexts());
        String text = vm.jsonTextProperty().get();
        assertTrue(text.contains("\"messageId\": {\"uuid\": \"${uuid}\"}"), text);
        assertTrue(text.contains("\"correlationId\": {\"ulong\": \"${seq}\"}"), text);
        assertTrue(text.contains("\"creationTime\": \"${now}\""), text);
        assertTrue(text.contains("\"subject\": \"order-${seq} at ${iso-now}, cost $${x}\""), text);
        assertTrue(text.contains("\"ttl\": \"${seq}\""), text);
        assertTrue(text.contains("\"values\": [\"${iso-now}\"]"), text);

        ComposerViewModel other = composer(dir);
        other.jsonTextProperty().set(text);
        assertNull(other.jsonErrorProperty().get());
        assertEquals("${uuid}", other.form.properties.get("messageId").text());
        assertEquals(AmqpType.UUID, other.form.properties.get("messageId").type());
        assertEquals("${seq}", other.form.properties.get("correlationId").text());
        assertEquals("${now}", other.form.properties.get("creationTime").text());
        assertEquals("order-${seq} at ${iso-now}, cost $${x}", other.form.properties.get("subject").text());
        assertEquals("${seq}", other.form.header.get("ttl").text());
        assertEquals("${iso-now}", other.form.amqpValue.items().getFirst().text());
        other.tidyJson();
        assertEquals(text, other.jsonTextProperty().get());
    }

    @Test
    void literalDollarBracesInAMessageAreKept() {
        vm.loadMessage(json("{\"properties\": {\"subject\": \"${uuid} is literal\"}}"));
        assertEquals("$${uuid} is literal", vm.form.properties.get("subject").text());
        assertEquals("${uuid} is literal", vm.message().properties().subject());
        assertTrue(vm.jsonTextProperty().get().contains("\"subject\": \"$${uuid} is literal\""));
    }

    @Test
    void anEmptyTextIsNoMessage() {
        vm.jsonTextProperty().set("");
        assertEquals("$: malformed JSON at line 1, column 1: no JSON value", vm.jsonErrorProperty().get());
    }
}
