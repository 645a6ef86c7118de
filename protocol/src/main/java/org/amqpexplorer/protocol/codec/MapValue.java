package org.amqpexplorer.protocol.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** map: key/value pairs with unique keys of any type; the order they were given (or decoded) in is kept. */
public record MapValue(Map<AmqpValue, AmqpValue> entries) implements AmqpValue {
    public static final MapValue EMPTY = new MapValue(Map.of());

    public MapValue {
        if (!(entries instanceof Decoded)) {
            Map<AmqpValue, AmqpValue> copy = LinkedHashMap.newLinkedHashMap(entries.size());
            entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
            entries = copy;
        }
        entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Entries the decoder builds for one map value, without nulls: taken over as they are rather than copied.
     * Package-private, so no one else holds them.
     */
    static final class Decoded extends LinkedHashMap<AmqpValue, AmqpValue> {
        /** Room for {@code entries} entries without rehashing (load factor 0.75). */
        Decoded(int entries) {
            super((int) Math.ceil(entries / 0.75));
        }
    }

    public int size() {
        return entries.size();
    }

    public AmqpValue get(AmqpValue key) {
        return entries.get(key);
    }

    @Override
    public AmqpType type() {
        return AmqpType.MAP;
    }
}
