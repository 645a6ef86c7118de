package org.amqpexplorer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.amqpexplorer.protocol.codec.AmqpValue;

/**
 * Typed JSON (docs/typed-json.md): the one notation in which AMQP values and messages are written as text and
 * read back, exactly, type included. Readers accept the shorthand the notation allows and reject everything
 * else with a {@link TypedJsonException} naming the JSON path and the reason; writers always write the
 * explicit form, on one line.
 */
public final class TypedJson {
    private TypedJson() {
    }

    /** Reads one value from JSON text (a typed value or a shorthand). */
    public static AmqpValue readValue(String json) {
        return readValue(JsonText.parse(json));
    }

    /** Reads one value from a JSON tree (a typed value or a shorthand). */
    public static AmqpValue readValue(JsonNode json) {
        return ValueReader.value(json, JsonPath.ROOT);
    }

    /** The value as typed JSON text, e.g. {@code {"ubyte":7}}. */
    public static String write(AmqpValue value) {
        return ValueWriter.write(value);
    }

    /** The value as a typed JSON tree. */
    public static JsonNode toJson(AmqpValue value) {
        return ValueWriter.toJson(value);
    }
}
