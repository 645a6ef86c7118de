package org.amqpexplorer.protocol.codec;

import java.security.SecureRandom;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entries of a {@link MapValue}: unmodifiable, in insertion order, looked up by value equality.
 *
 * <p>Keys come from the peer. Their own {@code hashCode()}s are easy to make collide (strings built from "Aa"
 * and "BB", longs whose halves are equal, lists), and a hash map of colliding keys that are not Comparable
 * takes quadratic time to build: 500 KB of such keys took over a minute. Here each key is hashed with a seed
 * chosen at random when the class loads, so a sender cannot know which keys collide.
 */
final class ValueMap extends AbstractMap<AmqpValue, AmqpValue> {
    private static final long SEED = new SecureRandom().nextLong();

    private final LinkedHashMap<Key, AmqpValue> entries;
    private Set<Entry<AmqpValue, AmqpValue>> entrySet;

    private ValueMap(LinkedHashMap<Key, AmqpValue> entries) {
        this.entries = entries;
    }

    /** An unmodifiable copy of {@code map} in its iteration order, or {@code map} itself if it is one. */
    static ValueMap copyOf(Map<AmqpValue, AmqpValue> map) {
        if (map instanceof ValueMap v) return v;
        Builder b = new Builder(map.size());
        map.forEach((k, v) -> {
            // only a map that is not by equals (an IdentityHashMap, say) can hold a key twice
            if (!b.putIfAbsent(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value"))) {
                throw new IllegalArgumentException("duplicate key " + k);
            }
        });
        return b.build();
    }

    /** Collects entries in order; {@link #putIfAbsent} reports a key already there. */
    static final class Builder {
        private final LinkedHashMap<Key, AmqpValue> entries;

        Builder(int expectedSize) {
            entries = LinkedHashMap.newLinkedHashMap(expectedSize);
        }

        /** Adds the entry unless the key is already present; returns whether it was added. */
        boolean putIfAbsent(AmqpValue key, AmqpValue value) {
            return entries.putIfAbsent(new Key(key), value) == null;
        }

        ValueMap build() {
            return new ValueMap(entries);
        }
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof AmqpValue k && entries.containsKey(new Key(k));
    }

    @Override
    public AmqpValue get(Object key) {
        return key instanceof AmqpValue k ? entries.get(new Key(k)) : null;
    }

    @Override
    public Set<Entry<AmqpValue, AmqpValue>> entrySet() {
        if (entrySet == null) entrySet = new EntrySet();
        return entrySet;
    }

    private final class EntrySet extends AbstractSet<Entry<AmqpValue, AmqpValue>> {
        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Entry<?, ?> e && containsKey(e.getKey()) && get(e.getKey()).equals(e.getValue());
        }

        @Override
        public Iterator<Entry<AmqpValue, AmqpValue>> iterator() {
            Iterator<Entry<Key, AmqpValue>> it = entries.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Entry<AmqpValue, AmqpValue> next() {
                    Entry<Key, AmqpValue> e = it.next();
                    return Map.entry(e.getKey().value, e.getValue());
                }
            };
        }
    }

    /** A key with its seeded hash, computed once. */
    private static final class Key {
        final AmqpValue value;
        final int hash;

        Key(AmqpValue value) {
            this.value = value;
            long h = hash(value);
            this.hash = (int) (h ^ (h >>> 32));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && value.equals(k.value);
        }
    }

    // ---- a seeded hash consistent with the values' equals()

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long word(int tag, long bits) {
        return mix(mix(SEED + tag) + bits);
    }

    private static long text(int tag, String s) {
        long h = mix(SEED + tag);
        for (int i = 0; i < s.length(); i++) h = mix(h + s.charAt(i));
        return mix(h + s.length());
    }

    private static long sequence(long h, List<AmqpValue> elements) {
        for (AmqpValue e : elements) h = mix(h + hash(e));
        return mix(h + elements.size());
    }

    static long hash(AmqpValue value) {
        return switch (value) {
            case NullValue n -> word(1, 0);
            case BooleanValue v -> word(2, v.value() ? 1 : 0);
            case UByteValue v -> word(3, v.value());
            case UShortValue v -> word(4, v.value());
            case UIntValue v -> word(5, v.value());
            case ULongValue v -> word(6, v.value());
            case ByteValue v -> word(7, v.value());
            case ShortValue v -> word(8, v.value());
            case IntValue v -> word(9, v.value());
            case LongValue v -> word(10, v.value());
            // as the records' equals: all NaNs alike, 0.0 and -0.0 apart
            case FloatValue v -> word(11, Float.floatToIntBits(v.value()));
            case DoubleValue v -> word(12, Double.doubleToLongBits(v.value()));
            case Decimal32Value v -> word(13, v.bits());
            case Decimal64Value v -> word(14, v.bits());
            case Decimal128Value v -> mix(word(15, v.high()) + v.low());
            case CharValue v -> word(16, v.codePoint());
            case TimestampValue v -> word(17, v.millis());
            case UuidValue v -> mix(word(18, v.value().getMostSignificantBits()) + v.value().getLeastSignificantBits());
            case BinaryValue v -> {
                long h = mix(SEED + 19);
                for (int i = 0; i < v.length(); i++) h = mix(h + v.byteAt(i));
                yield mix(h + v.length());
            }
            case StringValue v -> text(20, v.value());
            case SymbolValue v -> text(21, v.value());
            case ListValue v -> sequence(mix(SEED + 22), v.elements());
            case MapValue v -> {
                // order-independent, as map equality is
                long sum = 0;
                for (Entry<AmqpValue, AmqpValue> e : v.entries().entrySet()) sum += mix(hash(e.getKey()) + mix(hash(e.getValue())));
                yield mix(mix(SEED + 23) + sum);
            }
            case ArrayValue v -> {
                long h = mix(mix(SEED + 24) + v.elementType().ordinal());
                h = mix(h + (v.descriptor() == null ? 0 : hash(v.descriptor())));
                yield sequence(h, v.elements());
            }
            // Typed composites too: their own hashCode() would be as easy to steer as a string's. Equal
            // described values have equal descriptors and described values (composites build theirs from
            // their fields), so this agrees with their equals.
            case Described v -> mix(mix(mix(SEED + 25) + hash(v.descriptor())) + hash(v.described()));
        };
    }
}
