package org.amqpexplorer.protocol.codec;

import java.security.SecureRandom;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

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

    // The entries in order, and an open-addressing index over them (linear probing, at most half full): no
    // object per entry or per key, as a LinkedHashMap of wrapped keys would make.
    private final AmqpValue[] keys;
    private final AmqpValue[] values;
    private final int[] hashes;
    private final int size;
    /** Per slot, the index of the entry plus one; 0 for an empty slot. */
    private final int[] slots;
    private Set<Entry<AmqpValue, AmqpValue>> entrySet;

    private ValueMap(Builder b) {
        this.keys = b.keys;
        this.values = b.values;
        this.hashes = b.hashes;
        this.size = b.size;
        this.slots = b.slots;
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

    /** Collects at most the expected number of entries, in order; {@link #putIfAbsent} reports a key already there. */
    static final class Builder {
        private final AmqpValue[] keys;
        private final AmqpValue[] values;
        private final int[] hashes;
        private final int[] slots;
        private int size;

        Builder(int expectedSize) {
            keys = new AmqpValue[expectedSize];
            values = new AmqpValue[expectedSize];
            hashes = new int[expectedSize];
            int n = 2;
            while (n < 2 * expectedSize) n <<= 1;
            slots = new int[n];
        }

        /** Adds the entry unless the key is already present; returns whether it was added. */
        boolean putIfAbsent(AmqpValue key, AmqpValue value) {
            if (size == keys.length) throw new IllegalStateException("more entries than the " + size + " expected");
            int h = seededHash(key);
            int mask = slots.length - 1;
            int slot = h & mask;
            for (int e; (e = slots[slot]) != 0; slot = (slot + 1) & mask) {
                if (hashes[e - 1] == h && keys[e - 1].equals(key)) return false;
            }
            keys[size] = key;
            values[size] = value;
            hashes[size] = h;
            slots[slot] = ++size;
            return true;
        }

        ValueMap build() {
            return new ValueMap(this);
        }
    }

    private static int seededHash(AmqpValue key) {
        long h = hash(key);
        return (int) (h ^ (h >>> 32));
    }

    /** The index of {@code key}'s entry, or -1. */
    private int indexOf(Object key) {
        if (!(key instanceof AmqpValue k)) return -1;
        int h = seededHash(k);
        int mask = slots.length - 1;
        for (int slot = h & mask, e; (e = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if (hashes[e - 1] == h && keys[e - 1].equals(k)) return e - 1;
        }
        return -1;
    }

    /** The key of the entry at {@code index} in order, for writers that walk the entries without iterators. */
    AmqpValue keyAt(int index) {
        return keys[index];
    }

    AmqpValue valueAt(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public AmqpValue get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public void forEach(BiConsumer<? super AmqpValue, ? super AmqpValue> action) {
        for (int i = 0; i < size; i++) action.accept(keys[i], values[i]);
    }

    @Override
    public Set<Entry<AmqpValue, AmqpValue>> entrySet() {
        if (entrySet == null) entrySet = new EntrySet();
        return entrySet;
    }

    private final class EntrySet extends AbstractSet<Entry<AmqpValue, AmqpValue>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Entry<?, ?> e)) return false;
            int i = indexOf(e.getKey());
            return i >= 0 && values[i].equals(e.getValue());
        }

        @Override
        public Iterator<Entry<AmqpValue, AmqpValue>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Entry<AmqpValue, AmqpValue> next() {
                    if (next >= size) throw new NoSuchElementException();
                    int i = next++;
                    return Map.entry(keys[i], values[i]);
                }
            };
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

    /** Four chars to a step: the mixing, not the reading, is what a long key costs. */
    private static long text(int tag, String s) {
        long h = mix(SEED + tag);
        int n = s.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h = mix(h + (s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48));
        }
        long rest = 0;
        for (int shift = 0; i < n; i++, shift += 16) rest |= (long) s.charAt(i) << shift;
        return mix(mix(h + rest) + n);
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
                int n = v.length();
                for (int i = 0; i < n; i += 8) {
                    long chunk = 0;
                    for (int k = i; k < Math.min(n, i + 8); k++) chunk = chunk << 8 | (v.byteAt(k) & 0xFF);
                    h = mix(h + chunk);
                }
                yield mix(h + n);
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
