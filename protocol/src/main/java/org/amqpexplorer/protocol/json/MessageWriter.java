package org.amqpexplorer.protocol.json;

import static org.amqpexplorer.protocol.json.ValueWriter.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.types.AmqpSequence;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;

/**
 * {@link Message} to a typed-JSON message object. A message the notation cannot express (a field of a type
 * typed-json.md does not allow there, such as a symbol {@code to} or a list application property) is refused
 * with a {@link TypedJsonException} naming the member, so that whatever is written reads back the same.
 */
final class MessageWriter {
    private MessageWriter() {
    }

    static ObjectNode toJson(Message m) {
        JsonPath root = JsonPath.ROOT;
        ObjectNode o = NODES.objectNode();
        if (m.header() != null) o.set("header", header(m.header()));
        if (m.deliveryAnnotations() != null) o.set("deliveryAnnotations", annotations(m.deliveryAnnotations().value(), root.member("deliveryAnnotations")));
        if (m.messageAnnotations() != null) o.set("messageAnnotations", annotations(m.messageAnnotations().value(), root.member("messageAnnotations")));
        if (m.properties() != null) o.set("properties", properties(m.properties(), root.member("properties")));
        if (m.applicationProperties() != null) o.set("applicationProperties", applicationProperties(m.applicationProperties().value(), root.member("applicationProperties")));
        if (m.body() != null) o.set("body", body(m.body()));
        if (m.footer() != null) o.set("footer", annotations(m.footer().value(), root.member("footer")));
        return o;
    }

    private static ObjectNode header(Header h) {
        ObjectNode o = NODES.objectNode();
        if (h.durable() != null) o.put("durable", h.durable());
        if (h.priority() != null) o.put("priority", h.priority());
        if (h.ttl() != null) o.put("ttl", h.ttl());
        if (h.firstAcquirer() != null) o.put("firstAcquirer", h.firstAcquirer());
        if (h.deliveryCount() != null) o.put("deliveryCount", h.deliveryCount());
        return o;
    }

    private static ObjectNode properties(Properties p, JsonPath path) {
        ObjectNode o = NODES.objectNode();
        if (p.messageId() != null) o.set("messageId", typed(p.messageId(), MessageReader.MESSAGE_ID_TYPES, path.member("messageId")));
        if (p.userId() != null) o.put("userId", ValueWriter.base64(p.userId()));
        if (p.to() != null) o.put("to", string(p.to(), path.member("to")));
        if (p.subject() != null) o.put("subject", p.subject());
        if (p.replyTo() != null) o.put("replyTo", string(p.replyTo(), path.member("replyTo")));
        if (p.correlationId() != null) o.set("correlationId", typed(p.correlationId(), MessageReader.MESSAGE_ID_TYPES, path.member("correlationId")));
        if (p.contentType() != null) o.put("contentType", symbol(p.contentType(), path.member("contentType")));
        if (p.contentEncoding() != null) o.put("contentEncoding", symbol(p.contentEncoding(), path.member("contentEncoding")));
        if (p.absoluteExpiryTime() != null) o.put("absoluteExpiryTime", p.absoluteExpiryTime());
        if (p.creationTime() != null) o.put("creationTime", p.creationTime());
        if (p.groupId() != null) o.put("groupId", p.groupId());
        if (p.groupSequence() != null) o.put("groupSequence", p.groupSequence());
        if (p.replyToGroupId() != null) o.put("replyToGroupId", p.replyToGroupId());
        return o;
    }

    private static JsonNode typed(AmqpValue v, Set<AmqpType> allowed, JsonPath path) {
        if (!allowed.contains(v.type())) throw cannotWrite(path, v);
        return ValueWriter.toJson(v);
    }

    private static String string(AmqpValue v, JsonPath path) {
        if (v instanceof StringValue s) return s.value();
        throw cannotWrite(path, v);
    }

    private static String symbol(String s, JsonPath path) {
        if (!s.chars().allMatch(c -> c <= 0x7F)) throw new TypedJsonException(path, "cannot be written: a symbol is ASCII");
        return s;
    }

    private static ArrayNode annotations(MapValue map, JsonPath path) {
        ArrayNode a = NODES.arrayNode(map.size());
        int i = 0;
        for (Map.Entry<AmqpValue, AmqpValue> e : map.entries().entrySet()) {
            if (!MessageReader.ANNOTATION_KEY_TYPES.contains(e.getKey().type())) throw cannotWrite(path.index(i).index(0), e.getKey());
            a.add(ValueWriter.pair(e.getKey(), e.getValue()));
            i++;
        }
        return a;
    }

    private static ObjectNode applicationProperties(MapValue map, JsonPath path) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<AmqpValue, AmqpValue> e : map.entries().entrySet()) {
            if (!(e.getKey() instanceof StringValue key)) {
                throw new TypedJsonException(path, "cannot be written: a key is a " + e.getKey().type()
                        + ", and typed JSON has application property keys as strings");
            }
            if (MessageReader.NOT_SIMPLE.contains(e.getValue().type())) throw cannotWrite(path.member(key.value()), e.getValue());
            o.set(key.value(), ValueWriter.toJson(e.getValue()));
        }
        return o;
    }

    private static ObjectNode body(Body body) {
        ObjectNode o = NODES.objectNode();
        switch (body) {
            case Body.DataBody d -> {
                ArrayNode a = o.putArray("data");
                for (Data s : d.sections()) a.add(ValueWriter.base64(s.value()));
            }
            case Body.SequenceBody q -> {
                ArrayNode a = o.putArray("amqpSequence");
                for (AmqpSequence s : q.sections()) {
                    ArrayNode values = a.addArray();
                    for (AmqpValue v : s.value()) values.add(ValueWriter.toJson(v));
                }
            }
            case Body.ValueBody v -> o.set("amqpValue", ValueWriter.toJson(v.section().value()));
        }
        return o;
    }

    private static TypedJsonException cannotWrite(JsonPath path, AmqpValue v) {
        return new TypedJsonException(path, "cannot be written: typed JSON does not allow a " + v.type() + " here");
    }
}
