package org.amqpexplorer.ui.composer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One data body section (3.2.6) as the user gives it: text encoded in a chosen charset, hex digits, or the
 * bytes of a file. Switching between the forms keeps the bytes; a switch that cannot (bytes that are not
 * text in the charset) is refused rather than made lossy.
 */
final class DataSection {

    enum Mode { TEXT, HEX, FILE }

    /** Charsets offered for text; any other the JVM knows can be set too. */
    static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);

    /** Bigger files are refused: the whole body is held in memory and sent as one message. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Bigger bodies are kept as bytes when loaded, not shown as hex or text in the form. */
    static final int MAX_EDITABLE_BYTES = 256 * 1024;

    private final Supplier<NodePath> path;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.TEXT);
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset", StandardCharsets.UTF_8);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<byte[]> fileBytes = new ReadOnlyObjectWrapper<>(this, "fileBytes", new byte[0]);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "0 bytes");

    DataSection(Supplier<NodePath> path, Runnable onChange) {
        this.path = path;
        mode.addListener(o -> onChange.run());
        charset.addListener(o -> onChange.run());
        text.addListener(o -> onChange.run());
        fileBytes.addListener(o -> onChange.run());
    }

    NodePath path() {
        return path.get();
    }

    ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    Mode mode() {
        return mode.get();
    }

    ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    /** The text (in text mode) or hex digits (in hex mode). */
    StringProperty textProperty() {
        return text;
    }

    ReadOnlyObjectProperty<byte[]> fileBytesProperty() {
        return fileBytes.getReadOnlyProperty();
    }

    ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    String error() {
        return error.get();
    }

    /** How many bytes the section holds, in words, e.g. "12 bytes". */
    ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /**
     * The section's bytes.
     *
     * @throws InvalidInput naming the section, if its text cannot be encoded or its hex is not hex
     */
    byte[] bytes() {
        try {
            return switch (mode.get()) {
                case TEXT -> encode(text.get(), charset.get());
                case HEX -> ValueText.parseHex(text.get());
                case FILE -> fileBytes.get();
            };
        } catch (InvalidInput e) {
            throw e.at(path());
        }
    }

    /** Checks the section, setting its error and size; true if its bytes can be made. */
    boolean check(List<Problem> problems) {
        try {
            int n = bytes().length;
            size.set(n == 1 ? "1 byte" : n + " bytes");
            error.set(null);
            return true;
        } catch (InvalidInput e) {
            size.set("? bytes");
            error.set(e.reason());
            problems.add(new Problem(path(), e.reason(), this));
            return false;
        }
    }

    /**
     * Shows the same bytes another way. Refused, with the reason, if the current content is invalid or the
     * bytes cannot be shown that way (not text in the charset, or too large to edit); null when done.
     */
    String switchTo(Mode m) {
        if (m == mode.get()) return null;
        if (m == Mode.FILE) return "load a file to take the body from a file";
        byte[] b;
        try {
            b = bytes();
        } catch (InvalidInput e) {
            return "cannot switch while the content is invalid: " + e.reason();
        }
        if (b.length > MAX_EDITABLE_BYTES) return "too large to edit as " + m.name().toLowerCase() + " (" + b.length + " bytes)";
        String shown;
        if (m == Mode.HEX) {
            shown = ValueText.hex(b);
        } else {
            shown = decode(b, charset.get());
            if (shown == null) return "these bytes are not " + charset.get().name() + " text";
        }
        text.set(shown);
        mode.set(m);
        return null;
    }

    /** Takes the body from a file (its bytes as they are now; the file is not read again). */
    void loadFile(Path file) throws IOException {
        long n = Files.size(file);
        if (n > MAX_FILE_BYTES) throw new IOException(file.getFileName() + " is " + n + " bytes; the composer takes files up to " + MAX_FILE_BYTES);
        setBytes(Files.readAllBytes(file), file.getFileName().toString());
    }

    /**
     * Shows bytes from a message: as UTF-8 text if they are readable text, else as hex, and kept as bytes if
     * too large to edit.
     */
    void load(byte[] bytes) {
        if (bytes.length <= MAX_EDITABLE_BYTES) {
            String t = ValueText.utf8(bytes);
            charset.set(StandardCharsets.UTF_8);
            if (t != null && ValueText.readable(t)) {
                text.set(t);
                mode.set(Mode.TEXT);
            } else {
                text.set(ValueText.hex(bytes));
                mode.set(Mode.HEX);
            }
        } else {
            setBytes(bytes, "received body");
        }
    }

    private void setBytes(byte[] bytes, String name) {
        fileName.set(name);
        fileBytes.set(bytes);
        mode.set(Mode.FILE);
    }

    /** The text in the charset; a character the charset lacks is an error, never a silent '?'. */
    static byte[] encode(String s, Charset cs) {
        CharsetEncoder encoder = cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = encoder.encode(CharBuffer.wrap(s));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            int at = firstUnencodable(s, cs);
            int cp = s.codePointAt(at);
            throw new InvalidInput(String.format("%s cannot encode the character %s (U+%04X) at position %d",
                    cs.name(), Character.isSurrogate((char) cp) ? "half a surrogate pair" : "'" + Character.toString(cp) + "'", cp, at));
        }
    }

    private static int firstUnencodable(String s, Charset cs) {
        CharsetEncoder encoder = cs.newEncoder();
        for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
            int end = s.offsetByCodePoints(i, 1);
            if (Character.isSurrogate(s.charAt(i)) && end - i == 1) return i;
            if (!encoder.canEncode(s.subSequence(i, end))) return i;
        }
        return 0;
    }

    /** The bytes as text in the charset, or null if they are not. */
    static String decode(byte[] b, Charset cs) {
        try {
            String s = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            // Some decoders drop a byte-order mark; only a text that encodes back to the same bytes is the same.
            return java.util.Arrays.equals(encode(s, cs), b) ? s : null;
        } catch (CharacterCodingException | InvalidInput e) {
            return null;
        }
    }
}
