package org.amqpexplorer.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.types.Message;

/**
 * Typed JSON (docs/typed-json.md): the one notation in which AMQP values and messages are written as text and
 * read back, exactly, type included. Readers accept the shorthand the notation allows and reject everything
 * else with a {@link TypedJsonException} naming the JSON path and the reason; writers always write the
 * explicit form, on one line (so that a stream of messages is JSON Lines).
 */
public final class TypedJson {
    private TypedJson() {
    }

    /**
     * Parses JSON text exactly as the readers do (one value, no duplicate member names, numbers kept exactly,
     * {@code -0} kept), without reading it as a typed value: for callers that transform the tree before
     * reading it, such as the composer evaluating its placeholders.
     *
     * @throws TypedJsonException for malformed JSON, naming where
     */
    public static JsonNode parse(String json) {
        return JsonText.parse(json);
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
        return JsonText.write(toJson(value));
    }

    /** The value as a typed JSON tree: an object with one member named by the value's type. */
    public static ObjectNode toJson(AmqpValue value) {
        return ValueWriter.toJson(value);
    }

    /**
     * A JSON tree as one line of text, valid Unicode throughout, as the writers here write it: for writers that
     * build on {@link #toJson(Message)} or {@link #toJson(AmqpValue)}, e.g. adding a {@code "delivery"} member.
     */
    public static String write(JsonNode json) {
        return JsonText.write(json);
    }

    /** Reads one message object from JSON text; a top-level {@code "delivery"} member is ignored. */
    public static Message readMessage(String json) {
        return readMessage(JsonText.parse(json));
    }

    /** Reads one message object from a JSON tree; a top-level {@code "delivery"} member is ignored. */
    public static Message readMessage(JsonNode json) {
        return MessageReader.message(json, JsonPath.ROOT);
    }

    /**
     * Reads a JSON Lines stream of messages: one message object per line; blank lines are skipped. Errors
     * give the line number, e.g. {@code line 3: $.header.priority: ubyte out of range: 300}.
     */
    public static List<Message> readMessageLines(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Message> messages = new ArrayList<>();
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            try {
                messages.add(readMessage(JsonText.parseLine(line)));
            } catch (TypedJsonException e) {
                throw e.onLine(number);
            }
        }
        return messages;
    }

    /** As {@link #readMessageLines(Reader)}, from text in memory. */
    public static List<Message> readMessageLines(String jsonLines) {
        try {
            return readMessageLines(new StringReader(jsonLines));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does no I/O
        }
    }

    /**
     * The message as typed JSON text on one line.
     *
     * @throws TypedJsonException if the message holds something typed JSON cannot express (see {@link #toJson(Message)})
     */
    public static String write(Message message) {
        return JsonText.write(toJson(message));
    }

    /**
     * The message as a typed JSON object, to which a writer may add a {@code "delivery"} member.
     *
     * @throws TypedJsonException naming the member, if the message holds something typed JSON cannot express,
     *         so could not read back: a {@code to} or {@code replyTo} that is not a string, a message-id of
     *         another type than ulong, uuid, binary or string, an annotation key that is not a symbol or ulong,
     *         an application property keyed by other than a string or whose value is a list, map or array
     */
    public static ObjectNode toJson(Message message) {
        return MessageWriter.toJson(message);
    }
}
