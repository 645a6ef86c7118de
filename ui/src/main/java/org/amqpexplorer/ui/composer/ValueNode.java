package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;

/**
 * One value in the composer's typed tree, as the user edits it: its AMQP type, its text (for a primitive) or
 * its parts (for a list, map, array or described value). Knows where it sits in the message's typed JSON, so
 * it can name itself in errors, build its part of the message template, and check itself by the same
 * typed-JSON reader that reads pasted JSON.
 *
 * <p>Maps hold {@link Role#ENTRY} nodes, each with a key and a value; arrays hold their optional shared
 * descriptor first, then their elements; described values hold a descriptor and the described value.
 * Header and properties fields are {@link Role#FIELD} nodes, absent unless {@link #presentProperty present}.
 */
final class ValueNode {

    enum Role { VALUE, ELEMENT, ENTRY, KEY, ENTRY_VALUE, DESCRIPTOR, DESCRIBED, FIELD, SECTION }

    static final Set<AmqpType> ALL_TYPES = Collections.unmodifiableSet(EnumSet.allOf(AmqpType.class));
    /** 3.2.5: application property values exclude map, list and array. */
    static final Set<AmqpType> SIMPLE_TYPES = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(AmqpType.LIST, AmqpType.MAP, AmqpType.ARRAY)));
    /** 3.2.10: annotation keys are symbols or ulongs. */
    static final Set<AmqpType> ANNOTATION_KEY_TYPES = Collections.unmodifiableSet(EnumSet.of(AmqpType.SYMBOL, AmqpType.ULONG));
    /** 3.2.11-3.2.14. */
    static final Set<AmqpType> MESSAGE_ID_TYPES =
            Collections.unmodifiableSet(EnumSet.of(AmqpType.ULONG, AmqpType.UUID, AmqpType.BINARY, AmqpType.STRING));
    /** An array holds primitives, lists, maps or arrays; described elements share the array's descriptor instead. */
    static final Set<AmqpType> ARRAY_ELEMENT_TYPES = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(AmqpType.DESCRIBED)));
    static final Set<AmqpType> STRING_ONLY = Collections.unmodifiableSet(EnumSet.of(AmqpType.STRING));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Role role;
    private final String label;
    private final Runnable onChange;
    private final boolean editable;
    private ValueNode parent;
    private Supplier<NodePath> rootPath;
    private boolean typedRoot;
    private boolean literal;
    private boolean applicationProperties;
    private Set<AmqpType> allowedTypes = ALL_TYPES;
    private Set<AmqpType> keyTypes = ALL_TYPES;
    private Set<AmqpType> valueTypes = ALL_TYPES;
    private boolean loading;
    private boolean prefersText;

    private final ObjectProperty<AmqpType> type = new SimpleObjectProperty<>(this, "type", AmqpType.STRING);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<AmqpType> elementType = new SimpleObjectProperty<>(this, "elementType", AmqpType.INT);
    private final ReadOnlyBooleanWrapper binaryAsText = new ReadOnlyBooleanWrapper(this, "binaryAsText", false);
    private final BooleanProperty present = new SimpleBooleanProperty(this, "present", true);
    private final ObservableList<ValueNode> children = FXCollections.observableArrayList();
    private final ObservableList<ValueNode> readOnlyChildren = FXCollections.unmodifiableObservableList(children);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private ValueNode(Role role, String label, Runnable onChange, boolean editable) {
        this.role = role;
        this.label = label;
        this.onChange = onChange;
        this.editable = editable;
        // The viewer shows what arrived: its strings are never placeholders.
        this.literal = !editable;
        if (!editable) return;
        type.addListener((o, was, now) -> {
            reshape(was, now);
            onChange.run();
        });
        elementType.addListener((o, was, now) -> {
            // The element type is the type of every element: retype them, keeping their texts (which are
            // then checked as the new type, never converted).
            if (!loading) for (ValueNode c : children) if (c.role == Role.ELEMENT) c.type.set(now);
            onChange.run();
        });
        text.addListener((o, was, now) -> {
            if (role == Role.FIELD && !loading) present.set(!now.isEmpty());
            onChange.run();
        });
        binaryAsText.addListener(o -> onChange.run());
        present.addListener(o -> onChange.run());
        children.addListener((javafx.collections.ListChangeListener<ValueNode>) c -> {
            if (!reshaping) onChange.run(); // a change of type reports once, when its parts are in place
        });
    }

    // ---- construction

    /** The root of a value tree: the amqp-value body, a map section or an amqp-sequence section. */
    static ValueNode root(Supplier<NodePath> path, boolean typed, Runnable onChange) {
        ValueNode n = new ValueNode(Role.VALUE, null, onChange, true);
        n.rootPath = path;
        n.typedRoot = typed;
        return n;
    }

    /** A header or properties field: plain content unless {@code typed} (the ids), absent until set. */
    static ValueNode field(String label, NodePath path, AmqpType type, Set<AmqpType> allowed, boolean typed, Runnable onChange) {
        ValueNode n = new ValueNode(Role.FIELD, label, onChange, true);
        n.rootPath = () -> path;
        n.typedRoot = typed;
        n.allowedTypes = allowed;
        n.loading = true;
        n.type.set(type);
        n.present.set(false);
        n.loading = false;
        return n;
    }

    /** A read-only node of the viewer's tree: a section heading (type null) or a field, with the given label. */
    static ValueNode heading(Role role, String label, AmqpType type, String text) {
        ValueNode n = new ValueNode(role, label, () -> { }, false);
        n.type.set(type);
        n.text.set(text);
        return n;
    }

    /** A read-only node showing {@code value} (and its parts), labelled as given. */
    static ValueNode viewOf(Role role, String label, AmqpValue value) {
        ValueNode n = new ValueNode(role, label, () -> { }, false);
        n.load(value);
        return n;
    }

    /** Gives a read-only heading its rows. */
    void adopt(List<ValueNode> parts) {
        if (editable) throw new IllegalStateException("only viewer headings adopt nodes");
        for (ValueNode p : parts) p.parent = this;
        children.setAll(parts);
    }

    /** A map whose keys and values are limited, such as annotations (symbol or ulong keys). */
    ValueNode limitEntries(Set<AmqpType> keys, Set<AmqpType> values) {
        keyTypes = keys;
        valueTypes = values;
        return this;
    }

    /** Application properties: a map written as a JSON object, its string keys as member names. */
    ValueNode asApplicationProperties() {
        applicationProperties = true;
        return limitEntries(STRING_ONLY, SIMPLE_TYPES);
    }

    /** Fixes the node's type, as for a section that must be a map or list. */
    ValueNode fixType(AmqpType t) {
        type.set(t);
        allowedTypes = EnumSet.of(t);
        return this;
    }

    private ValueNode child(Role r) {
        ValueNode c = new ValueNode(r, null, onChange, editable);
        c.parent = this;
        return c;
    }

    // ---- properties

    Role role() {
        return role;
    }

    /** The fixed label of a field or viewer heading, else null. */
    String label() {
        return label;
    }

    ValueNode parent() {
        return parent;
    }

    boolean isEditable() {
        return editable;
    }

    /** True if the text is taken literally: no placeholders, nothing escaped. */
    boolean isLiteral() {
        return literal || type.get() == AmqpType.BINARY;
    }

    Set<AmqpType> allowedTypes() {
        return allowedTypes;
    }

    ObjectProperty<AmqpType> typeProperty() {
        return type;
    }

    AmqpType type() {
        return type.get();
    }

    StringProperty textProperty() {
        return text;
    }

    String text() {
        return text.get();
    }

    ObjectProperty<AmqpType> elementTypeProperty() {
        return elementType;
    }

    ReadOnlyBooleanProperty binaryAsTextProperty() {
        return binaryAsText.getReadOnlyProperty();
    }

    BooleanProperty presentProperty() {
        return present;
    }

    boolean isPresent() {
        return present.get();
    }

    ObservableList<ValueNode> children() {
        return readOnlyChildren;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    String error() {
        return error.get();
    }

    boolean isCompound() {
        if (type.get() == null) return false;
        return switch (type.get()) {
            case LIST, MAP, ARRAY, DESCRIBED -> true;
            default -> false;
        };
    }

    /** A map entry's key (entries only). */
    ValueNode key() {
        return children.get(0);
    }

    /** A map entry's value, or a described value's value (entries and described values only). */
    ValueNode value() {
        return children.get(1);
    }

    /** An array's shared descriptor or a described value's descriptor, or null. */
    ValueNode descriptor() {
        return !children.isEmpty() && children.get(0).role == Role.DESCRIPTOR ? children.get(0) : null;
    }

    /** The elements of a list or array, or the entries of a map. */
    List<ValueNode> items() {
        return children.stream().filter(c -> c.role == Role.ELEMENT || c.role == Role.ENTRY).toList();
    }

    /** The position of this element or entry among its parent's items. */
    int itemIndex() {
        return parent == null ? 0 : parent.items().indexOf(this);
    }

    /** The types the type of a new item of this list, array or map's values may take. */
    Set<AmqpType> itemTypes() {
        return type.get() == AmqpType.MAP ? valueTypes : ALL_TYPES;
    }

    // ---- where it is

    /** The typed-JSON path of this value (for a typed value, the object naming its type). */
    NodePath path() {
        if (parent == null) return rootPath.get();
        NodePath in = parent.contentPath();
        return switch (role) {
            case ELEMENT -> parent.type() == AmqpType.ARRAY ? in.member("values").index(itemIndex()) : in.index(itemIndex());
            case ENTRY -> parent.applicationProperties ? in.member(key().text()) : in.index(itemIndex());
            case KEY -> parent.parent.applicationProperties ? parent.path() : parent.path().index(0);
            case ENTRY_VALUE -> parent.parent.applicationProperties ? parent.path() : parent.path().index(1);
            case DESCRIPTOR -> in.member("descriptor");
            case DESCRIBED -> in.member("value");
            default -> throw new IllegalStateException(role + " node with a parent");
        };
    }

    /** Where this value's parts are: inside the type's member for a typed value, else at the value itself. */
    private NodePath contentPath() {
        return typed() ? path().member(type.get().specName()) : path();
    }

    /** True if typed JSON writes this value as {"type": content}; false where the type is implied. */
    boolean typed() {
        return switch (role) {
            case VALUE, FIELD -> typedRoot;
            case ELEMENT -> parent.type() != AmqpType.ARRAY;
            case KEY, ENTRY_VALUE, DESCRIPTOR, DESCRIBED -> true;
            case ENTRY, SECTION -> false;
        };
    }

    // ---- editing commands

    /** Adds a new item at {@code index} (a list or array element, or a map entry) and returns it. */
    ValueNode addItem(int index, AmqpType itemType) {
        ValueNode item;
        switch (type.get()) {
            case MAP -> {
                item = child(Role.ENTRY);
                ValueNode k = item.child(Role.KEY);
                k.allowedTypes = keyTypes;
                k.literal = applicationProperties;
                List<ValueNode> entries = items();
                AmqpType kt = !entries.isEmpty() ? entries.get(Math.max(0, Math.min(index, entries.size()) - 1)).key().type()
                        : keyTypes.contains(AmqpType.STRING) ? AmqpType.STRING
                        : keyTypes.contains(AmqpType.SYMBOL) ? AmqpType.SYMBOL : keyTypes.iterator().next();
                k.type.set(kt);
                k.text.set(ValueText.defaultText(kt));
                ValueNode v = item.child(Role.ENTRY_VALUE);
                v.allowedTypes = valueTypes;
                v.type.set(itemType);
                v.text.set(ValueText.defaultText(itemType));
                item.children.setAll(k, v);
            }
            case LIST, ARRAY -> {
                item = child(Role.ELEMENT);
                AmqpType t = type.get() == AmqpType.ARRAY ? elementType.get() : itemType;
                item.allowedTypes = type.get() == AmqpType.ARRAY ? ARRAY_ELEMENT_TYPES : ALL_TYPES;
                item.type.set(t);
                item.text.set(ValueText.defaultText(t));
            }
            default -> throw new IllegalStateException("a " + type.get() + " has no items");
        }
        int offset = descriptor() != null && type.get() == AmqpType.ARRAY ? 1 : 0;
        children.add(Math.min(offset + index, children.size()), item);
        return item;
    }

    /** Removes this element or entry from its list, array or map. */
    void remove() {
        if (parent == null || (role != Role.ELEMENT && role != Role.ENTRY)) throw new IllegalStateException("only elements and entries can be removed");
        parent.children.remove(this);
    }

    /** Moves this element or entry one place up (-1) or down (+1) among its siblings; false at the end. */
    boolean move(int by) {
        if (parent == null || (role != Role.ELEMENT && role != Role.ENTRY)) return false;
        List<ValueNode> items = parent.items();
        int at = items.indexOf(this);
        int to = at + by;
        if (to < 0 || to >= items.size()) return false;
        int i = parent.children.indexOf(this);
        int j = parent.children.indexOf(items.get(to));
        List<ValueNode> reordered = new ArrayList<>(parent.children);
        Collections.swap(reordered, i, j);
        parent.children.setAll(reordered);
        return true;
    }

    /** Gives an array a shared descriptor (its elements become described values) or takes it away. */
    void setArrayDescriptor(boolean described) {
        if (type.get() != AmqpType.ARRAY) throw new IllegalStateException("not an array");
        if (described == (descriptor() != null)) return;
        if (described) {
            ValueNode d = child(Role.DESCRIPTOR);
            d.type.set(AmqpType.SYMBOL);
            children.addFirst(d);
        } else {
            children.removeFirst();
        }
    }

    /**
     * Shows a binary value as UTF-8 text or as hex. Refused (false) if the current text is not valid in its
     * form, or the bytes are not UTF-8 text: the value never changes by being shown another way.
     */
    boolean showBinaryAsText(boolean asText) {
        if (asText == binaryAsText.get()) return true;
        if (type.get() != AmqpType.BINARY) {
            binaryAsText.set(asText);
            return true;
        }
        byte[] bytes;
        try {
            bytes = ValueText.binary(text.get(), binaryAsText.get());
        } catch (InvalidInput e) {
            return false;
        }
        String shown = asText ? ValueText.utf8(bytes) : ValueText.hex(bytes);
        if (shown == null) return false;
        boolean wasPresent = present.get();
        loading = true;
        binaryAsText.set(asText);
        text.set(shown);
        loading = false;
        present.set(wasPresent);
        return true;
    }

    /** Keeps the parts that still make sense after a change of type; the text is always kept. */
    private void reshape(AmqpType was, AmqpType now) {
        if (loading || was == now) return;
        reshaping = true;
        try {
            reshapeParts(was, now);
        } finally {
            reshaping = false;
        }
    }

    private boolean reshaping;

    private void reshapeParts(AmqpType was, AmqpType now) {
        boolean sequenceBefore = was == AmqpType.LIST || was == AmqpType.ARRAY;
        boolean sequenceNow = now == AmqpType.LIST || now == AmqpType.ARRAY;
        if (sequenceBefore && sequenceNow) {
            // A list becomes an array of the same elements or back; the elements keep their types and texts.
            if (now == AmqpType.LIST) children.removeIf(c -> c.role == Role.DESCRIPTOR);
            if (now == AmqpType.ARRAY && !children.isEmpty()) elementTypeQuietly(children.getFirst().type());
            for (ValueNode c : children) if (c.role == Role.ELEMENT) c.allowedTypes = now == AmqpType.ARRAY ? ARRAY_ELEMENT_TYPES : ALL_TYPES;
            return;
        }
        children.clear();
        if (now == AmqpType.DESCRIBED) {
            // Both parts are in place before their types change: each change re-reads the whole form.
            ValueNode d = child(Role.DESCRIPTOR);
            ValueNode v = child(Role.DESCRIBED);
            children.setAll(d, v);
            d.type.set(AmqpType.SYMBOL);
            v.type.set(AmqpType.NULL);
        }
    }

    private void elementTypeQuietly(AmqpType t) {
        loading = true;
        elementType.set(t);
        loading = false;
    }

    // ---- loading a value

    /** Makes this node show {@code value}, replacing its type, text and parts. */
    void load(AmqpValue value) {
        loading = true;
        try {
            type.set(value.type());
            List<ValueNode> parts = new ArrayList<>();
            switch (value) {
                case ListValue l -> {
                    for (AmqpValue e : l.elements()) parts.add(loaded(child(Role.ELEMENT), e, ALL_TYPES));
                }
                case MapValue m -> m.entries().forEach((k, v) -> {
                    ValueNode entry = child(Role.ENTRY);
                    ValueNode key = entry.child(Role.KEY);
                    key.literal = applicationProperties;
                    entry.children.setAll(loaded(key, k, keyTypes), loaded(entry.child(Role.ENTRY_VALUE), v, valueTypes));
                    parts.add(entry);
                });
                case ArrayValue a -> {
                    elementType.set(a.elementType());
                    if (a.descriptor() != null) parts.add(loaded(child(Role.DESCRIPTOR), a.descriptor(), ALL_TYPES));
                    for (AmqpValue e : a.elements()) parts.add(loaded(child(Role.ELEMENT), e, ARRAY_ELEMENT_TYPES));
                }
                case Described d -> {
                    parts.add(loaded(child(Role.DESCRIPTOR), d.descriptor(), ALL_TYPES));
                    parts.add(loaded(child(Role.DESCRIBED), d.described(), ALL_TYPES));
                }
                default -> {
                    boolean asText = prefersText && value instanceof BinaryValue b && readableUtf8(b);
                    binaryAsText.set(asText);
                    text.set(ValueText.format(value, asText, literal));
                }
            }
            children.setAll(parts);
            if (role == Role.FIELD) present.set(true);
        } finally {
            loading = false;
        }
        onChange.run();
    }

    private static ValueNode loaded(ValueNode n, AmqpValue v, Set<AmqpType> allowed) {
        n.allowedTypes = allowed;
        n.load(v);
        return n;
    }

    /** Prefers UTF-8 text for this binary field when its bytes read as such (set before {@link #load}). */
    void preferBinaryAsText() {
        prefersText = true;
        binaryAsText.set(true);
    }

    private static boolean readableUtf8(BinaryValue b) {
        String s = ValueText.utf8(b.toByteArray());
        return s != null && ValueText.readable(s);
    }

    // ---- checking and building

    /**
     * Checks this node and everything under it, as typed JSON would read them with {@code sample} values for
     * the placeholders: sets each node's error and adds a problem for each. True if all is well.
     */
    boolean check(Placeholders.Context sample, List<Problem> problems) {
        if (role == Role.FIELD && !present.get()) {
            error.set(null);
            return true;
        }
        boolean ok = true;
        for (ValueNode c : children) ok &= c.check(sample, problems);
        String own = ownError(sample);
        if (own == null && ok && type.get() == AmqpType.MAP) duplicateKeys(sample, problems);
        error.set(own);
        if (own != null) problems.add(new Problem(path(), own, this));
        return ok && own == null && !(type.get() == AmqpType.MAP && items().stream().anyMatch(e -> e.error() != null));
    }

    private String ownError(Placeholders.Context sample) {
        if (role == Role.ENTRY) return null;
        AmqpType t = type.get();
        if (!allowedTypes.contains(t)) {
            return "a " + t + " is not allowed here; allowed: " + String.join(", ", allowedTypes.stream().map(AmqpType::specName).toList());
        }
        if (role == Role.ELEMENT && parent.type() == AmqpType.ARRAY && t != parent.elementType.get()) {
            return "an array holds values of one type: this array's elements are " + parent.elementType.get() + ", this one is " + t;
        }
        if (t == AmqpType.ARRAY && elementType.get() == AmqpType.DESCRIBED) {
            return "array element type cannot be described: give the array a shared descriptor instead";
        }
        if (isCompound()) return null;
        try {
            JsonNode evaluated = isLiteral() ? typedTemplate() : Placeholders.evaluateValue(typedTemplate(), NodePath.ROOT, sample, (p, raw) -> { });
            TypedJson.readValue(evaluated);
            return null;
        } catch (InvalidInput e) {
            return e.reason();
        } catch (TypedJsonException e) {
            return Placeholders.uses(text.get()) && !isLiteral() ? e.reason() + " (from " + text.get().strip() + ")" : e.reason();
        }
    }

    /** Marks entries whose key equals an earlier entry's key (a map's keys are unique, 1.6.23). */
    private void duplicateKeys(Placeholders.Context sample, List<Problem> problems) {
        Map<Object, Integer> seen = new HashMap<>();
        List<ValueNode> entries = items();
        for (int i = 0; i < entries.size(); i++) {
            ValueNode entry = entries.get(i);
            Object key = applicationProperties ? entry.key().text()
                    : TypedJson.readValue(Placeholders.evaluateValue(entry.key().template(), NodePath.ROOT, sample, (p, raw) -> { }));
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                String reason = "duplicate key: the same as entry " + first + "'s";
                entry.error.set(reason);
                problems.add(new Problem(entry.path(), reason, entry));
            }
        }
    }

    /** This value as the message template holds it: typed JSON whose strings may hold placeholders. */
    JsonNode template() {
        return typed() ? typedTemplate() : contentTemplate();
    }

    private ObjectNode typedTemplate() {
        ObjectNode o = NODES.objectNode();
        o.set(type.get().specName(), contentTemplate());
        return o;
    }

    /** What follows the type name. */
    JsonNode contentTemplate() {
        try {
            return switch (type.get()) {
                case LIST -> {
                    ArrayNode a = NODES.arrayNode();
                    for (ValueNode e : items()) a.add(e.template());
                    yield a;
                }
                case MAP -> {
                    if (applicationProperties) {
                        ObjectNode o = NODES.objectNode();
                        for (ValueNode e : items()) o.set(e.key().text(), e.value().template());
                        yield o;
                    }
                    ArrayNode a = NODES.arrayNode();
                    for (ValueNode e : items()) a.addArray().add(e.key().template()).add(e.value().template());
                    yield a;
                }
                case ARRAY -> {
                    ObjectNode o = NODES.objectNode();
                    if (descriptor() != null) o.set("descriptor", descriptor().template());
                    o.put("type", elementType.get().specName());
                    ArrayNode values = o.putArray("values");
                    for (ValueNode e : items()) values.add(e.template());
                    yield o;
                }
                case DESCRIBED -> {
                    ObjectNode o = NODES.objectNode();
                    o.set("descriptor", children.get(0).template());
                    o.set("value", children.get(1).template());
                    yield o;
                }
                default -> ValueText.content(type.get(), text.get(), binaryAsText.get());
            };
        } catch (InvalidInput e) {
            throw e.at(path());
        }
    }

    /** True if this node or a node under it holds a placeholder. */
    boolean usesPlaceholders() {
        if (role == Role.FIELD && !present.get()) return false;
        if (!isCompound() && !isLiteral() && Placeholders.uses(text.get())) return true;
        for (ValueNode c : children) if (c.usesPlaceholders()) return true;
        return false;
    }

    /**
     * The deepest node in this subtree whose path is {@code p} or contains it, or null. An application
     * property's entry, key and value share one path (the member); the value is the one returned.
     */
    ValueNode find(NodePath p) {
        NodePath mine = path();
        if (!mine.contains(p)) return null;
        if (role == Role.ENTRY && parent.applicationProperties) return value().find(p);
        for (ValueNode c : children) {
            ValueNode f = c.find(p);
            if (f != null) return f;
        }
        return this;
    }

    void clearError() {
        error.set(null);
    }

    /** Sets the text from a template string (keeping placeholders) without changing presence. */
    void restoreText(String raw) {
        boolean wasPresent = present.get();
        text.set(raw);
        present.set(wasPresent);
    }

    @Override
    public String toString() {
        return "ValueNode[" + role + " " + type.get() + (isCompound() ? " " + children.size() + " parts" : " " + text.get()) + "]";
    }
}
