package org.amqpexplorer.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFolderTest {
    @Test
    void eachSystemsUsualPlace() {
        Path home = Path.of("/home/ann");
        assertEquals(Path.of("/home/ann/.config/amqp-explorer"), ConfigFolder.of("Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/amqp-explorer"), ConfigFolder.of("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home));
        assertEquals(Path.of("/home/ann/.config/amqp-explorer"),
                ConfigFolder.of("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home), "a relative XDG_CONFIG_HOME is ignored");
        assertEquals(Path.of("/home/ann/Library/Application Support/AMQP Explorer"), ConfigFolder.of("Mac OS X", Map.of(), home));
        assertEquals(Path.of("/appdata/AMQP Explorer"), ConfigFolder.of("Windows 11", Map.of("APPDATA", "/appdata"), home));
    }
}
