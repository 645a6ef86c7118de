package org.amqpexplorer.ui.composer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.types.AmqpSequence;
import org.amqpexplorer.protocol.types.AmqpValueSection;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.DeliveryAnnotations;
import org.amqpexplorer.protocol.types.Footer;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Properties;

/**
 * The message viewer: a received (or sent) message with every section in one read-only typed tree, in the
 * order the sections came on the wire, and its raw bytes as a hex dump; "edit as new", copy as typed JSON and
 * save to a file. Knows no controls; {@link MessageViewerView} shows it.
 *
 * <p>For the host: {@link #show(Message, byte[], String)} (or {@link #show(byte[], String)} for a payload
 * as received), and {@link #setOnEditAsNew} to open the message in a composer.
 */
public final class MessageViewerViewModel {
    /** The hex dump shows at most this many bytes. */
    public static final int MAX_HEX_BYTES = 64 * 1024;
    private static final int DATA_PREVIEW_CHARS = 2000;

    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<ValueNode> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyStringWrapper hex = new ReadOnlyStringWrapper(this, "hex", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");
    private final Map<ValueNode, int[]> byteRanges = new IdentityHashMap<>();
    private byte[] raw = new byte[0];
    private Consumer<Message> onEditAsNew;

    /** Shows a message; {@code raw} is its encoded payload, or null to show the message's own encoding. */
    public void show(Message m, byte[] raw, String caption) {
        byte[] bytes = raw != null ? raw.clone() : m.toBytes();
        List<Message.SectionAt> sections;
        try {
            sections = Message.decodeSections(bytes, 0, bytes.length);
        } catch (DecodeException e) {
            // The bytes given are not this message's; show the message's own encoding instead.
            bytes = m.toBytes();
            sections = Message.decodeSections(bytes, 0, bytes.length);
        }
        display(m, bytes, sections, caption);
        say("", false);
    }

    /** Shows a payload as received: decoded if it is a message, else the bytes and why they are not one. */
    public void show(byte[] payload, String caption) {
        byte[] bytes = payload.clone();
        try {
            List<Message.SectionAt> sections = Message.decodeSections(bytes, 0, bytes.length);
            display(Message.decode(bytes), bytes, sections, caption);
            say("", false);
        } catch (DecodeException e) {
            display(null, bytes, List.of(), caption);
            say("not a message: " + e.getMessage(), true);
        }
    }

    /** Shows nothing. */
    public void clear() {
        display(null, new byte[0], List.of(), "");
        say("", false);
    }

    private void display(Message m, byte[] bytes, List<Message.SectionAt> sections, String text) {
        raw = bytes;
        byteRanges.clear();
        ValueNode root = ValueNode.heading(ValueNode.Role.SECTION, "message", null, "");
        List<ValueNode> nodes = new ArrayList<>();
        int data = 0;
        int sequence = 0;
        for (Message.SectionAt at : sections) {
            ValueNode n = switch (at.section()) {
                case Header h -> header(h);
                case DeliveryAnnotations d -> ValueNode.viewOf(ValueNode.Role.SECTION, "delivery-annotations", d.value());
                case MessageAnnotations a -> ValueNode.viewOf(ValueNode.Role.SECTION, "message-annotations", a.value());
                case Properties p -> properties(p);
                case ApplicationProperties a -> ValueNode.viewOf(ValueNode.Role.SECTION, "application-properties", a.value());
                case Data d -> data(d, data++);
                case AmqpSequence s -> ValueNode.viewOf(ValueNode.Role.SECTION, "amqp-sequence [" + sequence++ + "]", new ListValue(s.value()));
                case AmqpValueSection v -> ValueNode.viewOf(ValueNode.Role.SECTION, "amqp-value", v.value());
                case Footer f -> ValueNode.viewOf(ValueNode.Role.SECTION, "footer", f.value());
            };
            byteRanges.put(n, new int[] {at.offset(), at.length()});
            nodes.add(n);
        }
        root.adopt(nodes);
        message.set(m);
        tree.set(root);
        hex.set(HexDump.of(bytes, MAX_HEX_BYTES));
        caption.set(text == null ? "" : text);
    }

    private static ValueNode header(Header h) {
        List<ValueNode> f = new ArrayList<>();
        if (h.durable() != null) f.add(field("durable", BooleanValue.of(h.durable())));
        if (h.priority() != null) f.add(field("priority", new UByteValue(h.priority())));
        if (h.ttl() != null) f.add(field("ttl", new UIntValue(h.ttl())));
        if (h.firstAcquirer() != null) f.add(field("first-acquirer", BooleanValue.of(h.firstAcquirer())));
        if (h.deliveryCount() != null) f.add(field("delivery-count", new UIntValue(h.deliveryCount())));
        return section("header", f);
    }

    private static ValueNode properties(Properties p) {
        List<ValueNode> f = new ArrayList<>();
        if (p.messageId() != null) f.add(field("message-id", p.messageId()));
        if (p.userId() != null) f.add(field("user-id", p.userId()));
        if (p.to() != null) f.add(field("to", p.to()));
        if (p.subject() != null) f.add(field("subject", new StringValue(p.subject())));
        if (p.replyTo() != null) f.add(field("reply-to", p.replyTo()));
        if (p.correlationId() != null) f.add(field("correlation-id", p.correlationId()));
        if (p.contentType() != null) f.add(field("content-type", new SymbolValue(p.contentType())));
        if (p.contentEncoding() != null) f.add(field("content-encoding", new SymbolValue(p.contentEncoding())));
        if (p.absoluteExpiryTime() != null) f.add(field("absolute-expiry-time", new TimestampValue(p.absoluteExpiryTime())));
        if (p.creationTime() != null) f.add(field("creation-time", new TimestampValue(p.creationTime())));
        if (p.groupId() != null) f.add(field("group-id", new StringValue(p.groupId())));
        if (p.groupSequence() != null) f.add(field("group-sequence", new UIntValue(p.groupSequence())));
        if (p.replyToGroupId() != null) f.add(field("reply-to-group-id", new StringValue(p.replyToGroupId())));
        return section("properties", f);
    }

    private static ValueNode data(Data d, int index) {
        BinaryValue b = d.value();
        byte[] bytes = b.toByteArray();
        String text = ValueText.utf8(bytes);
        boolean readable = text != null && ValueText.readable(text) && !text.isEmpty();
        String size = bytes.length == 1 ? "1 byte" : bytes.length + " bytes";
        String shown = readable
                ? (text.length() > DATA_PREVIEW_CHARS ? text.substring(0, DATA_PREVIEW_CHARS) + "…" : text)
                : ValueText.hex(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, DATA_PREVIEW_CHARS / 3)))
                        + (bytes.length > DATA_PREVIEW_CHARS / 3 ? " …" : "");
        return ValueNode.heading(ValueNode.Role.SECTION, "data [" + index + "] · " + size + (readable ? ", UTF-8 text" : ""), AmqpType.BINARY, shown);
    }

    private static ValueNode field(String label, AmqpValue v) {
        return ValueNode.viewOf(ValueNode.Role.FIELD, label, v);
    }

    private static ValueNode section(String label, List<ValueNode> fields) {
        ValueNode s = ValueNode.heading(ValueNode.Role.SECTION, label, null, "");
        s.adopt(fields);
        return s;
    }

    // ---- what the view shows

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The tree: a root whose children are the sections in wire order. */
    ReadOnlyObjectProperty<ValueNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The raw bytes as a hex dump (the first {@link #MAX_HEX_BYTES}). */
    public ReadOnlyStringProperty hexProperty() {
        return hex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    /** The raw bytes shown. */
    public byte[] rawBytes() {
        return raw.clone();
    }

    /** Where a section's bytes are, as {offset, length}, or null for a node that is not a section. */
    int[] byteRange(ValueNode section) {
        return byteRanges.get(section);
    }

    /** The hex dump's text range [from, to) holding a section's bytes, or null if not a section or not shown. */
    int[] hexRange(ValueNode section) {
        int[] r = byteRanges.get(section);
        if (r == null || r[0] + r[1] > MAX_HEX_BYTES) return null;
        return HexDump.range(r[0], r[1]);
    }

    private void say(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    // ---- actions

    public void setOnEditAsNew(Consumer<Message> action) {
        onEditAsNew = action;
    }

    /** True if there is a message and somewhere to edit it. */
    public boolean canEditAsNew() {
        return message.get() != null && onEditAsNew != null;
    }

    /** Hands the message to the composer the host wired in. */
    public void editAsNew() {
        if (canEditAsNew()) onEditAsNew.accept(message.get());
    }

    /** The message as typed JSON, or null (with the reason in the status) if typed JSON cannot express it. */
    public String json() {
        Message m = message.get();
        if (m == null) return null;
        try {
            return PrettyJson.write(TypedJson.toJson(m));
        } catch (TypedJsonException e) {
            say("cannot write as typed JSON: " + e.getMessage(), true);
            return null;
        }
    }

    /** Saves the message as typed JSON; false, with the reason, if it cannot. */
    public boolean saveJson(Path file) {
        String json = json();
        if (json == null) return false;
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            say("saved " + file.getFileName(), false);
            return true;
        } catch (IOException e) {
            say("not saved: " + e.getMessage(), true);
            return false;
        }
    }

    /** Saves the raw bytes (the encoded message sections). */
    public boolean saveRaw(Path file) {
        try {
            Files.write(file, raw);
            say("saved " + file.getFileName() + " (" + raw.length + " bytes)", false);
            return true;
        } catch (IOException e) {
            say("not saved: " + e.getMessage(), true);
            return false;
        }
    }
}
