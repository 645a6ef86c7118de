package org.amqpexplorer.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {

    @Test
    void theUrlFillsTheFieldsAndTheFieldsWriteTheUrl() {
        ConnectViewModel vm = new ConnectViewModel();
        vm.url.set("amqps://alice:s3cret@broker.example:5671?sasl=PLAIN&vhost=ns&idle-timeout=30000");
        assertTrue(vm.tls.get());
        assertEquals("broker.example", vm.host.get());
        assertEquals("5671", vm.port.get());
        assertEquals("alice", vm.user.get());
        assertEquals("s3cret", vm.password.get());
        assertEquals("PLAIN", vm.mechanism.get());
        assertEquals("ns", vm.virtualHost.get());
        assertEquals("30000", vm.idleTimeout.get());

        vm.host.set("other.example");
        assertTrue(vm.url.get().startsWith("amqps://alice:s3cret@other.example:5671?sasl=PLAIN&vhost=ns"), vm.url.get());
        vm.tls.set(false);
        assertTrue(vm.url.get().startsWith("amqp://alice:s3cret@other.example:5672"), vm.url.get());
    }

    @Test
    void problemsAreNamedByFieldAndBlockConnecting() {
        ConnectViewModel vm = new ConnectViewModel();
        vm.port.set("99999");
        vm.maxFrameSize.set("100");
        vm.mechanism.set("SCRAM-SHA-256");
        assertEquals(List.of("url", "port", "maxFrameSize", "user"), vm.problemFields());
        assertEquals("port must be between 1 and 65535", vm.problems.get().get("port"));
        assertNull(vm.request());
        vm.port.set("5672");
        vm.maxFrameSize.set("4096");
        vm.user.set("bob");
        vm.password.set("pw");
        ConnectViewModel.Request r = vm.request();
        assertNotNull(r);
        assertEquals(4096L, r.open().maxFrameSize());
        assertEquals("SCRAM-SHA-256", r.options().sasl().mechanism());
        assertFalse(r.label().contains("pw"));
    }

    @Test
    void aBadUrlKeepsTheFieldsAndSaysWhy() {
        ConnectViewModel vm = new ConnectViewModel();
        vm.url.set("amqp://good:5673");
        vm.url.set("http://bad");
        assertEquals("good", vm.host.get());
        assertTrue(vm.problems.get().get("url").contains("the scheme 'http' is not amqp or amqps"));
    }

    @Test
    void insecureTlsIsCarriedToTheOptionsAndTheLabel() {
        ConnectViewModel vm = new ConnectViewModel();
        vm.tls.set(true);
        vm.insecure.set(true);
        ConnectViewModel.Request r = vm.request();
        assertTrue(r.options().tls().insecure());
        assertTrue(r.label().endsWith("(INSECURE)"));
    }

    @Test
    void passwordsReachTheDiskOnlyWhenAskedTo(@TempDir Path dir) throws IOException {
        ProfileStore store = new ProfileStore(dir);
        ConnectViewModel vm = new ConnectViewModel();
        vm.url.set("amqp://carol:topsecret@host:5672");
        vm.profileName.set("carol's");
        store.save(vm.profile());
        assertFalse(Files.readString(store.file()).contains("topsecret"));
        assertNull(store.load().get(0).password());

        vm.savePassword.set(true);
        store.save(vm.profile());
        assertTrue(Files.readString(store.file()).contains("topsecret"));
        assertEquals(1, store.load().size());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));

        ConnectViewModel again = new ConnectViewModel();
        again.load(store.load().get(0));
        assertEquals("amqp://carol:topsecret@host:5672?idle-timeout=60000&max-frame-size=65536", again.url.get());
        store.delete("carol's");
        assertEquals(List.of(), store.load());
    }

    @Test
    void anUnreadableProfileFileIsKeptAsideNotLost(@TempDir Path dir) throws IOException {
        ProfileStore store = new ProfileStore(dir);
        Files.writeString(store.file(), "{not json");
        IOException e = assertThrows(IOException.class, store::load);
        assertTrue(e.getMessage().contains("kept as profiles.json.unreadable"), e.getMessage());
        assertEquals("{not json", Files.readString(dir.resolve("profiles.json.unreadable")));
        assertEquals(List.of(), store.load());
    }
}
