package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.assertComposes;
import static org.amqpexplorer.ui.composer.Composers.assertRoundTrips;
import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every AMQP type composed in the form's value tree (as the amqp-value body) gives the value typed JSON reads,
 * and survives encode, decode, the viewer and loading back into a composer.
 */
class ComposerEveryTypeTest {
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

    static Stream<Arguments> primitives() {
        return Stream.of(
                Arguments.of(AmqpType.NULL, "", "{\"null\": null}"),
                Arguments.of(AmqpType.BOOLEAN, "true", "{\"boolean\": true}"),
                Arguments.of(AmqpType.BOOLEAN, "false", "{\"boolean\": false}"),
                Arguments.of(AmqpType.UBYTE, "255", "{\"ubyte\": 255}"),
                Arguments.of(AmqpType.USHORT, "65535", "{\"ushort\": 65535}"),
                Arguments.of(AmqpType.UINT, "4294967295", "{\"uint\": 4294967295}"),
                Arguments.of(AmqpType.ULONG, "18446744073709551615", "{\"ulong\": \"18446744073709551615\"}"),
                Arguments.of(AmqpType.BYTE, "-128", "{\"byte\": -128}"),
                Arguments.of(AmqpType.SHORT, "-32768", "{\"short\": -32768}"),
                Arguments.of(AmqpType.INT, "-2147483648", "{\"int\": -2147483648}"),
                Arguments.of(AmqpType.LONG, "-9223372036854775808", "{\"long\": \"-9223372036854775808\"}"),
                Arguments.of(AmqpType.FLOAT, "0.1", "{\"float\": 0.1}"),
                Arguments.of(AmqpType.FLOAT, "-0.0", "{\"float\": -0.0}"),
                Arguments.of(AmqpType.FLOAT, "NaN", "{\"float\": \"NaN\"}"),
                Arguments.of(AmqpType.DOUBLE, "1.0E300", "{\"double\": 1e300}"),
                Arguments.of(AmqpType.DOUBLE, "-Infinity", "{\"double\": \"-Infinity\"}"),
                Arguments.of(AmqpType.DECIMAL32, "2238000a", "{\"decimal32\": \"2238000a\"}"),
                Arguments.of(AmqpType.DECIMAL64, "2238000000000001", "{\"decimal64\": \"2238000000000001\"}"),
                Arguments.of(AmqpType.DECIMAL128, "22080000000000000000000000000001", "{\"decimal128\": \"22080000000000000000000000000001\"}"),
                Arguments.of(AmqpType.CHAR, "€", "{\"char\": \"€\"}"),
                Arguments.of(AmqpType.CHAR, "😀", "{\"char\": \"😀\"}"),
                Arguments.of(AmqpType.TIMESTAMP, "2023-11-14T22:13:20Z", "{\"timestamp\": 1700000000000}"),
                Arguments.of(AmqpType.TIMESTAMP, "1700000000123", "{\"timestamp\": 1700000000123}"),
                Arguments.of(AmqpType.TIMESTAMP, "-62167219200001", "{\"timestamp\": -62167219200001}"),
                Arguments.of(AmqpType.UUID, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "{\"uuid\": \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"}"),
                Arguments.of(AmqpType.BINARY, "00 01 ff", "{\"binary\": \"AAH/\"}"),
                Arguments.of(AmqpType.BINARY, "", "{\"binary\": \"\"}"),
                Arguments.of(AmqpType.STRING, "héllo ${not a placeholder", "{\"string\": \"héllo ${not a placeholder\"}"),
                Arguments.of(AmqpType.STRING, "", "{\"string\": \"\"}"),
                Arguments.of(AmqpType.STRING, "cost $${total}", "{\"string\": \"cost ${total}\"}"),
                Arguments.of(AmqpType.SYMBOL, "amqp:accepted:list", "{\"symbol\": \"amqp:accepted:list\"}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("primitives")
    void primitive(AmqpType type, String text, String json) {
        root.typeProperty().set(type);
        root.textProperty().set(text);
        if (text.contains("${not")) {
            // An unclosed ${ is an error, not a literal: the user is told to write $${.
            assertEquals(1, vm.problemTexts().size());
            root.textProperty().set(text.replace("${", "$${"));
        }
        assertComposes("{\"body\": {\"amqpValue\": " + json + "}}", vm);
        assertRoundTrips(vm, dir);
    }

    @Test
    void everyTypeIsCovered() {
        Set<AmqpType> covered = primitives().map(a -> (AmqpType) a.get()[0]).collect(Collectors.toCollection(() -> EnumSet.noneOf(AmqpType.class)));
        covered.addAll(EnumSet.of(AmqpType.LIST, AmqpType.MAP, AmqpType.ARRAY, AmqpType.DESCRIBED)); // below
        assertEquals(EnumSet.allOf(AmqpType.class), covered);
    }

    @Test
    void nestedListAndMap() {
        root.typeProperty().set(AmqpType.LIST);
        root.addItem(0, AmqpType.UBYTE).textProperty().set("7");
        ValueNode map = root.addItem(1, AmqpType.MAP);
        ValueNode entry = map.addItem(0, AmqpType.STRING);
        entry.key().textProperty().set("k");
        entry.value().typeProperty().set(AmqpType.MAP);
        ValueNode inner = entry.value().addItem(0, AmqpType.INT);
        inner.key().typeProperty().set(AmqpType.SYMBOL);
        inner.key().textProperty().set("deep");
        inner.value().textProperty().set("-5");
        ValueNode keyedByList = map.addItem(1, AmqpType.NULL);
        keyedByList.key().typeProperty().set(AmqpType.LIST);
        keyedByList.key().addItem(0, AmqpType.BOOLEAN).textProperty().set("true");
        root.addItem(2, AmqpType.LIST);
        assertComposes("{\"body\": {\"amqpValue\": {\"list\": [{\"ubyte\": 7}, {\"map\": ["
                + "[{\"string\": \"k\"}, {\"map\": [[{\"symbol\": \"deep\"}, {\"int\": -5}]]}],"
                + "[{\"list\": [{\"boolean\": true}]}, {\"null\": null}]]}, {\"list\": []}]}}}", vm);
        assertRoundTrips(vm, dir);
    }

    @Test
    void arrays() {
        root.typeProperty().set(AmqpType.ARRAY);
        root.elementTypeProperty().set(AmqpType.INT);
        root.addItem(0, AmqpType.STRING).textProperty().set("1");
        root.addItem(1, AmqpType.STRING).textProperty().set("2");
        assertComposes("{\"body\": {\"amqpValue\": {\"array\": {\"type\": \"int\", \"values\": [1, 2]}}}}", vm);
        assertRoundTrips(vm, dir);

        root.setArrayDescriptor(true);
        root.descriptor().textProperty().set("int-array");
        assertComposes("{\"body\": {\"amqpValue\": {\"array\": {\"descriptor\": {\"symbol\": \"int-array\"}, \"type\": \"int\", \"values\": [1, 2]}}}}", vm);
        assertRoundTrips(vm, dir);

        // Changing the element type retypes the elements and keeps their texts, which must then fit.
        root.setArrayDescriptor(false);
        root.elementTypeProperty().set(AmqpType.UBYTE);
        assertComposes("{\"body\": {\"amqpValue\": {\"array\": {\"type\": \"ubyte\", \"values\": [1, 2]}}}}", vm);
    }

    @Test
    void arraysOfArraysListsAndMaps() {
        root.typeProperty().set(AmqpType.ARRAY);
        root.elementTypeProperty().set(AmqpType.ARRAY);
        ValueNode bytes = root.addItem(0, AmqpType.ARRAY);
        bytes.elementTypeProperty().set(AmqpType.UBYTE);
        bytes.addItem(0, AmqpType.UBYTE).textProperty().set("1");
        ValueNode strings = root.addItem(1, AmqpType.ARRAY);
        strings.elementTypeProperty().set(AmqpType.STRING);
        strings.addItem(0, AmqpType.STRING).textProperty().set("a");
        assertComposes("{\"body\": {\"amqpValue\": {\"array\": {\"type\": \"array\", \"values\": ["
                + "{\"type\": \"ubyte\", \"values\": [1]}, {\"type\": \"string\", \"values\": [\"a\"]}]}}}}", vm);
        assertRoundTrips(vm, dir);

        root.elementTypeProperty().set(AmqpType.LIST);
        root.items().forEach(ValueNode::remove);
        root.addItem(0, AmqpType.LIST).addItem(0, AmqpType.INT).textProperty().set("1");
        root.addItem(1, AmqpType.LIST);
        assertComposes("{\"body\": {\"amqpValue\": {\"array\": {\"type\": \"list\", \"values\": [[{\"int\": 1}], []]}}}}", vm);
        assertRoundTrips(vm, dir);

        root.elementTypeProperty().set(AmqpType.MAP);
        root.items().forEach(ValueNode::remove);
        ValueNode e = root.addItem(0, AmqpType.MAP).addItem(0, AmqpType.UUID);
        e.key().textProperty().set("id");
        e.value().textProperty().set("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertComposes("{\"body\": {\"amqpValue\": {\"array\": {\"type\": \"map\", \"values\": ["
                + "[[{\"string\": \"id\"}, {\"uuid\": \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"}]]]}}}}", vm);
        assertRoundTrips(vm, dir);
    }

    @Test
    void describedValues() {
        root.typeProperty().set(AmqpType.DESCRIBED);
        root.descriptor().typeProperty().set(AmqpType.ULONG);
        root.descriptor().textProperty().set("74565");
        root.value().typeProperty().set(AmqpType.LIST);
        root.value().addItem(0, AmqpType.INT).textProperty().set("1");
        assertComposes("{\"body\": {\"amqpValue\": {\"described\": {\"descriptor\": {\"ulong\": 74565}, \"value\": {\"list\": [{\"int\": 1}]}}}}}", vm);
        assertRoundTrips(vm, dir);

        root.descriptor().typeProperty().set(AmqpType.SYMBOL);
        root.descriptor().textProperty().set("com.example:point");
        root.value().typeProperty().set(AmqpType.DESCRIBED);
        root.value().descriptor().textProperty().set("inner");
        root.value().value().typeProperty().set(AmqpType.STRING);
        root.value().value().textProperty().set("x");
        assertComposes("{\"body\": {\"amqpValue\": {\"described\": {\"descriptor\": {\"symbol\": \"com.example:point\"},"
                + " \"value\": {\"described\": {\"descriptor\": {\"symbol\": \"inner\"}, \"value\": {\"string\": \"x\"}}}}}}}", vm);
        assertRoundTrips(vm, dir);
    }

    @Test
    void reorderAndDelete() {
        root.typeProperty().set(AmqpType.LIST);
        ValueNode a = root.addItem(0, AmqpType.STRING);
        a.textProperty().set("a");
        ValueNode b = root.addItem(1, AmqpType.INT);
        b.textProperty().set("2");
        ValueNode c = root.addItem(2, AmqpType.SYMBOL);
        c.textProperty().set("c");
        c.move(-1);
        assertComposes("{\"body\": {\"amqpValue\": {\"list\": [{\"string\": \"a\"}, {\"symbol\": \"c\"}, {\"int\": 2}]}}}", vm);
        assertEquals(false, a.move(-1));
        a.remove();
        assertComposes("{\"body\": {\"amqpValue\": {\"list\": [{\"symbol\": \"c\"}, {\"int\": 2}]}}}", vm);
        // A list becomes an array of its elements; they must then share the array's type.
        root.typeProperty().set(AmqpType.ARRAY);
        assertEquals(AmqpType.SYMBOL, root.elementTypeProperty().get());
        assertEquals(1, vm.problemTexts().size());
        assertEquals("$.body.amqpValue.array.values[1]: an array holds values of one type: this array's elements are symbol, this one is int",
                vm.problemTexts().getFirst());
    }
}
