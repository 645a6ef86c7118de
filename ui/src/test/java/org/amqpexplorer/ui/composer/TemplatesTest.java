package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates: saved, loaded, renamed, deleted, imported and exported as typed-JSON files in one folder. */
class TemplatesTest {
    @TempDir
    Path dir;

    @Test
    void storeCrud() throws Exception {
        TemplateStore store = new TemplateStore(dir.resolve("t"));
        assertEquals(List.of(), store.names(), "no folder yet, no templates");
        store.save("b", "{}");
        store.save("A", "{\"header\": {}}");
        assertEquals(List.of("A", "b"), store.names());
        assertEquals("{}", store.read("b"));
        store.save("b", "{\"footer\": []}");
        assertEquals("{\"footer\": []}", store.read("b"));
        assertThrows(FileAlreadyExistsException.class, () -> store.rename("b", "A"));
        store.rename("b", "c");
        assertEquals(List.of("A", "c"), store.names());
        store.delete("A");
        assertEquals(List.of("c"), store.names());
        assertEquals(List.of("c.json"), Files.list(dir.resolve("t")).map(p -> p.getFileName().toString()).toList(), "no temporary files left");
        assertThrows(IllegalArgumentException.class, () -> store.save("../escape", "{}"));
        assertEquals("a template name cannot hold '/'", TemplateStore.nameProblem("a/b"));
        assertEquals("\"con\" is reserved on Windows", TemplateStore.nameProblem("con"));
        assertNull(TemplateStore.nameProblem("order (v2)"));
    }

    @Test
    void composerCommands() throws Exception {
        ComposerViewModel vm = composer(dir);
        ValueNode id = vm.form.properties.get("messageId");
        id.typeProperty().set(AmqpType.UUID);
        id.textProperty().set("${uuid}");
        vm.form.properties.get("subject").textProperty().set("order ${seq}");
        assertTrue(vm.saveTemplate("order"));
        assertEquals(List.of("order"), vm.templateNames());
        assertTrue(Files.readString(dir.resolve("order.json")).contains("\"${uuid}\""));

        ComposerViewModel other = composer(dir);
        assertEquals(List.of("order"), other.templateNames());
        assertTrue(other.loadTemplate("order"));
        assertEquals("${uuid}", other.form.properties.get("messageId").text());
        assertEquals(AmqpType.UUID, other.form.properties.get("messageId").type());
        assertEquals("order ${seq}", other.form.properties.get("subject").text());
        assertEquals("loaded template order", other.statusProperty().get());

        assertTrue(other.renameTemplate("order", "order v2"));
        assertEquals(List.of("order v2"), other.templateNames());
        assertFalse(other.renameTemplate("order v2", "a|b"));
        assertEquals("not renamed: a template name cannot hold '|'", other.statusProperty().get());
        assertTrue(other.statusIsErrorProperty().get());

        Path exported = Files.createDirectories(dir.resolve("elsewhere")).resolve("out.json");
        assertTrue(other.exportTemplate("order v2", exported));
        assertEquals(Files.readString(dir.resolve("order v2.json")), Files.readString(exported));
        assertEquals("order", other.importTemplate(writeFile("order.json", Files.readString(exported))));
        assertEquals("order (2)", other.importTemplate(writeFile("order.json", Files.readString(exported))));
        assertEquals(List.of("order", "order (2)", "order v2"), other.templateNames());

        assertTrue(other.deleteTemplate("order v2"));
        assertEquals(List.of("order", "order (2)"), other.templateNames());
        assertFalse(other.deleteTemplate("order v2"));
    }

    @Test
    void whatIsNotAMessageIsRefused() throws Exception {
        ComposerViewModel vm = composer(dir.resolve("store"));
        assertNull(vm.importTemplate(writeFile("bad.json", "{\"header\": {\"priority\": 300}}")));
        assertEquals("not imported: bad.json is not a message: $.header.priority: ubyte out of range: 300", vm.statusProperty().get());
        assertEquals(List.of(), vm.templateNames());

        vm.templateStore().save("broken", "{\"body\": ");
        vm.refreshTemplates();
        vm.form.header.get("priority").textProperty().set("3");
        assertFalse(vm.loadTemplate("broken"));
        assertTrue(vm.statusProperty().get().startsWith("template broken is not a message: $.body: malformed JSON"), vm.statusProperty().get());
        assertEquals("3", vm.form.header.get("priority").text(), "the form is unchanged");

        vm.form.header.get("priority").textProperty().set("300");
        assertFalse(vm.saveTemplate("x"));
        assertEquals("not saved: the message has problems; fix them first", vm.statusProperty().get());
        assertFalse(vm.saveTemplate(" "));
        assertEquals("not saved: a template needs a name", vm.statusProperty().get());
    }

    private Path writeFile(String name, String text) throws Exception {
        Path f = dir.resolve("import-" + System.nanoTime());
        Files.createDirectories(f);
        return Files.writeString(f.resolve(name), text);
    }
}
