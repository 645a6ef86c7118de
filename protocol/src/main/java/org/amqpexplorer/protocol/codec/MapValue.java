package org.amqpexplorer.protocol.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** map: key/value pairs with unique keys of any type; the order they were given (or decoded) in is kept. */
public record MapValue(Map<AmqpValue, AmqpValue> entries) implements AmqpValue {
    public static final MapValue EMPTY = new MapValue(Map.of());

    public MapValue {
        Map<AmqpValue, AmqpValue> copy = new LinkedHashMap<>(entries.size() * 2);
        entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        entries = Collections.unmodifiableMap(copy);
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
