package org.amqpexplorer.ui.composer;

import org.amqpexplorer.ui.settings.ConfigFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Saved message templates: one typed-JSON file per template, named after it ({@code name.json}), in one folder
 * (by default in the user's configuration folder, see {@link #defaultFolder()}). The store only moves text;
 * the composer checks that a template reads as a message.
 */
public final class TemplateStore {
    private static final String SUFFIX = ".json";
    private static final int MAX_NAME = 80;
    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private final Path folder;

    public TemplateStore(Path folder) {
        this.folder = folder;
    }

    /** The store in the user's configuration folder. */
    public static TemplateStore inUserConfig() {
        return new TemplateStore(defaultFolder());
    }

    /** Where templates live for this user: {@code templates} in the configuration folder ({@link ConfigFolder}). */
    public static Path defaultFolder() {
        return ConfigFolder.standard().resolve("templates");
    }

    public Path folder() {
        return folder;
    }

    /** The templates' names, sorted without regard to case; none if the folder does not exist yet. */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) return names;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f)) names.add(n.substring(0, n.length() - SUFFIX.length()));
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(String::compareTo));
        return names;
    }

    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    public String read(String name) throws IOException {
        return Files.readString(file(name), StandardCharsets.UTF_8);
    }

    /** Saves (or replaces) the template; written to a temporary file first, so a failed save loses nothing. */
    public void save(String name, String json) throws IOException {
        Path target = file(name);
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, ".saving-", SUFFIX + ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames a template; refused if another template already has the new name. */
    public void rename(String from, String to) throws IOException {
        Path source = file(from);
        Path target = file(to);
        if (!Files.exists(source)) throw new NoSuchFileException(from, null, "no template named " + from);
        // On a case-insensitive file system "a" and "A" are one file: renaming only the case is allowed.
        if (Files.exists(target) && !Files.isSameFile(source, target)) {
            throw new FileAlreadyExistsException(to, null, "a template named " + to + " already exists");
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }

    public void delete(String name) throws IOException {
        if (!Files.deleteIfExists(file(name))) throw new NoSuchFileException(name, null, "no template named " + name);
    }

    /**
     * Copies a typed-JSON file into the store, named after the file (with " (2)", " (3)" … if taken).
     *
     * @return the template's name
     */
    public String importFile(Path source, String json) throws IOException {
        String base = source.getFileName().toString();
        if (base.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) base = base.substring(0, base.length() - SUFFIX.length());
        base = sanitize(base);
        String name = base;
        for (int i = 2; exists(name); i++) name = base + " (" + i + ")";
        save(name, json);
        return name;
    }

    /** Writes a template to a file outside the store. */
    public void export(String name, Path target) throws IOException {
        Files.copy(file(name), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(String name) {
        String why = nameProblem(name);
        if (why != null) throw new IllegalArgumentException(why);
        return folder.resolve(name + SUFFIX);
    }

    /** Why a name cannot be a template's (it must be a file name on every system), or null if it can. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) return "a template needs a name";
        if (name.length() > MAX_NAME) return "a template name has at most " + MAX_NAME + " characters";
        if (!name.strip().equals(name)) return "a template name cannot start or end with a space";
        if (name.startsWith(".") || name.endsWith(".")) return "a template name cannot start or end with a dot";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)) {
                return "a template name cannot hold " + (Character.isISOControl(c) ? "control characters" : "'" + c + "'");
            }
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (RESERVED.contains(stem.toUpperCase(Locale.ROOT))) return "\"" + name + "\" is reserved on Windows";
        return null;
    }

    /** A usable name made from a file's name: forbidden characters become '_'. */
    static String sanitize(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.strip().toCharArray()) sb.append(FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c) ? '_' : c);
        String n = sb.toString().replaceAll("^\\.+|\\.+$", "");
        if (n.length() > MAX_NAME - 6) n = n.substring(0, MAX_NAME - 6).strip();
        if (n.isEmpty() || nameProblem(n) != null) n = "imported";
        return n;
    }
}
