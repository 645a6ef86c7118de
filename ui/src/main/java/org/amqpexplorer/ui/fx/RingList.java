package org.amqpexplorer.ui.fx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javafx.collections.ObservableListBase;

/**
 * An observable list that grows at the end and shrinks from the front, as a bounded trace does: {@link #addAll}
 * appends, {@link #remove(int, int) remove(0, n)} drops the oldest n, and {@link #addAll(Collection, int)} does
 * both; each is one change to listeners and takes time proportional to the elements added or dropped. (An array-backed observable list drops a range one element at a
 * time, shifting everything after it each time: dropping the oldest few hundred of 100,000 rows took the whole
 * pulse.) Elements live in a circular array that doubles when full. Only appending, dropping from the front and
 * {@link #clear} are supported. Not thread-safe: use it on one thread (the FX thread).
 *
 * @param <E> the element type
 */
public final class RingList<E> extends ObservableListBase<E> {
    private Object[] elements = new Object[16]; // length is a power of two
    private int head;
    private int size;

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) elements[(head + index) & (elements.length - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean add(E e) {
        return addAll(List.of(e));
    }

    /** Appends every element of {@code added}, in its order, as one change. */
    @Override
    public boolean addAll(Collection<? extends E> added) {
        if (added.isEmpty()) return false;
        int from = size;
        ensureCapacity(size + added.size());
        for (E e : added) {
            elements[(head + size) & (elements.length - 1)] = e;
            size++;
        }
        modCount++;
        beginChange();
        nextAdd(from, size);
        endChange();
        return true;
    }

    /**
     * Appends {@code added} and drops the {@code dropOldest} oldest elements, as one change: a full ring keeps its
     * size, so a table showing it keeps its cells.
     */
    public void addAll(Collection<? extends E> added, int dropOldest) {
        beginChange();
        try {
            addAll(added);
            remove(0, dropOldest);
        } finally {
            endChange();
        }
    }

    /**
     * Drops elements {@code from} (inclusive) to {@code to} (exclusive) as one change; {@code from} must be 0
     * (the oldest go first).
     *
     * @throws UnsupportedOperationException if {@code from} is not 0
     */
    @Override
    public void remove(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        if (from != 0) throw new UnsupportedOperationException("a ring drops from the front only");
        if (to == 0) return;
        List<E> removed = new ArrayList<>(to);
        int mask = elements.length - 1;
        for (int i = 0; i < to; i++) {
            int slot = (head + i) & mask;
            @SuppressWarnings("unchecked")
            E e = (E) elements[slot];
            removed.add(e);
            elements[slot] = null;
        }
        head = (head + to) & mask;
        size -= to;
        modCount++;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    @Override
    protected void removeRange(int from, int to) {
        remove(from, to);
    }

    @Override
    public void clear() {
        remove(0, size);
    }

    private void ensureCapacity(int needed) {
        if (needed <= elements.length) return;
        int length = elements.length;
        while (length < needed) length <<= 1;
        Object[] grown = new Object[length];
        for (int i = 0; i < size; i++) grown[i] = elements[(head + i) & (elements.length - 1)];
        elements = grown;
        head = 0;
    }
}
