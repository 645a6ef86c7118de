package org.amqpexplorer.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amqpexplorer.protocol.client.ReceivedMessage;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.types.ApplicationProperties;
import org.amqpexplorer.protocol.types.CompositeType;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.DeliveryAnnotations;
import org.amqpexplorer.protocol.types.Field;
import org.amqpexplorer.protocol.types.Footer;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;
import org.amqpexplorer.protocol.types.Properties;

/**
 * A received message as one line of typed JSON (typed-json.md), with the delivery's metadata in a top-level
 * {@code "delivery"} member: {@code tag} (base64), {@code deliveryId}, {@code messageFormat}, {@code settled}
 * (the sender sent it settled) and, when the transfer carried one, {@code state} (a typed value).
 *
 * <p>Nothing received is lost. A message typed JSON cannot fully express (e.g. a symbol {@code to}, a list
 * application property: the writer refuses those, since they would not read back the same) is written
 * without the parts it refuses, their paths and reasons listed in {@code delivery.omitted}, and the whole
 * payload in {@code delivery.payload} (base64); a payload that is not a valid message is written as
 * {@code delivery.payload} with the reason in {@code delivery.error}. Either way {@link #warning()} says so
 * in one line.
 */
record MessageLine(String json, String warning) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Enough for every part the writer can refuse; each round leaves one out. */
    private static final int MAX_OMISSIONS = 64;

    static MessageLine of(ReceivedMessage m) {
        ObjectNode delivery = NODES.objectNode();
        delivery.put("tag", base64(m.tag().toByteArray()));
        delivery.put("deliveryId", m.deliveryId());
        delivery.put("messageFormat", m.messageFormat());
        delivery.put("settled", m.isSettled());
        if (m.state() != null) delivery.set("state", TypedJson.toJson(m.state()));
        String who = "delivery " + m.deliveryId() + " (tag " + base64(m.tag().toByteArray()) + ")";

        Message message;
        try {
            message = m.message();
        } catch (DecodeException e) {
            return whole(m, delivery, "not a valid message: " + e.getMessage(),
                    who + ": the payload is not a valid message (" + e.getMessage() + "); printed as delivery.payload");
        }
        List<String> omitted = new ArrayList<>();
        for (int round = 0; round <= MAX_OMISSIONS; round++) {
            ObjectNode line;
            try {
                line = TypedJson.toJson(message);
            } catch (TypedJsonException e) {
                Message less = without(message, e.path());
                if (less == null || less.equals(message)) break;
                omitted.add(e.getMessage());
                message = less;
                continue;
            }
            String warning = null;
            if (!omitted.isEmpty()) {
                ArrayNode list = delivery.putArray("omitted");
                omitted.forEach(list::add);
                delivery.put("payload", base64(m.payload()));
                warning = who + ": " + String.join("; ", omitted) + "; printed without "
                        + (omitted.size() == 1 ? "it" : "them") + ", the whole payload in delivery.payload";
            }
            line.set("delivery", delivery);
            return new MessageLine(TypedJson.write(line), warning);
        }
        return whole(m, delivery, "typed JSON cannot express this message",
                who + ": typed JSON cannot express this message; printed as delivery.payload");
    }

    private static MessageLine whole(ReceivedMessage m, ObjectNode delivery, String error, String warning) {
        delivery.put("payload", base64(m.payload()));
        delivery.put("error", error);
        ObjectNode line = NODES.objectNode();
        line.set("delivery", delivery);
        return new MessageLine(TypedJson.write(line), warning);
    }

    /**
     * The message without what the writer refused at {@code path}: a property field, the application
     * properties or annotations it cannot write, or else the whole section. Null if the path names no section.
     */
    private static Message without(Message m, String path) {
        String[] steps = path.split("[.\\[]", 3);
        String section = steps.length > 1 ? steps[1] : "";
        return switch (section) {
            case "properties" -> {
                String field = steps.length > 2 ? steps[2].replaceAll("[^A-Za-z].*", "") : "";
                Properties p = withoutField(m.properties(), field);
                yield new Message(m.header(), m.deliveryAnnotations(), m.messageAnnotations(), p,
                        m.applicationProperties(), m.body(), m.footer());
            }
            case "applicationProperties" -> {
                MapValue kept = keep(m.applicationProperties().value(), true);
                yield new Message(m.header(), m.deliveryAnnotations(), m.messageAnnotations(), m.properties(),
                        kept.size() == 0 ? null : new ApplicationProperties(kept), m.body(), m.footer());
            }
            case "deliveryAnnotations" -> {
                MapValue kept = keep(m.deliveryAnnotations().value(), false);
                yield new Message(m.header(), kept.size() == 0 ? null : new DeliveryAnnotations(kept),
                        m.messageAnnotations(), m.properties(), m.applicationProperties(), m.body(), m.footer());
            }
            case "messageAnnotations" -> {
                MapValue kept = keep(m.messageAnnotations().value(), false);
                yield new Message(m.header(), m.deliveryAnnotations(), kept.size() == 0 ? null : new MessageAnnotations(kept),
                        m.properties(), m.applicationProperties(), m.body(), m.footer());
            }
            case "footer" -> {
                MapValue kept = keep(m.footer().value(), false);
                yield new Message(m.header(), m.deliveryAnnotations(), m.messageAnnotations(), m.properties(),
                        m.applicationProperties(), m.body(), kept.size() == 0 ? null : new Footer(kept));
            }
            case "header" -> new Message(null, m.deliveryAnnotations(), m.messageAnnotations(), m.properties(),
                    m.applicationProperties(), m.body(), m.footer());
            case "body" -> new Message(m.header(), m.deliveryAnnotations(), m.messageAnnotations(), m.properties(),
                    m.applicationProperties(), null, m.footer());
            default -> null;
        };
    }

    /** The properties without the field the JSON member names (messageId → message-id), or without all if none. */
    private static Properties withoutField(Properties p, String member) {
        String specName = member.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        CompositeType<Properties> type = CompositeTypes.of(Properties.class);
        Field field = type.field(specName);
        if (field == null) return null;
        Object[] values = new Object[type.fields().size()];
        for (int i = 0; i < values.length; i++) values[i] = i == field.index() ? null : type.get(p, i);
        return type.create(values);
    }

    /**
     * The entries typed JSON can write: application properties keyed by strings with simple values (3.2.5);
     * annotations and footer keyed by symbols or ulongs (3.2.10).
     */
    private static MapValue keep(MapValue map, boolean applicationProperties) {
        Map<AmqpValue, AmqpValue> kept = new LinkedHashMap<>();
        for (Map.Entry<AmqpValue, AmqpValue> e : map.entries().entrySet()) {
            AmqpType key = e.getKey().type();
            AmqpType value = e.getValue().type();
            boolean ok = applicationProperties
                    ? e.getKey() instanceof StringValue && value != AmqpType.LIST && value != AmqpType.MAP && value != AmqpType.ARRAY
                    : key == AmqpType.SYMBOL || key == AmqpType.ULONG;
            if (ok) kept.put(e.getKey(), e.getValue());
        }
        return new MapValue(kept);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
