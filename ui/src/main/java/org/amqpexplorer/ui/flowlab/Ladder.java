package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's recent frames for the sequence diagram: the last {@code capacity} of them, the ones the filter
 * lets through, and the alerts raised on some. Appending and trimming are per batch; the diagram draws only the
 * rows in view, so the cost of a pulse does not grow with the history. Not thread-safe: the FX thread owns it.
 */
final class Ladder {
    static final int DEFAULT_CAPACITY = 5000;

    private final int capacity;
    private final List<LadderEntry> entries = new ArrayList<>();
    private final List<LadderEntry> shown = new ArrayList<>();
    private final Map<Long, SpecAlert> alerts = new HashMap<>();
    /** Sessions seen (channels at this end), in order; a connection has few. */
    private final List<Integer> sessions = new ArrayList<>();
    private LadderFilter filter = LadderFilter.ALL;
    private long version;
    private long discarded;
    private long firstTime = -1;

    Ladder(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    /**
     * Adds a batch in order. An entry with the number of the last one replaces it (its effect grew since it was
     * first seen).
     */
    void add(List<LadderEntry> batch) {
        if (batch.isEmpty()) return;
        for (LadderEntry e : batch) {
            if (firstTime < 0) firstTime = e.time();
            if (e.localChannel() >= 0 && !sessions.contains(e.localChannel())) sessions.add(e.localChannel());
            if (!entries.isEmpty() && entries.get(entries.size() - 1).seq() == e.seq()) {
                entries.set(entries.size() - 1, e);
                if (!shown.isEmpty() && shown.get(shown.size() - 1).seq() == e.seq()) {
                    if (filter.test(e)) shown.set(shown.size() - 1, e);
                    else shown.remove(shown.size() - 1);
                } else if (filter.test(e)) {
                    shown.add(e);
                }
            } else {
                entries.add(e);
                if (filter.test(e)) shown.add(e);
            }
        }
        int over = entries.size() - capacity;
        if (over > 0) {
            long oldestKept = entries.get(over).seq();
            entries.subList(0, over).clear();
            int gone = 0;
            while (gone < shown.size() && shown.get(gone).seq() < oldestKept) gone++;
            shown.subList(0, gone).clear();
            alerts.keySet().removeIf(seq -> seq < oldestKept);
            discarded += over;
        }
        version++;
    }

    /** Frames the probe could not hand over in time (a burst beyond its buffer) count as discarded too. */
    void lost(long frames) {
        if (frames > 0) {
            discarded += frames;
            version++;
        }
    }

    /** Marks the frame an alert names. */
    void alert(SpecAlert a) {
        if (a.frameSeq() > 0 && !entries.isEmpty() && a.frameSeq() >= entries.get(0).seq()) {
            alerts.putIfAbsent(a.frameSeq(), a);
            version++;
        }
    }

    SpecAlert alertOf(LadderEntry e) {
        return alerts.get(e.seq());
    }

    void filter(LadderFilter f) {
        filter = f == null ? LadderFilter.ALL : f;
        shown.clear();
        for (LadderEntry e : entries) if (filter.test(e)) shown.add(e);
        version++;
    }

    int size() {
        return entries.size();
    }

    int shownSize() {
        return shown.size();
    }

    LadderEntry shown(int i) {
        return shown.get(i);
    }

    /** The shown rows from {@code from} (inclusive) to {@code to} (exclusive), clipped to what there is. */
    List<LadderEntry> shown(int from, int to) {
        int a = Math.max(0, Math.min(from, shown.size()));
        int b = Math.max(a, Math.min(to, shown.size()));
        return List.copyOf(shown.subList(a, b));
    }

    /** The shown row of frame {@code seq}, or -1. */
    int indexOf(long seq) {
        int lo = 0;
        int hi = shown.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = shown.get(mid).seq();
            if (s < seq) lo = mid + 1;
            else if (s > seq) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** Changes with every change to what the diagram shows, so a view knows when to draw again. */
    long version() {
        return version;
    }

    long discarded() {
        return discarded;
    }

    /** The time of the connection's first frame: the diagram's times count from it. */
    long firstTime() {
        return firstTime;
    }

    /** Sessions seen (channels at this end), in order. */
    List<Integer> sessions() {
        return List.copyOf(sessions);
    }
}
