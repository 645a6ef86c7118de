package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.assertComposes;
import static org.amqpexplorer.ui.composer.Composers.assertRoundTrips;
import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every section of a message composed in the form gives what typed JSON reads, and survives the wire and the viewer. */
class ComposerSectionsTest {
    @TempDir
    Path dir;
    ComposerViewModel vm;
    MessageForm form;

    @BeforeEach
    void setUp() {
        vm = composer(dir);
        form = vm.form;
        form.bodyKind.set(MessageForm.BodyKind.NONE);
    }

    void set(String field, String text) {
        ValueNode f = form.header.containsKey(field) ? form.header.get(field) : form.properties.get(field);
        f.textProperty().set(text);
    }

    @Test
    void aNewComposerHoldsOneEmptyTextDataSection() {
        ComposerViewModel fresh = composer(dir);
        assertComposes("{\"body\": {\"data\": [\"\"]}}", fresh);
    }

    @Test
    void header() {
        set("durable", "true");
        set("priority", "9");
        set("ttl", "60000");
        set("firstAcquirer", "false");
        set("deliveryCount", "3");
        assertTrue(form.headerIncluded.get(), "setting a field includes its section");
        assertComposes("{\"header\": {\"durable\": true, \"priority\": 9, \"ttl\": 60000, \"firstAcquirer\": false, \"deliveryCount\": 3}}", vm);
        assertRoundTrips(vm, dir);

        // Clearing a field leaves it out; an included section with no fields is an empty header, not none.
        for (String f : form.header.keySet()) set(f, "");
        assertComposes("{\"header\": {}}", vm);
        form.headerIncluded.set(false);
        assertComposes("{}", vm);
        // Its fields are kept while it is left out.
        set("priority", "1");
        assertComposes("{\"header\": {\"priority\": 1}}", vm);
    }

    @Test
    void propertiesWithEveryKindOfMessageId() {
        set("userId", "guest");
        set("to", "queue-a");
        set("subject", "s");
        set("replyTo", "replies");
        set("contentType", "application/json");
        set("contentEncoding", "gzip");
        set("absoluteExpiryTime", "2023-11-14T22:14:20Z");
        set("creationTime", "1700000000000");
        set("groupId", "g");
        set("groupSequence", "4294967295");
        set("replyToGroupId", "rg");
        String rest = "\"userId\": \"Z3Vlc3Q=\", \"to\": \"queue-a\", \"subject\": \"s\", \"replyTo\": \"replies\","
                + " \"contentType\": \"application/json\", \"contentEncoding\": \"gzip\", \"absoluteExpiryTime\": 1700000060000,"
                + " \"creationTime\": 1700000000000, \"groupId\": \"g\", \"groupSequence\": 4294967295, \"replyToGroupId\": \"rg\"";
        String[][] ids = {
                {"ulong", "42", "{\"ulong\": 42}"},
                {"uuid", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "{\"uuid\": \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"}"},
                {"binary", "01 02", "{\"binary\": \"AQI=\"}"},
                {"string", "m-1", "{\"string\": \"m-1\"}"}};
        for (String[] id : ids) {
            ValueNode messageId = form.properties.get("messageId");
            ValueNode correlationId = form.properties.get("correlationId");
            messageId.typeProperty().set(AmqpType.ofSpecName(id[0]));
            messageId.textProperty().set(id[1]);
            correlationId.typeProperty().set(AmqpType.ofSpecName(id[0]));
            correlationId.textProperty().set(id[1]);
            assertComposes("{\"properties\": {\"messageId\": " + id[2] + ", " + rest + ", \"correlationId\": " + id[2] + "}}", vm);
            assertRoundTrips(vm, dir);
        }
        // user-id as hex; an empty subject is a present empty string once ticked.
        ValueNode userId = form.properties.get("userId");
        assertTrue(userId.showBinaryAsText(false));
        assertEquals("67 75 65 73 74", userId.text());
        set("subject", "");
        assertFalse(form.properties.get("subject").isPresent());
        form.properties.get("subject").presentProperty().set(true);
        assertEquals("", vm.message().properties().subject());
        assertRoundTrips(vm, dir);
    }

    @Test
    void annotationsWithSymbolAndUlongKeys() {
        ValueNode da = form.deliveryAnnotations;
        ValueNode trace = da.addItem(0, AmqpType.STRING);
        assertEquals(AmqpType.SYMBOL, trace.key().type(), "annotation keys start as symbols");
        trace.key().textProperty().set("x-opt-trace");
        trace.value().textProperty().set("a");
        ValueNode ma = form.messageAnnotations;
        ValueNode partition = ma.addItem(0, AmqpType.INT);
        partition.key().textProperty().set("x-opt-partition");
        partition.value().textProperty().set("3");
        ValueNode numbered = ma.addItem(1, AmqpType.LIST);
        numbered.key().typeProperty().set(AmqpType.ULONG);
        numbered.key().textProperty().set("77");
        numbered.value().addItem(0, AmqpType.UBYTE).textProperty().set("1");
        ValueNode checksum = form.footer.addItem(0, AmqpType.UINT);
        checksum.key().textProperty().set("x-opt-checksum");
        checksum.value().textProperty().set("12345");
        assertTrue(form.deliveryAnnotationsIncluded.get() && form.messageAnnotationsIncluded.get() && form.footerIncluded.get());
        assertComposes("{\"deliveryAnnotations\": [[{\"symbol\": \"x-opt-trace\"}, {\"string\": \"a\"}]],"
                + " \"messageAnnotations\": [[{\"symbol\": \"x-opt-partition\"}, {\"int\": 3}], [{\"ulong\": 77}, {\"list\": [{\"ubyte\": 1}]}]],"
                + " \"footer\": [[{\"symbol\": \"x-opt-checksum\"}, {\"uint\": 12345}]]}", vm);
        assertRoundTrips(vm, dir);
        assertEquals(ValueNode.ANNOTATION_KEY_TYPES, trace.key().allowedTypes());
    }

    @Test
    void applicationProperties() {
        ValueNode ap = form.applicationProperties;
        ValueNode count = ap.addItem(0, AmqpType.INT);
        assertEquals(AmqpType.STRING, count.key().type());
        count.key().textProperty().set("count");
        count.value().textProperty().set("3");
        ValueNode name = ap.addItem(1, AmqpType.STRING);
        name.key().textProperty().set("na me ${x}");
        name.value().textProperty().set("v");
        ValueNode tagged = ap.addItem(2, AmqpType.DESCRIBED);
        tagged.key().textProperty().set("tagged");
        tagged.value().descriptor().textProperty().set("t");
        assertComposes("{\"applicationProperties\": {\"count\": {\"int\": 3}, \"na me ${x}\": {\"string\": \"v\"},"
                + " \"tagged\": {\"described\": {\"descriptor\": {\"symbol\": \"t\"}, \"value\": {\"null\": null}}}}}", vm);
        assertRoundTrips(vm, dir);
        assertFalse(count.value().allowedTypes().contains(AmqpType.LIST), "values are simple types");
        assertEquals(ValueNode.STRING_ONLY, count.key().allowedTypes());
    }

    @Test
    void dataSectionsAsTextInACharsetHexAndAFile() throws Exception {
        form.bodyKind.set(MessageForm.BodyKind.DATA);
        DataSection text = form.data.getFirst();
        text.textProperty().set("héllo");
        DataSection latin = form.addDataSection();
        latin.charsetProperty().set(StandardCharsets.ISO_8859_1);
        latin.textProperty().set("héllo");
        DataSection hex = form.addDataSection();
        assertNull(vm.form.data.get(2).error());
        assertNull(vm.switchDataMode(hex, DataSection.Mode.HEX) ? null : "refused");
        hex.textProperty().set("00 01\nfe ff");
        DataSection file = form.addDataSection();
        Path f = dir.resolve("body.bin");
        Files.write(f, new byte[] {9, 8, 7});
        assertTrue(vm.loadFile(file, f));
        assertEquals("body.bin", file.fileNameProperty().get());
        assertComposes("{\"body\": {\"data\": [\"" + b64("héllo".getBytes(StandardCharsets.UTF_8)) + "\", \""
                + b64("héllo".getBytes(StandardCharsets.ISO_8859_1)) + "\", \"AAH+/w==\", \"CQgH\"]}}", vm);
        assertRoundTrips(vm, dir);

        // Switching keeps the bytes, or is refused.
        assertTrue(vm.switchDataMode(text, DataSection.Mode.HEX));
        assertEquals("68 c3 a9 6c 6c 6f", text.textProperty().get());
        assertFalse(vm.switchDataMode(hex, DataSection.Mode.TEXT));
        assertEquals("these bytes are not UTF-8 text", vm.statusProperty().get());
        assertEquals(DataSection.Mode.HEX, hex.mode());
        assertTrue(vm.switchDataMode(file, DataSection.Mode.HEX), "a small file's bytes can be edited as hex");
        assertEquals("09 08 07", file.textProperty().get());
    }

    @Test
    void sequences() {
        form.bodyKind.set(MessageForm.BodyKind.SEQUENCE);
        ValueNode first = form.addSequence();
        first.addItem(0, AmqpType.INT).textProperty().set("1");
        first.addItem(1, AmqpType.NULL);
        form.addSequence();
        assertComposes("{\"body\": {\"amqpSequence\": [[{\"int\": 1}, {\"null\": null}], []]}}", vm);
        assertRoundTrips(vm, dir);
        form.sequences.removeFirst();
        assertComposes("{\"body\": {\"amqpSequence\": [[]]}}", vm);
    }

    @Test
    void everySectionAtOnce() {
        set("durable", "true");
        set("messageId", "m");
        form.messageAnnotations.addItem(0, AmqpType.STRING).key().textProperty().set("x-opt-a");
        form.applicationProperties.addItem(0, AmqpType.BOOLEAN).key().textProperty().set("flag");
        form.deliveryAnnotations.addItem(0, AmqpType.STRING).key().textProperty().set("x-opt-d");
        form.footer.addItem(0, AmqpType.STRING).key().textProperty().set("x-opt-f");
        form.bodyKind.set(MessageForm.BodyKind.VALUE);
        form.amqpValue.typeProperty().set(AmqpType.MAP);
        assertComposes("{\"header\": {\"durable\": true}, \"deliveryAnnotations\": [[{\"symbol\": \"x-opt-d\"}, {\"string\": \"\"}]],"
                + " \"messageAnnotations\": [[{\"symbol\": \"x-opt-a\"}, {\"string\": \"\"}]], \"properties\": {\"messageId\": {\"string\": \"m\"}},"
                + " \"applicationProperties\": {\"flag\": {\"boolean\": false}}, \"body\": {\"amqpValue\": {\"map\": []}},"
                + " \"footer\": [[{\"symbol\": \"x-opt-f\"}, {\"string\": \"\"}]]}", vm);
        assertRoundTrips(vm, dir);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
