package org.amqpexplorer.ui.connect;

import java.nio.file.Path;
import java.util.Locale;

/** Where this program keeps its settings: the operating system's usual per-user configuration folder. */
public final class ConfigFolder {
    private ConfigFolder() {
    }

    /**
     * Linux and others: {@code $XDG_CONFIG_HOME/amqp-explorer} or {@code ~/.config/amqp-explorer}; macOS:
     * {@code ~/Library/Application Support/AMQP Explorer}; Windows: {@code %APPDATA%\AMQP Explorer}.
     */
    public static Path standard() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("AMQP Explorer");
        }
        if (os.contains("mac")) return home.resolve("Library").resolve("Application Support").resolve("AMQP Explorer");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("amqp-explorer");
    }
}
