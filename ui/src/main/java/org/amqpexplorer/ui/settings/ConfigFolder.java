package org.amqpexplorer.ui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where this program keeps its settings (saved connections, message templates): the operating system's usual
 * per-user configuration folder.
 */
public final class ConfigFolder {
    private ConfigFolder() {
    }

    /**
     * On Linux and others {@code $XDG_CONFIG_HOME/amqp-explorer} (or {@code ~/.config/amqp-explorer}), on macOS
     * {@code ~/Library/Application Support/AMQP Explorer}, on Windows {@code %APPDATA%\AMQP Explorer}.
     */
    public static Path standard() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? home.getFileSystem().getPath(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("AMQP Explorer");
        }
        if (os.startsWith("mac")) return home.resolve("Library").resolve("Application Support").resolve("AMQP Explorer");
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec ignores a relative XDG_CONFIG_HOME.
        Path base = xdg != null && !xdg.isBlank() && home.getFileSystem().getPath(xdg).isAbsolute()
                ? home.getFileSystem().getPath(xdg) : home.resolve(".config");
        return base.resolve("amqp-explorer");
    }
}
