package org.amqpexplorer.protocol.codec;

import java.util.Map;

/**
 * map: key/value pairs with unique keys of any type; the order they were given (or decoded) in is kept.
 * {@code entries} is unmodifiable and hashes its keys so that a peer cannot make them collide.
 */
public record MapValue(Map<AmqpValue, AmqpValue> entries) implements AmqpValue {
    public static final MapValue EMPTY = new MapValue(Map.of());

    public MapValue {
        entries = ValueMap.copyOf(entries);
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
