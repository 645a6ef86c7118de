package org.amqpexplorer.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;

import org.junit.jupiter.api.Test;

/** The trace's ring: appends at the end, drops the oldest, each one change, and stays a plain list to read. */
class RingListTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void appendingAndDroppingTheOldestAreOneChangeEach() {
        RingList<Integer> ring = new RingList<>();
        List<String> changes = new ArrayList<>();
        ring.addListener((ListChangeListener<Integer>) c -> {
            StringBuilder b = new StringBuilder();
            while (c.next()) {
                if (c.wasAdded()) b.append("added ").append(c.getFrom()).append("..").append(c.getTo()).append(' ');
                if (c.wasRemoved()) b.append("removed ").append(c.getRemoved()).append(" at ").append(c.getFrom()).append(' ');
            }
            changes.add(b.toString().strip());
        });
        ring.addAll(range(0, 10));
        ring.remove(0, 3);
        ring.addAll(range(10, 12));
        assertEquals(List.of("added 0..10", "removed [0, 1, 2] at 0", "added 7..9"), changes);
        assertEquals(range(3, 12), ring);
    }

    @Test
    void appendingAndDroppingTogetherIsOneChangeThatAMirrorCanReplay() {
        RingList<Integer> ring = new RingList<>();
        ring.addAll(range(0, 10));
        List<Integer> mirror = new ArrayList<>(ring);
        int[] calls = {0};
        ring.addListener((ListChangeListener<Integer>) c -> {
            calls[0]++;
            while (c.next()) {
                mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                if (c.wasAdded()) mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
        ring.addAll(range(10, 14), 4);
        ring.addAll(range(14, 30), 16);
        assertEquals(2, calls[0]);
        assertEquals(range(20, 30), ring);
        assertEquals(ring, mirror);
    }

    @Test
    void wrapsAroundAndGrowsKeepingTheOrder() {
        RingList<Integer> ring = new RingList<>();
        List<Integer> expected = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 200; round++) {
            int add = 1 + round % 37;
            List<Integer> batch = range(next, next + add);
            next += add;
            ring.addAll(batch);
            expected.addAll(batch);
            int drop = Math.max(0, ring.size() - (50 + round % 100));
            ring.remove(0, drop);
            expected.subList(0, drop).clear();
            assertEquals(expected, ring, "round " + round);
        }
        assertEquals(expected.get(expected.size() - 1), ring.get(ring.size() - 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(ring.size()));
    }

    @Test
    void aFilteredViewFollowsAppendsAndDrops() {
        RingList<Integer> ring = new RingList<>();
        FilteredList<Integer> even = new FilteredList<>(ring, i -> i % 2 == 0);
        ring.addAll(range(0, 100));
        ring.remove(0, 25);
        ring.addAll(range(100, 110));
        assertEquals(range(25, 110).stream().filter(i -> i % 2 == 0).toList(), even);
        ring.clear();
        assertTrue(even.isEmpty());
        assertTrue(ring.isEmpty());
    }

    @Test
    void onlyTheOldestCanBeDropped() {
        RingList<Integer> ring = new RingList<>();
        ring.addAll(range(0, 5));
        assertThrows(UnsupportedOperationException.class, () -> ring.remove(1, 3));
        assertThrows(UnsupportedOperationException.class, () -> ring.remove(Integer.valueOf(3)));
        assertThrows(UnsupportedOperationException.class, () -> ring.set(0, 9));
        assertEquals(range(0, 5), ring);
    }

    @Test
    void droppingTheOldestOfALargeRingCostsOnlyWhatIsDropped() {
        RingList<Integer> ring = new RingList<>();
        ring.addAll(range(0, 100_000));
        new FilteredList<>(ring).addListener((ListChangeListener<Integer>) c -> { });
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            ring.addAll(range(100_000 + i * 1_000, 101_000 + i * 1_000));
            ring.remove(0, 1_000);
        }
        assertEquals(100_000, ring.size());
        assertEquals(1_000_000, ring.get(0));
        // A million rows through a ring of 100,000: an array list shifting per dropped element would take minutes.
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
