package org.amqpexplorer.ui.composer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Message;

/** Test helpers: a composer without a screen, and the checks every composed message goes through. */
final class Composers {
    private Composers() {
    }

    /** A composer whose templates live in {@code dir} and whose send reports are applied at once. */
    static ComposerViewModel composer(Path dir) {
        return new ComposerViewModel(new TemplateStore(dir), Runnable::run);
    }

    static Message json(String messageJson) {
        return TypedJson.readMessage(messageJson);
    }

    /** The form is valid and composes exactly what the typed JSON reads as. */
    static void assertComposes(String expectedJson, ComposerViewModel vm) {
        assertEquals(List.of(), vm.problemTexts(), "problems");
        assertEquals(json(expectedJson), vm.message());
    }

    /**
     * The composed message survives the wire and the viewer: encoded and decoded it is the same message, the
     * viewer's tree shows the same typed values as the form, and a composer loaded with it composes it again
     * and shows the same typed JSON.
     */
    static void assertRoundTrips(ComposerViewModel vm, Path dir) {
        Message sent = vm.message();
        byte[] bytes = sent.toBytes();
        Message received = Message.decode(bytes);
        assertEquals(sent, received, "decoded");

        MessageViewerViewModel viewer = new MessageViewerViewModel();
        viewer.show(received, bytes, "received");
        assertEquals(received, viewer.messageProperty().get());
        ValueNode tree = viewer.treeProperty().get();
        if (vm.form.bodyKind.get() == MessageForm.BodyKind.VALUE) {
            ValueNode body = tree.children().stream().filter(n -> n.label().equals("amqp-value")).findFirst().orElseThrow();
            // The same types in the same shape as the form, and the same texts as the value sent shows.
            assertEquals(describe(vm.form.amqpValue, false), describe(body, false), "viewer's amqp-value types");
            org.amqpexplorer.protocol.codec.AmqpValue v = ((org.amqpexplorer.protocol.types.Body.ValueBody) sent.body()).section().value();
            assertEquals(describe(ValueNode.viewOf(ValueNode.Role.VALUE, "", v), true), describe(body, true), "viewer's amqp-value");
        }

        ComposerViewModel again = composer(dir);
        again.loadMessage(received);
        assertEquals(List.of(), again.problemTexts(), "problems after loading");
        assertEquals(received, again.message(), "recomposed");
        assertEquals(TypedJson.readMessage(vm.jsonTextProperty().get()), TypedJson.readMessage(again.jsonTextProperty().get()), "JSON");
    }

    /** A node and its parts as text: type, text of primitives, parts in order. */
    static String describe(ValueNode n) {
        return describe(n, true);
    }

    static String describe(ValueNode n, boolean texts) {
        String own = n.type() + (n.isCompound() || !texts ? "" : " " + n.text());
        if (n.type() == org.amqpexplorer.protocol.codec.AmqpType.ARRAY) own += " of " + n.elementTypeProperty().get();
        if (n.children().isEmpty()) return own;
        return own + n.children().stream().map(c -> c.role() == ValueNode.Role.ENTRY
                ? "{" + describe(c.key(), texts) + " -> " + describe(c.value(), texts) + "}" : describe(c, texts)).collect(Collectors.joining(", ", "[", "]"));
    }
}
