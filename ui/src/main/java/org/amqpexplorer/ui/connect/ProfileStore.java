package org.amqpexplorer.ui.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved connection profiles, as JSON in the configuration folder ({@code profiles.json}). Writes are atomic;
 * a file that cannot be read is never overwritten silently: it is kept aside as {@code profiles.json.unreadable}
 * and the error says so. Secrets are written only for profiles whose user asked for it, and then the file is
 * readable by its owner only.
 */
public final class ProfileStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public ProfileStore(Path folder) {
        this.file = folder.resolve("profiles.json");
    }

    public Path file() {
        return file;
    }

    /** The saved profiles; none if there is no file yet. */
    public List<ConnectionProfile> load() throws IOException {
        if (!Files.exists(file)) return List.of();
        try {
            return List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<ConnectionProfile>>() { }));
        } catch (JsonProcessingException e) {
            Path aside = file.resolveSibling("profiles.json.unreadable");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            throw new IOException("saved connections in " + file + " could not be read (" + e.getOriginalMessage()
                    + "); the file was kept as " + aside.getFileName() + " and a new one will be started");
        }
    }

    /** Adds or replaces (by name) a profile. */
    public void save(ConnectionProfile profile) throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(load());
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile.forDisk());
        write(all);
    }

    public void delete(String name) throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(load());
        if (all.removeIf(p -> p.name().equals(name))) write(all);
    }

    private void write(List<ConnectionProfile> all) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "profiles", ".tmp");
        boolean secrets = all.stream().anyMatch(p -> p.password() != null || p.keyStorePassword() != null);
        if (secrets && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        JSON.writeValue(tmp.toFile(), all);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
