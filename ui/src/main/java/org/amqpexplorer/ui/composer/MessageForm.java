package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.types.AmqpSequence;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;

/**
 * Every section of a message as the composer edits it (3.2): header and properties as fields, annotations,
 * application properties and footer as maps, and the body as data sections, one amqp-value or amqp-sequence
 * sections. A section is in the message only while it is included, so an empty section and a missing one
 * stay different; editing a section includes it. The form turns into a typed-JSON message template (strings
 * may hold placeholders) and is filled from a {@link Message}.
 */
final class MessageForm {

    enum BodyKind { NONE, DATA, VALUE, SEQUENCE }

    /** A field of the header or properties: its JSON member, spec name, type and allowed types. */
    record FieldSpec(String json, String spec, AmqpType type, Set<AmqpType> allowed, boolean typed) {
        static FieldSpec of(String json, String spec, AmqpType type) {
            return new FieldSpec(json, spec, type, Set.of(type), false);
        }
    }

    static final List<FieldSpec> HEADER_FIELDS = List.of(
            FieldSpec.of("durable", "durable", AmqpType.BOOLEAN),
            FieldSpec.of("priority", "priority", AmqpType.UBYTE),
            FieldSpec.of("ttl", "ttl", AmqpType.UINT),
            FieldSpec.of("firstAcquirer", "first-acquirer", AmqpType.BOOLEAN),
            FieldSpec.of("deliveryCount", "delivery-count", AmqpType.UINT));

    static final List<FieldSpec> PROPERTIES_FIELDS = List.of(
            new FieldSpec("messageId", "message-id", AmqpType.STRING, ValueNode.MESSAGE_ID_TYPES, true),
            FieldSpec.of("userId", "user-id", AmqpType.BINARY),
            FieldSpec.of("to", "to", AmqpType.STRING),
            FieldSpec.of("subject", "subject", AmqpType.STRING),
            FieldSpec.of("replyTo", "reply-to", AmqpType.STRING),
            new FieldSpec("correlationId", "correlation-id", AmqpType.STRING, ValueNode.MESSAGE_ID_TYPES, true),
            FieldSpec.of("contentType", "content-type", AmqpType.SYMBOL),
            FieldSpec.of("contentEncoding", "content-encoding", AmqpType.SYMBOL),
            FieldSpec.of("absoluteExpiryTime", "absolute-expiry-time", AmqpType.TIMESTAMP),
            FieldSpec.of("creationTime", "creation-time", AmqpType.TIMESTAMP),
            FieldSpec.of("groupId", "group-id", AmqpType.STRING),
            FieldSpec.of("groupSequence", "group-sequence", AmqpType.UINT),
            FieldSpec.of("replyToGroupId", "reply-to-group-id", AmqpType.STRING));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final NodePath HEADER = NodePath.ROOT.member("header");
    private static final NodePath PROPERTIES = NodePath.ROOT.member("properties");
    private static final NodePath BODY = NodePath.ROOT.member("body");

    private final Runnable onChange;
    private int quiet;

    final BooleanProperty headerIncluded = new SimpleBooleanProperty(this, "headerIncluded");
    final BooleanProperty deliveryAnnotationsIncluded = new SimpleBooleanProperty(this, "deliveryAnnotationsIncluded");
    final BooleanProperty messageAnnotationsIncluded = new SimpleBooleanProperty(this, "messageAnnotationsIncluded");
    final BooleanProperty propertiesIncluded = new SimpleBooleanProperty(this, "propertiesIncluded");
    final BooleanProperty applicationPropertiesIncluded = new SimpleBooleanProperty(this, "applicationPropertiesIncluded");
    final BooleanProperty footerIncluded = new SimpleBooleanProperty(this, "footerIncluded");

    final Map<String, ValueNode> header = new LinkedHashMap<>();
    final Map<String, ValueNode> properties = new LinkedHashMap<>();
    final ValueNode deliveryAnnotations;
    final ValueNode messageAnnotations;
    final ValueNode applicationProperties;
    final ValueNode footer;

    final ObjectProperty<BodyKind> bodyKind = new SimpleObjectProperty<>(this, "bodyKind", BodyKind.DATA);
    final ObservableList<DataSection> data = FXCollections.observableArrayList();
    final ValueNode amqpValue;
    final ObservableList<ValueNode> sequences = FXCollections.observableArrayList();

    MessageForm(Runnable onChange) {
        this.onChange = () -> {
            if (quiet == 0) onChange.run();
        };
        quiet = 1; // building the form is not a change
        for (FieldSpec f : HEADER_FIELDS) header.put(f.json(), field(f, HEADER, headerIncluded));
        for (FieldSpec f : PROPERTIES_FIELDS) properties.put(f.json(), field(f, PROPERTIES, propertiesIncluded));
        properties.get("userId").preferBinaryAsText();
        deliveryAnnotations = annotations("deliveryAnnotations", deliveryAnnotationsIncluded);
        messageAnnotations = annotations("messageAnnotations", messageAnnotationsIncluded);
        footer = annotations("footer", footerIncluded);
        applicationProperties = map("applicationProperties", applicationPropertiesIncluded).asApplicationProperties();
        amqpValue = ValueNode.root(() -> BODY.member("amqpValue"), true, this.onChange);
        for (BooleanProperty p : List.of(headerIncluded, deliveryAnnotationsIncluded, messageAnnotationsIncluded,
                propertiesIncluded, applicationPropertiesIncluded, footerIncluded)) {
            p.addListener(o -> this.onChange.run());
        }
        bodyKind.addListener(o -> this.onChange.run());
        data.addListener((ListChangeListener<DataSection>) c -> this.onChange.run());
        sequences.addListener((ListChangeListener<ValueNode>) c -> this.onChange.run());
        data.add(newDataSection());
        quiet = 0;
    }

    private ValueNode field(FieldSpec f, NodePath section, BooleanProperty included) {
        ValueNode n = ValueNode.field(f.spec(), section.member(f.json()), f.type(), f.allowed(), f.typed(), onChange);
        n.presentProperty().addListener((o, was, now) -> {
            if (now && quiet == 0) included.set(true);
        });
        return n;
    }

    private ValueNode annotations(String name, BooleanProperty included) {
        return map(name, included).limitEntries(ValueNode.ANNOTATION_KEY_TYPES, ValueNode.ALL_TYPES);
    }

    private ValueNode map(String name, BooleanProperty included) {
        ValueNode n = ValueNode.root(() -> NodePath.ROOT.member(name), false, onChange).fixType(AmqpType.MAP);
        n.children().addListener((ListChangeListener<ValueNode>) c -> {
            if (quiet == 0 && !n.children().isEmpty()) included.set(true);
        });
        return n;
    }

    // ---- body sections

    DataSection newDataSection() {
        DataSection[] self = new DataSection[1];
        self[0] = new DataSection(() -> BODY.member("data").index(data.indexOf(self[0])), onChange);
        return self[0];
    }

    DataSection addDataSection() {
        DataSection d = newDataSection();
        data.add(d);
        return d;
    }

    ValueNode newSequence() {
        ValueNode[] self = new ValueNode[1];
        self[0] = ValueNode.root(() -> BODY.member("amqpSequence").index(sequences.indexOf(self[0])), false, onChange)
                .fixType(AmqpType.LIST);
        return self[0];
    }

    ValueNode addSequence() {
        ValueNode s = newSequence();
        sequences.add(s);
        return s;
    }

    // ---- checking and building

    /** The value trees of the included sections, for finding a node by path. */
    private List<ValueNode> includedTrees() {
        List<ValueNode> trees = new ArrayList<>();
        if (headerIncluded.get()) trees.addAll(header.values());
        if (deliveryAnnotationsIncluded.get()) trees.add(deliveryAnnotations);
        if (messageAnnotationsIncluded.get()) trees.add(messageAnnotations);
        if (propertiesIncluded.get()) trees.addAll(properties.values());
        if (applicationPropertiesIncluded.get()) trees.add(applicationProperties);
        switch (bodyKind.get()) {
            case VALUE -> trees.add(amqpValue);
            case SEQUENCE -> trees.addAll(sequences);
            default -> { }
        }
        if (footerIncluded.get()) trees.add(footer);
        return trees;
    }

    private List<ValueNode> allTrees() {
        List<ValueNode> trees = new ArrayList<>(header.values());
        trees.addAll(properties.values());
        trees.addAll(List.of(deliveryAnnotations, messageAnnotations, applicationProperties, amqpValue, footer));
        trees.addAll(sequences);
        return trees;
    }

    /**
     * Checks every included section with {@code sample} values for the placeholders, marking each field with
     * its error (fields of sections left out are not checked). Returns the problems, none if all is well.
     */
    List<Problem> check(Placeholders.Context sample) {
        List<Problem> problems = new ArrayList<>();
        List<ValueNode> included = includedTrees();
        for (ValueNode t : allTrees()) {
            if (included.contains(t)) {
                t.check(sample, problems);
            } else {
                t.check(sample, new ArrayList<>());
                clearErrors(t);
            }
        }
        if (bodyKind.get() == BodyKind.DATA) {
            for (DataSection d : data) d.check(problems);
            if (data.isEmpty()) problems.add(new Problem(BODY.member("data"), "a data body has at least one data section", null));
        }
        if (bodyKind.get() == BodyKind.SEQUENCE && sequences.isEmpty()) {
            problems.add(new Problem(BODY.member("amqpSequence"), "an amqp-sequence body has at least one section", null));
        }
        return problems;
    }

    private static void clearErrors(ValueNode n) {
        n.clearError();
        for (ValueNode c : n.children()) clearErrors(c);
    }

    /**
     * The message template: typed JSON, strings possibly holding placeholders.
     *
     * @throws InvalidInput naming the field, if a text is not a value of its type (call {@link #check} first)
     */
    ObjectNode template() {
        ObjectNode m = NODES.objectNode();
        if (headerIncluded.get()) m.set("header", fields(header));
        if (deliveryAnnotationsIncluded.get()) m.set("deliveryAnnotations", deliveryAnnotations.template());
        if (messageAnnotationsIncluded.get()) m.set("messageAnnotations", messageAnnotations.template());
        if (propertiesIncluded.get()) m.set("properties", fields(properties));
        if (applicationPropertiesIncluded.get()) m.set("applicationProperties", applicationProperties.template());
        switch (bodyKind.get()) {
            case NONE -> { }
            case DATA -> {
                ArrayNode a = m.putObject("body").putArray("data");
                for (DataSection d : data) a.add(TextNode.valueOf(Base64.getEncoder().encodeToString(d.bytes())));
            }
            case VALUE -> m.putObject("body").set("amqpValue", amqpValue.template());
            case SEQUENCE -> {
                ArrayNode a = m.putObject("body").putArray("amqpSequence");
                for (ValueNode s : sequences) a.add(s.template());
            }
        }
        if (footerIncluded.get()) m.set("footer", footer.template());
        return m;
    }

    private static ObjectNode fields(Map<String, ValueNode> fields) {
        ObjectNode o = NODES.objectNode();
        fields.forEach((name, f) -> {
            if (f.isPresent()) o.set(name, f.template());
        });
        return o;
    }

    /** True if some included field holds a placeholder. */
    boolean usesPlaceholders() {
        return includedTrees().stream().anyMatch(ValueNode::usesPlaceholders);
    }

    /** The included node at {@code path}, or the deepest one containing it, or null. */
    ValueNode find(NodePath path) {
        for (ValueNode t : includedTrees()) {
            ValueNode n = t.find(path);
            if (n != null) return n;
        }
        return null;
    }

    /**
     * What a typed-JSON error path (as {@link TypedJsonException#path()} writes it) is about: the deepest
     * included field or data section whose path is it or contains it, or null for the message as a whole.
     */
    Object locate(String path) {
        Object best = null;
        int bestLength = -1;
        List<Object> candidates = new ArrayList<>();
        for (ValueNode t : includedTrees()) collect(t, candidates);
        if (bodyKind.get() == BodyKind.DATA) candidates.addAll(data);
        for (Object c : candidates) {
            String p = (c instanceof ValueNode n ? n.path() : ((DataSection) c).path()).toString();
            boolean contains = path.equals(p) || (path.startsWith(p) && (path.charAt(p.length()) == '.' || path.charAt(p.length()) == '['));
            if (contains && p.length() > bestLength) {
                best = c;
                bestLength = p.length();
            }
        }
        return best;
    }

    private static void collect(ValueNode n, List<Object> into) {
        into.add(n);
        for (ValueNode c : n.children()) collect(c, into);
    }

    // ---- loading

    /** Runs {@code edit} without a change notice per step, then gives one. */
    void batch(Runnable edit) {
        quiet++;
        try {
            edit.run();
        } finally {
            quiet--;
        }
        onChange.run();
    }

    /** Fills the form from {@code m}: each of its sections included and shown, the others left out and cleared. */
    void load(Message m) {
        batch(() -> {
            for (ValueNode f : header.values()) blank(f);
            for (ValueNode f : properties.values()) blank(f);
            Header h = m.header();
            headerIncluded.set(h != null);
            if (h != null) {
                set("durable", h.durable() == null ? null : BooleanValue.of(h.durable()));
                set("priority", h.priority() == null ? null : new UByteValue(h.priority()));
                set("ttl", h.ttl() == null ? null : new UIntValue(h.ttl()));
                set("firstAcquirer", h.firstAcquirer() == null ? null : BooleanValue.of(h.firstAcquirer()));
                set("deliveryCount", h.deliveryCount() == null ? null : new UIntValue(h.deliveryCount()));
            }
            loadMap(deliveryAnnotations, deliveryAnnotationsIncluded, m.deliveryAnnotations() == null ? null : m.deliveryAnnotations().value());
            loadMap(messageAnnotations, messageAnnotationsIncluded, m.messageAnnotations() == null ? null : m.messageAnnotations().value());
            Properties p = m.properties();
            propertiesIncluded.set(p != null);
            if (p != null) {
                set("messageId", p.messageId());
                set("userId", p.userId());
                set("to", p.to());
                set("subject", p.subject() == null ? null : new StringValue(p.subject()));
                set("replyTo", p.replyTo());
                set("correlationId", p.correlationId());
                set("contentType", p.contentType() == null ? null : new SymbolValue(p.contentType()));
                set("contentEncoding", p.contentEncoding() == null ? null : new SymbolValue(p.contentEncoding()));
                set("absoluteExpiryTime", p.absoluteExpiryTime() == null ? null : new TimestampValue(p.absoluteExpiryTime()));
                set("creationTime", p.creationTime() == null ? null : new TimestampValue(p.creationTime()));
                set("groupId", p.groupId() == null ? null : new StringValue(p.groupId()));
                set("groupSequence", p.groupSequence() == null ? null : new UIntValue(p.groupSequence()));
                set("replyToGroupId", p.replyToGroupId() == null ? null : new StringValue(p.replyToGroupId()));
            }
            loadMap(applicationProperties, applicationPropertiesIncluded,
                    m.applicationProperties() == null ? null : m.applicationProperties().value());
            loadBody(m.body());
            loadMap(footer, footerIncluded, m.footer() == null ? null : m.footer().value());
        });
    }

    private static void blank(ValueNode f) {
        if (f.allowedTypes().contains(AmqpType.BINARY) && f.allowedTypes().size() == 1) f.preferBinaryAsText();
        f.textProperty().set("");
        f.typeProperty().set(f.allowedTypes().contains(AmqpType.STRING) ? AmqpType.STRING : f.allowedTypes().iterator().next());
        f.presentProperty().set(false);
    }

    private void set(String name, AmqpValue v) {
        if (v == null) return;
        ValueNode f = header.containsKey(name) ? header.get(name) : properties.get(name);
        f.load(v);
    }

    private static void loadMap(ValueNode root, BooleanProperty included, MapValue value) {
        root.load(value == null ? MapValue.EMPTY : value);
        included.set(value != null);
    }

    private void loadBody(Body body) {
        if (body == null) {
            bodyKind.set(BodyKind.NONE);
            return;
        }
        switch (body) {
            case Body.DataBody d -> {
                List<DataSection> sections = new ArrayList<>();
                for (Data s : d.sections()) {
                    DataSection ds = newDataSection();
                    ds.load(s.value().toByteArray());
                    sections.add(ds);
                }
                data.setAll(sections);
                bodyKind.set(BodyKind.DATA);
            }
            case Body.ValueBody v -> {
                amqpValue.load(v.section().value());
                bodyKind.set(BodyKind.VALUE);
            }
            case Body.SequenceBody q -> {
                List<ValueNode> sections = new ArrayList<>();
                for (AmqpSequence s : q.sections()) {
                    ValueNode n = newSequence();
                    n.load(new ListValue(s.value()));
                    sections.add(n);
                }
                sequences.setAll(sections);
                bodyKind.set(BodyKind.SEQUENCE);
            }
        }
    }

    /**
     * Fills the form from a typed-JSON message template, keeping its placeholders in the fields that hold
     * them. On an error nothing changes.
     *
     * @throws TypedJsonException for JSON that is malformed or not a typed-JSON message
     * @throws InvalidInput for an unknown or unclosed placeholder
     */
    void loadJson(String json, Placeholders.Context sample) {
        JsonNode tree = TypedJson.parse(json);
        Map<NodePath, String> raw = new LinkedHashMap<>();
        Message m = TypedJson.readMessage(Placeholders.evaluateMessage(tree, sample, raw::put));
        batch(() -> {
            load(m);
            raw.forEach((path, text) -> {
                ValueNode n = find(path);
                if (n == null || !n.path().equals(path)) throw new IllegalStateException("no field at " + path + " for " + text);
                n.restoreText(text);
            });
        });
    }
}
