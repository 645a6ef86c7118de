package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.amqpexplorer.ui.composer.Composers.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer: every section in wire order in one typed tree, the raw bytes, and its actions. */
class MessageViewerViewModelTest {
    @TempDir
    Path dir;

    static final Message EVERYTHING = json("""
            {"header": {"durable": true, "priority": 4},
             "deliveryAnnotations": [[{"symbol": "x-opt-trace"}, {"string": "a"}]],
             "messageAnnotations": [[{"ulong": 7}, {"list": [{"ubyte": 1}]}]],
             "properties": {"messageId": {"uuid": "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"}, "to": "q", "creationTime": 1700000000000},
             "applicationProperties": {"n": {"int": 3}},
             "body": {"data": ["aGVsbG8=", "AAH/"]},
             "footer": [[{"symbol": "x-opt-sum"}, {"uint": 1}]]}""");

    static List<String> rows(ValueNode n, String indent, List<String> out) {
        boolean heading = n.type() == null || n.role() == ValueNode.Role.ENTRY || n.role() == ValueNode.Role.SECTION && n.isCompound();
        out.add(indent + (n.label() == null ? n.role().toString().toLowerCase() : n.label())
                + (heading ? "" : " : " + n.type() + (n.isCompound() ? "" : " = " + n.text())));
        for (ValueNode c : n.children()) rows(c, indent + "  ", out);
        return out;
    }

    @Test
    void everySectionInWireOrder() {
        MessageViewerViewModel vm = new MessageViewerViewModel();
        byte[] bytes = EVERYTHING.toBytes();
        vm.show(EVERYTHING, bytes, "received on q");
        assertEquals("received on q", vm.captionProperty().get());
        List<String> rows = new ArrayList<>();
        for (ValueNode s : vm.treeProperty().get().children()) rows(s, "", rows);
        assertEquals(List.of(
                "header",
                "  durable : boolean = true",
                "  priority : ubyte = 4",
                "delivery-annotations",
                "  entry",
                "    key : symbol = x-opt-trace",
                "    entry_value : string = a",
                "message-annotations",
                "  entry",
                "    key : ulong = 7",
                "    entry_value : list",
                "      element : ubyte = 1",
                "properties",
                "  message-id : uuid = f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                "  to : string = q",
                "  creation-time : timestamp = 2023-11-14T22:13:20Z",
                "application-properties",
                "  entry",
                "    key : string = n",
                "    entry_value : int = 3",
                "data [0] · 5 bytes, UTF-8 text : binary = hello",
                "data [1] · 3 bytes : binary = 00 01 ff",
                "footer",
                "  entry",
                "    key : symbol = x-opt-sum",
                "    entry_value : uint = 1"), rows);

        List<Message.SectionAt> at = Message.decodeSections(bytes, 0, bytes.length);
        List<ValueNode> sections = vm.treeProperty().get().children();
        for (int i = 0; i < at.size(); i++) {
            assertArrayEquals(new int[] {at.get(i).offset(), at.get(i).length()}, vm.byteRange(sections.get(i)));
        }
        // The header is 9 bytes; its hex digits run from column 10 past the gap after the eighth byte.
        assertEquals(9, at.getFirst().length());
        assertArrayEquals(new int[] {10, 37}, vm.hexRange(sections.getFirst()));
        assertTrue(vm.hexProperty().get().startsWith("00000000  00 53 70 c0 "), vm.hexProperty().get());
        assertArrayEquals(bytes, vm.rawBytes());
    }

    @Test
    void actions() throws Exception {
        MessageViewerViewModel vm = new MessageViewerViewModel();
        vm.show(EVERYTHING, null, "sent");
        assertEquals(EVERYTHING, TypedJson.readMessage(vm.json()));

        Path json = dir.resolve("m.json");
        assertTrue(vm.saveJson(json));
        assertEquals(EVERYTHING, TypedJson.readMessage(Files.readString(json)));
        Path raw = dir.resolve("m.bin");
        assertTrue(vm.saveRaw(raw));
        assertEquals(EVERYTHING, Message.decode(Files.readAllBytes(raw)));

        assertFalse(vm.canEditAsNew(), "nowhere to edit it yet");
        ComposerViewModel composer = composer(dir);
        vm.setOnEditAsNew(composer::loadMessage);
        vm.editAsNew();
        assertEquals(EVERYTHING, composer.message());
        assertEquals(AmqpType.UUID, composer.form.properties.get("messageId").type());
    }

    @Test
    void bytesThatAreNotAMessage() {
        MessageViewerViewModel vm = new MessageViewerViewModel();
        vm.show(new byte[] {0x00, 0x53, 0x70, (byte) 0xFF}, "garbage");
        assertNull(vm.messageProperty().get());
        assertTrue(vm.statusIsErrorProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("not a message: "), vm.statusProperty().get());
        assertTrue(vm.hexProperty().get().startsWith("00000000  00 53 70 ff"));
        assertNull(vm.json());
    }

    @Test
    void whatTypedJsonCannotExpressIsSaidSo() {
        Message m = new Message(null, null, null, new Properties(null, null, new SymbolValue("q"), null, null, null, null,
                null, null, null, null, null, null), null, null, null);
        MessageViewerViewModel vm = new MessageViewerViewModel();
        vm.show(m, null, "");
        assertNull(vm.json());
        assertEquals("cannot write as typed JSON: $.properties.to: cannot be written: typed JSON does not allow a symbol here",
                vm.statusProperty().get());
    }
}
