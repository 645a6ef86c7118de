package org.amqpexplorer.protocol.json;

import static org.amqpexplorer.protocol.json.JsonText.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** Checks on the members of a JSON object that has a fixed set of them. */
final class Members {
    private Members() {
    }

    /** Rejects the first member not named in {@code allowed}. */
    static void only(JsonNode object, JsonPath path, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) throw new TypedJsonException(path, "unknown member " + quote(name));
        }
    }

    static JsonNode required(JsonNode object, JsonPath path, String name) {
        JsonNode member = object.get(name);
        if (member == null) throw new TypedJsonException(path, "missing member " + quote(name));
        return member;
    }
}
