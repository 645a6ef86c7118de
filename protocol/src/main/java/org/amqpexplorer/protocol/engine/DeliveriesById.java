package org.amqpexplorer.protocol.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A session's unsettled deliveries of one direction, by delivery-id: an open-addressing table of int keys
 * (linear probing, deletion by backward shift), so that the put, get and remove every delivery makes box
 * nothing and allocate nothing. No order is kept.
 */
final class DeliveriesById {

    private static final int MIN_CAPACITY = 16;

    private int[] ids = new int[MIN_CAPACITY];
    private Delivery[] deliveries = new Delivery[MIN_CAPACITY];
    private int shift = Integer.numberOfLeadingZeros(MIN_CAPACITY - 1);
    private int size;

    int size() {
        return size;
    }

    /** Fibonacci hashing: consecutive ids, the usual case, land far apart. */
    private int home(int id) {
        return (id * 0x9E37_79B9) >>> shift;
    }

    Delivery get(int id) {
        int mask = deliveries.length - 1;
        for (int i = home(id); ; i = (i + 1) & mask) {
            Delivery d = deliveries[i];
            if (d == null || ids[i] == id) {
                return d;
            }
        }
    }

    void put(int id, Delivery delivery) {
        if (2 * (size + 1) > deliveries.length) {
            resize(2 * deliveries.length);
        }
        int mask = deliveries.length - 1;
        for (int i = home(id); ; i = (i + 1) & mask) {
            if (deliveries[i] == null) {
                ids[i] = id;
                deliveries[i] = delivery;
                size++;
                return;
            }
            if (ids[i] == id) {
                deliveries[i] = delivery;
                return;
            }
        }
    }

    /** Removes the entry for this id if it is this delivery. */
    void remove(int id, Delivery delivery) {
        int mask = deliveries.length - 1;
        int gap = home(id);
        while (deliveries[gap] != null && ids[gap] != id) {
            gap = (gap + 1) & mask;
        }
        if (deliveries[gap] != delivery || delivery == null) {
            return;
        }
        // Close the gap: move back each entry of the run after it whose home does not lie between the gap and it.
        for (int j = (gap + 1) & mask; deliveries[j] != null; j = (j + 1) & mask) {
            if (((j - home(ids[j])) & mask) >= ((j - gap) & mask)) {
                ids[gap] = ids[j];
                deliveries[gap] = deliveries[j];
                gap = j;
            }
        }
        deliveries[gap] = null;
        size--;
    }

    /** The deliveries, in no particular order. */
    List<Delivery> values() {
        List<Delivery> values = new ArrayList<>(size);
        for (Delivery d : deliveries) {
            if (d != null) {
                values.add(d);
            }
        }
        return values;
    }

    void removeIf(Predicate<Delivery> condition) {
        for (Delivery d : values()) {
            if (condition.test(d)) {
                remove(d.deliveryId, d);
            }
        }
    }

    void clear() {
        ids = new int[MIN_CAPACITY];
        deliveries = new Delivery[MIN_CAPACITY];
        shift = Integer.numberOfLeadingZeros(MIN_CAPACITY - 1);
        size = 0;
    }

    private void resize(int capacity) {
        int[] oldIds = ids;
        Delivery[] old = deliveries;
        ids = new int[capacity];
        deliveries = new Delivery[capacity];
        shift = Integer.numberOfLeadingZeros(capacity - 1);
        size = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                put(oldIds[i], old[i]);
            }
        }
    }
}
