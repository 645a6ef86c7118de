package org.amqpexplorer.protocol.json;

import static org.amqpexplorer.protocol.json.JsonText.describe;
import static org.amqpexplorer.protocol.json.JsonText.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.types.AmqpSequence;
import org.amqpexplorer.protocol.types.AmqpValueSection;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.DeliveryAnnotations;
import org.amqpexplorer.protocol.types.Footer;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Properties;

/** A typed-JSON message object to a {@link Message}: each member a section, absent members absent sections. */
final class MessageReader {
    static final Set<String> MESSAGE_MEMBERS = Set.of("header", "deliveryAnnotations", "messageAnnotations",
            "properties", "applicationProperties", "body", "footer", "delivery");
    static final Set<String> HEADER_MEMBERS = Set.of("durable", "priority", "ttl", "firstAcquirer", "deliveryCount");
    static final Set<String> PROPERTIES_MEMBERS = Set.of("messageId", "userId", "to", "subject", "replyTo",
            "correlationId", "contentType", "contentEncoding", "absoluteExpiryTime", "creationTime", "groupId",
            "groupSequence", "replyToGroupId");
    static final Set<String> BODY_MEMBERS = Set.of("data", "amqpValue", "amqpSequence");
    static final Set<AmqpType> MESSAGE_ID_TYPES = Set.of(AmqpType.ULONG, AmqpType.UUID, AmqpType.BINARY, AmqpType.STRING);
    static final Set<AmqpType> ANNOTATION_KEY_TYPES = Set.of(AmqpType.SYMBOL, AmqpType.ULONG);
    static final Set<AmqpType> NOT_SIMPLE = Set.of(AmqpType.LIST, AmqpType.MAP, AmqpType.ARRAY);

    private MessageReader() {
    }

    static Message message(JsonNode m, JsonPath path) {
        if (!m.isObject()) throw new TypedJsonException(path, "a message is a JSON object, found " + describe(m));
        // "delivery" is metadata a writer may add about how the message travelled (typed-json.md); not read.
        Members.only(m, path, MESSAGE_MEMBERS);
        return new Message(
                m.has("header") ? header(m.get("header"), path.member("header")) : null,
                m.has("deliveryAnnotations") ? new DeliveryAnnotations(annotations(m.get("deliveryAnnotations"), path.member("deliveryAnnotations"))) : null,
                m.has("messageAnnotations") ? new MessageAnnotations(annotations(m.get("messageAnnotations"), path.member("messageAnnotations"))) : null,
                m.has("properties") ? properties(m.get("properties"), path.member("properties")) : null,
                m.has("applicationProperties") ? applicationProperties(m.get("applicationProperties"), path.member("applicationProperties")) : null,
                m.has("body") ? body(m.get("body"), path.member("body")) : null,
                m.has("footer") ? new Footer(annotations(m.get("footer"), path.member("footer"))) : null);
    }

    /** 3.2.1: each field a content of its AMQP type. */
    private static Header header(JsonNode h, JsonPath path) {
        object(h, "header", path);
        Members.only(h, path, HEADER_MEMBERS);
        return new Header(
                field(h, path, "durable", AmqpType.BOOLEAN) instanceof BooleanValue b ? b.value() : null,
                field(h, path, "priority", AmqpType.UBYTE) instanceof UByteValue u ? u.value() : null,
                field(h, path, "ttl", AmqpType.UINT) instanceof UIntValue u ? u.value() : null,
                field(h, path, "firstAcquirer", AmqpType.BOOLEAN) instanceof BooleanValue b ? b.value() : null,
                field(h, path, "deliveryCount", AmqpType.UINT) instanceof UIntValue u ? u.value() : null);
    }

    /** 3.2.4, with the conventions of typed-json.md: ids typed, userId base64, the rest plain contents. */
    private static Properties properties(JsonNode p, JsonPath path) {
        object(p, "properties", path);
        Members.only(p, path, PROPERTIES_MEMBERS);
        return new Properties(
                messageId(p, path, "messageId"),
                p.has("userId") ? BinaryValue.wrap(ValueReader.base64("userId", p.get("userId"), path.member("userId"))) : null,
                field(p, path, "to", AmqpType.STRING),
                text(p, path, "subject", AmqpType.STRING),
                field(p, path, "replyTo", AmqpType.STRING),
                messageId(p, path, "correlationId"),
                text(p, path, "contentType", AmqpType.SYMBOL),
                text(p, path, "contentEncoding", AmqpType.SYMBOL),
                field(p, path, "absoluteExpiryTime", AmqpType.TIMESTAMP) instanceof TimestampValue t ? t.millis() : null,
                field(p, path, "creationTime", AmqpType.TIMESTAMP) instanceof TimestampValue t ? t.millis() : null,
                text(p, path, "groupId", AmqpType.STRING),
                field(p, path, "groupSequence", AmqpType.UINT) instanceof UIntValue u ? u.value() : null,
                text(p, path, "replyToGroupId", AmqpType.STRING));
    }

    /** A member holding a content of {@code type}, or null if the member is absent. */
    private static AmqpValue field(JsonNode object, JsonPath path, String name, AmqpType type) {
        JsonNode c = object.get(name);
        if (c == null) return null;
        JsonPath at = path.member(name);
        return ValueReader.content(type, c, at, at);
    }

    private static String text(JsonNode object, JsonPath path, String name, AmqpType type) {
        JsonNode c = object.get(name);
        if (c == null) return null;
        JsonPath at = path.member(name);
        return type == AmqpType.SYMBOL ? ValueReader.symbol(type, c, at) : ValueReader.text(type, c, at);
    }

    /** 3.2.11 to 3.2.14: message-id-ulong, -uuid, -binary or -string. */
    private static AmqpValue messageId(JsonNode p, JsonPath path, String name) {
        JsonNode c = p.get(name);
        if (c == null) return null;
        JsonPath at = path.member(name);
        AmqpValue id = ValueReader.value(c, at);
        if (!MESSAGE_ID_TYPES.contains(id.type())) {
            throw new TypedJsonException(at, name + " must be a ulong, uuid, binary or string, found " + id.type());
        }
        return id;
    }

    /** 3.2.10: annotations are a map keyed by symbol or ulong. */
    private static MapValue annotations(JsonNode a, JsonPath path) {
        if (!a.isArray()) throw new TypedJsonException(path, "annotations must be a JSON array of [key, value] pairs, found " + describe(a));
        Map<AmqpValue, AmqpValue> entries = ValueReader.pairs(a, path);
        int i = 0;
        for (AmqpValue key : entries.keySet()) {
            if (!ANNOTATION_KEY_TYPES.contains(key.type())) {
                throw new TypedJsonException(path.index(i).index(0), "an annotation key is a symbol or ulong, found " + key.type());
            }
            i++;
        }
        return new MapValue(entries);
    }

    /** 3.2.5: keys are strings (JSON member names), values simple types, excluding map, list and array. */
    private static ApplicationProperties applicationProperties(JsonNode a, JsonPath path) {
        object(a, "applicationProperties", path);
        Map<AmqpValue, AmqpValue> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonPath at = path.member(e.getKey());
            AmqpValue v = ValueReader.value(e.getValue(), at);
            if (NOT_SIMPLE.contains(v.type())) {
                throw new TypedJsonException(at, "an application property value must be a simple type (not list, map or array), found " + v.type());
            }
            entries.put(new StringValue(e.getKey()), v);
        }
        return new ApplicationProperties(new MapValue(entries));
    }

    /** 3.2: one or more data sections, one or more amqp-sequence sections, or one amqp-value section. */
    private static Body body(JsonNode b, JsonPath path) {
        object(b, "body", path);
        Members.only(b, path, BODY_MEMBERS);
        if (b.size() != 1) {
            StringBuilder found = new StringBuilder();
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) found.append(found.isEmpty() ? "" : ", ").append(quote(it.next()));
            throw new TypedJsonException(path, "body must have exactly one of \"data\", \"amqpValue\", \"amqpSequence\", found "
                    + (b.isEmpty() ? "none" : found));
        }
        if (b.has("amqpValue")) return new Body.ValueBody(new AmqpValueSection(ValueReader.value(b.get("amqpValue"), path.member("amqpValue"))));
        if (b.has("data")) {
            JsonPath at = path.member("data");
            JsonNode sections = sections(b.get("data"), at, "data", "base64 strings");
            List<Data> data = new ArrayList<>(sections.size());
            for (int i = 0; i < sections.size(); i++) {
                data.add(new Data(BinaryValue.wrap(ValueReader.base64("data", sections.get(i), at.index(i)))));
            }
            return new Body.DataBody(data);
        }
        JsonPath at = path.member("amqpSequence");
        JsonNode sections = sections(b.get("amqpSequence"), at, "amqpSequence", "JSON arrays of values");
        List<AmqpSequence> sequences = new ArrayList<>(sections.size());
        for (int i = 0; i < sections.size(); i++) {
            JsonNode s = sections.get(i);
            if (!s.isArray()) throw new TypedJsonException(at.index(i), "an amqp-sequence section must be a JSON array of values, found " + describe(s));
            sequences.add(new AmqpSequence(ValueReader.values(s, at.index(i))));
        }
        return new Body.SequenceBody(sequences);
    }

    private static JsonNode sections(JsonNode s, JsonPath at, String name, String elements) {
        if (!s.isArray()) throw new TypedJsonException(at, name + " must be a JSON array of " + elements + ", found " + describe(s));
        if (s.isEmpty()) throw new TypedJsonException(at, name + " must have at least one section (leave out \"body\" for a message without one)");
        return s;
    }

    private static void object(JsonNode node, String name, JsonPath path) {
        if (!node.isObject()) throw new TypedJsonException(path, name + " must be a JSON object, found " + describe(node));
    }
}
