package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the composer refuses, each with the field's typed-JSON path and the reason, shown at the field; nothing
 * is coerced into another type, and a bad JSON edit leaves the form as it was.
 */
class ComposerInvalidInputTest {
    @TempDir
    Path dir;
    ComposerViewModel vm;
    ValueNode root;

    @BeforeEach
    void setUp() {
        vm = composer(dir);
        vm.form.bodyKind.set(MessageForm.BodyKind.VALUE);
        root = vm.form.amqpValue;
    }

    /** The message is refused with exactly this problem, and the node shows the reason. */
    void assertRefused(String expected, ValueNode at) {
        assertNull(vm.message(), "no message while there are problems");
        assertEquals(List.of(expected), vm.problemTexts());
        assertEquals(expected.substring(expected.indexOf(": ") + 2), at.error(), "the reason shown at the field");
        assertSame(at, vm.problems().getFirst().source());
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of(AmqpType.UBYTE, "256"), Arguments.of(AmqpType.UBYTE, "-1"),
                Arguments.of(AmqpType.USHORT, "65536"), Arguments.of(AmqpType.USHORT, "-1"),
                Arguments.of(AmqpType.UINT, "4294967296"), Arguments.of(AmqpType.UINT, "-1"),
                Arguments.of(AmqpType.ULONG, "18446744073709551616"), Arguments.of(AmqpType.ULONG, "-1"),
                Arguments.of(AmqpType.BYTE, "128"), Arguments.of(AmqpType.BYTE, "-129"),
                Arguments.of(AmqpType.SHORT, "32768"), Arguments.of(AmqpType.SHORT, "-32769"),
                Arguments.of(AmqpType.INT, "2147483648"), Arguments.of(AmqpType.INT, "-2147483649"),
                Arguments.of(AmqpType.LONG, "9223372036854775808"), Arguments.of(AmqpType.LONG, "-9223372036854775809"),
                Arguments.of(AmqpType.FLOAT, "1e39"), Arguments.of(AmqpType.DOUBLE, "1e309"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outOfRange")
    void outOfRangeNumbers(AmqpType type, String text) {
        root.typeProperty().set(type);
        root.textProperty().set(text);
        String shown = type == AmqpType.ULONG || type == AmqpType.LONG ? text : text.replace("e", "E+");
        assertRefused("$.body.amqpValue: " + type + " out of range: " + shown, root);
    }

    @Test
    void outOfRangeInAField() {
        ValueNode priority = vm.form.header.get("priority");
        priority.textProperty().set("300");
        assertRefused("$.header.priority: ubyte out of range: 300", priority);
        priority.textProperty().set("4");
        assertEquals(List.of(), vm.problemTexts());
        assertNull(priority.error());
    }

    @Test
    void notANumberIsNotConverted() {
        root.typeProperty().set(AmqpType.INT);
        root.textProperty().set("1.5");
        assertRefused("$.body.amqpValue: int must be a whole number, found \"1.5\"", root);
        // Changing the type keeps the text and judges it anew: never silently rounded or truncated.
        root.typeProperty().set(AmqpType.DOUBLE);
        assertEquals(List.of(), vm.problemTexts());
        root.typeProperty().set(AmqpType.UBYTE);
        root.textProperty().set("7");
        root.typeProperty().set(AmqpType.BOOLEAN);
        assertRefused("$.body.amqpValue: boolean must be true or false, found \"7\"", root);
    }

    @Test
    void badUuid() {
        ValueNode id = vm.form.properties.get("messageId");
        id.typeProperty().set(AmqpType.UUID);
        id.textProperty().set("f81d4fae-7dec-11d0-a765");
        assertRefused("$.properties.messageId: uuid must be in the canonical 36-character form, found \"f81d4fae-7dec-11d0-a765\"", id);
    }

    @Test
    void nonAsciiSymbol() {
        root.typeProperty().set(AmqpType.SYMBOL);
        root.textProperty().set("naïve");
        assertRefused("$.body.amqpValue: symbol must be ASCII, found \"naïve\"", root);
        ValueNode contentType = vm.form.properties.get("contentType");
        root.textProperty().set("ok");
        contentType.textProperty().set("tëxt/plain");
        assertRefused("$.properties.contentType: symbol must be ASCII, found \"tëxt/plain\"", contentType);
    }

    @Test
    void mixedTypeArray() {
        root.typeProperty().set(AmqpType.ARRAY);
        root.elementTypeProperty().set(AmqpType.INT);
        root.addItem(0, AmqpType.INT).textProperty().set("1");
        ValueNode second = root.addItem(1, AmqpType.INT);
        second.typeProperty().set(AmqpType.STRING);
        assertRefused("$.body.amqpValue.array.values[1]: an array holds values of one type: this array's elements are int, this one is string", second);
    }

    @Test
    void mixedTypeArrayInJson() {
        Message before = vm.message();
        vm.jsonTextProperty().set("{\"body\": {\"amqpValue\": {\"array\": {\"type\": \"int\", \"values\": [1, \"a\"]}}}}");
        assertEquals("$.body.amqpValue.array.values[1]: int must be a JSON integer, found \"a\"", vm.jsonErrorProperty().get());
        assertEquals(before, vm.message(), "the form is unchanged");
    }

    @Test
    void malformedJsonKeepsTheForm() {
        vm.form.header.get("priority").textProperty().set("7");
        Message before = vm.message();
        String json = vm.jsonTextProperty().get();
        vm.jsonTextProperty().set("{\"header\": {\"priority\": 7,}}");
        assertTrue(vm.jsonErrorProperty().get().startsWith("$.header.priority: malformed JSON at line 1, column 27"), vm.jsonErrorProperty().get());
        assertEquals(before, vm.message());
        assertEquals("7", vm.form.header.get("priority").text());
        vm.jsonTextProperty().set("{\"header\": {\"priority\": 300}}");
        assertEquals("$.header.priority: ubyte out of range: 300", vm.jsonErrorProperty().get());
        assertEquals(before, vm.message());
        vm.jsonTextProperty().set(json);
        assertNull(vm.jsonErrorProperty().get());
    }

    @Test
    void badHexAndUnencodableText() {
        vm.form.bodyKind.set(MessageForm.BodyKind.DATA);
        DataSection d = vm.form.data.getFirst();
        d.charsetProperty().set(StandardCharsets.US_ASCII);
        d.textProperty().set("price: 5€");
        assertEquals(List.of("$.body.data[0]: US-ASCII cannot encode the character '€' (U+20AC) at position 8"), vm.problemTexts());
        assertEquals("US-ASCII cannot encode the character '€' (U+20AC) at position 8", d.error());
        d.textProperty().set("ok");
        assertTrue(vm.switchDataMode(d, DataSection.Mode.HEX));
        d.textProperty().set("6f 6g");
        assertEquals(List.of("$.body.data[0]: not a hex digit: \"g\""), vm.problemTexts());
        d.textProperty().set("6f 6");
        assertEquals(List.of("$.body.data[0]: hex digits come in pairs; there are 3"), vm.problemTexts());
    }

    @Test
    void badBinaryAndDecimalAndChar() {
        root.typeProperty().set(AmqpType.BINARY);
        root.textProperty().set("0x01");
        assertRefused("$.body.amqpValue: binary (hex): not a hex digit: \"x\"", root);
        root.typeProperty().set(AmqpType.DECIMAL32);
        root.textProperty().set("1234");
        assertRefused("$.body.amqpValue: decimal32 must be 8 lowercase hex digits, found \"1234\"", root);
        root.typeProperty().set(AmqpType.CHAR);
        root.textProperty().set("ab");
        assertRefused("$.body.amqpValue: char must be a string of one Unicode code point, found \"ab\"", root);
    }

    @Test
    void duplicateKeys() {
        root.typeProperty().set(AmqpType.MAP);
        root.addItem(0, AmqpType.INT).key().textProperty().set("k");
        ValueNode second = root.addItem(1, AmqpType.INT);
        second.key().textProperty().set("k");
        assertRefused("$.body.amqpValue.map[1]: duplicate key: the same as entry 0's", second);
        second.key().typeProperty().set(AmqpType.SYMBOL);
        assertEquals(List.of(), vm.problemTexts(), "a symbol key is not the string key");

        ValueNode ap = vm.form.applicationProperties;
        ap.addItem(0, AmqpType.INT).key().textProperty().set("n");
        ValueNode again = ap.addItem(1, AmqpType.INT);
        again.key().textProperty().set("n");
        assertEquals(List.of("$.applicationProperties.n: duplicate key: the same as entry 0's"), vm.problemTexts());
    }

    @Test
    void placeholders() {
        root.typeProperty().set(AmqpType.STRING);
        root.textProperty().set("id-${idd}");
        assertRefused("$.body.amqpValue: unknown placeholder ${idd}; known: ${uuid}, ${seq}, ${now}, ${iso-now} (write $${ for a literal ${)", root);
        root.typeProperty().set(AmqpType.UBYTE);
        root.textProperty().set("${now}");
        assertTrue(root.error().startsWith("ubyte out of range: "), root.error());
        assertTrue(root.error().endsWith(" (from ${now})"), root.error());
    }

    @Test
    void aReceivedMessageTheFormCannotSendAsItIsShowsWhy() {
        Message m = Message.of(Body.value(new SymbolValue("x")));
        m = new Message(null, null, null, new Properties(new SymbolValue("id"), null, new SymbolValue("q"), null, null, null,
                null, null, null, null, null, null, null), null, m.body(), null);
        vm.loadMessage(m);
        assertEquals(List.of("$.properties.messageId: a symbol is not allowed here; allowed: ulong, uuid, binary, string",
                "$.properties.to: a symbol is not allowed here; allowed: string"), vm.problemTexts());
    }
}
