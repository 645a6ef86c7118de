package org.amqpexplorer.ui.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.Performative;
import org.amqpexplorer.protocol.types.SaslFrame;
import org.amqpexplorer.ui.fx.RingList;

/**
 * The state of one frame trace: a bounded ring of frames (the oldest leave when it is full), the filters and
 * what they let through, the selected frame with its decoded detail, and the selected field with the bytes to
 * highlight. A live trace is fed in batches ({@link #add}) and can be paused; a trace read from a file is not
 * fed again. Knows no controls; every method runs on the FX thread.
 */
public final class TraceViewModel {
    public static final int DEFAULT_CAPACITY = 100_000;
    /** The connection filter offers at most this many connections (the ones seen first). */
    static final int MAX_CONNECTIONS_LISTED = 1_000;

    /** What the performative filter offers: every frame body, then empty frames and protocol headers. */
    static final List<String> PERFORMATIVES = Stream.concat(
            CompositeTypes.all().stream()
                    .filter(t -> Performative.class.isAssignableFrom(t.javaType()) || SaslFrame.class.isAssignableFrom(t.javaType()))
                    .map(t -> t.name()),
            Stream.of(TraceFrame.PERFORMATIVE_EMPTY, TraceFrame.PERFORMATIVE_HEADER, TraceFrame.PERFORMATIVE_DESCRIBED)).toList();

    private final String title;
    private final boolean live;
    private final RingList<TraceRow> rows = new RingList<>();
    private final FilteredList<TraceRow> shown = new FilteredList<>(rows);
    private final ObservableList<String> connections = FXCollections.observableArrayList();
    private final Set<String> connectionsSeen = new HashSet<>();
    private long nextNumber = 1;

    private final ReadOnlyIntegerWrapper capacity = new ReadOnlyIntegerWrapper(this, "capacity", DEFAULT_CAPACITY);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow");
    private final ReadOnlyLongWrapper captured = new ReadOnlyLongWrapper(this, "captured");
    private final ReadOnlyLongWrapper discarded = new ReadOnlyLongWrapper(this, "discarded");
    private final ReadOnlyLongWrapper skipped = new ReadOnlyLongWrapper(this, "skipped");

    private final ObjectProperty<String> connectionFilter = new SimpleObjectProperty<>(this, "connectionFilter");
    private final ObjectProperty<Integer> channelFilter = new SimpleObjectProperty<>(this, "channelFilter");
    private final ObjectProperty<Long> handleFilter = new SimpleObjectProperty<>(this, "handleFilter");
    private final ObjectProperty<String> performativeFilter = new SimpleObjectProperty<>(this, "performativeFilter");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");

    private final ObjectProperty<TraceRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<FrameDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ObjectProperty<FieldNode> selectedField = new SimpleObjectProperty<>(this, "selectedField");
    private final ReadOnlyObjectWrapper<ByteRange> highlight = new ReadOnlyObjectWrapper<>(this, "highlight", ByteRange.NONE);

    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText");
    private final ReadOnlyStringWrapper lossText = new ReadOnlyStringWrapper(this, "lossText", "");

    /**
     * @param title a name for the trace, e.g. the file it was read from
     * @param live  whether it is fed by captured connections (and can be paused)
     */
    public TraceViewModel(String title, boolean live) {
        this.title = Objects.requireNonNull(title, "title");
        this.live = live;
        follow.set(live);
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::filter,
                connectionFilter, channelFilter, handleFilter, performativeFilter, textFilter));
        selected.addListener((o, was, now) -> {
            selectedField.set(null);
            detail.set(now == null ? null : FrameDetail.of(now.frame()));
        });
        selectedField.addListener((o, was, now) ->
                highlight.set(now == null || now.range() == null ? ByteRange.NONE : now.range()));
        shownCount.bind(Bindings.size(shown));
        countText.bind(Bindings.createStringBinding(() -> shown.size() == rows.size()
                ? frames(rows.size()) : String.format("%,d of %s", shown.size(), frames(rows.size())), shown, rows));
        discarded.addListener(o -> updateLossText());
        skipped.addListener(o -> updateLossText());
    }

    public String title() {
        return title;
    }

    public boolean isLive() {
        return live;
    }

    /**
     * Adds a batch of frames at the end and drops the oldest beyond the capacity, as one change to the list (so a
     * full trace keeps its size, and a table showing it keeps its cells). While paused, the batch is only counted.
     */
    public void add(List<TraceFrame> batch) {
        if (batch.isEmpty()) return;
        captured.set(captured.get() + batch.size());
        if (paused.get()) {
            skipped.set(skipped.get() + batch.size());
            nextNumber += batch.size();
            return;
        }
        int cap = capacity.get();
        int tooMany = Math.max(0, batch.size() - cap);
        nextNumber += tooMany;
        List<TraceRow> added = new ArrayList<>(batch.size() - tooMany);
        List<String> newConnections = new ArrayList<>();
        for (TraceFrame f : batch.subList(tooMany, batch.size())) {
            added.add(new TraceRow(nextNumber++, f));
            if (connectionsSeen.size() < MAX_CONNECTIONS_LISTED && connectionsSeen.add(f.connection())) {
                newConnections.add(f.connection());
            }
        }
        int over = Math.max(0, rows.size() + added.size() - cap);
        rows.addAll(added, over);
        if (!newConnections.isEmpty()) connections.addAll(newConnections);
        if (tooMany + over > 0) discarded.set(discarded.get() + tooMany + over);
    }

    /** Drops the oldest rows beyond the capacity. */
    private void trim() {
        int over = rows.size() - capacity.get();
        if (over > 0) {
            rows.remove(0, over);
            discarded.set(discarded.get() + over);
        }
    }

    /** Empties the trace and its counters; filters stay. */
    public void clear() {
        rows.clear();
        connections.clear();
        connectionsSeen.clear();
        captured.set(0);
        discarded.set(0);
        skipped.set(0);
    }

    /** The frames the filters let through, oldest first: what an export writes. */
    public List<TraceFrame> shownFrames() {
        List<TraceFrame> frames = new ArrayList<>(shown.size());
        for (TraceRow r : shown) frames.add(r.frame());
        return frames;
    }

    /**
     * Selects the newest frame that {@code which} matches, clearing the filters first if they hide it (e.g. a frame
     * another view points at). Returns false, changing nothing, if the trace no longer holds such a frame.
     */
    public boolean select(Predicate<TraceFrame> which) {
        TraceRow row = newest(shown, which);
        if (row == null) {
            row = newest(rows, which);
            if (row == null) return false;
            clearFilters();
        }
        follow.set(false);
        selected.set(row);
        return true;
    }

    private static TraceRow newest(List<TraceRow> list, Predicate<TraceFrame> which) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (which.test(list.get(i).frame())) return list.get(i);
        }
        return null;
    }

    /** Clears every filter. */
    public void clearFilters() {
        connectionFilter.set(null);
        channelFilter.set(null);
        handleFilter.set(null);
        performativeFilter.set(null);
        textFilter.set("");
    }

    private Predicate<TraceRow> filter() {
        String connection = connectionFilter.get();
        Integer channel = channelFilter.get();
        Long handle = handleFilter.get();
        String performative = performativeFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip();
        if (connection == null && channel == null && handle == null && performative == null && text.isEmpty()) {
            return null;
        }
        return row -> (connection == null || connection.equals(row.frame().connection()))
                && (channel == null || channel.equals(row.channel()))
                && (handle == null || handle.equals(row.handle()))
                && (performative == null || performative.equals(row.frame().performative()))
                && (text.isEmpty() || containsIgnoreCase(row.summary(), text)
                        || containsIgnoreCase(row.frame().connection(), text));
    }

    private static boolean containsIgnoreCase(String s, String part) {
        for (int i = 0; i + part.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, part, 0, part.length())) return true;
        }
        return false;
    }

    private void updateLossText() {
        List<String> parts = new ArrayList<>(2);
        if (discarded.get() > 0) {
            parts.add(String.format("%,d oldest %s discarded (the trace keeps %,d)", discarded.get(),
                    discarded.get() == 1 ? "frame" : "frames", capacity.get()));
        }
        if (skipped.get() > 0) parts.add(frames(skipped.get()) + " not kept while paused");
        lossText.set(String.join("; ", parts));
    }

    static String frames(long n) {
        return n == 1 ? "1 frame" : String.format("%,d frames", n);
    }

    // ---- properties

    ObservableList<TraceRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows the filters let through: what the table shows. */
    ObservableList<TraceRow> shownRows() {
        return shown;
    }

    /** The connections seen, in order of their first frame: what the connection filter offers. */
    ObservableList<String> connections() {
        return FXCollections.unmodifiableObservableList(connections);
    }

    /** How many frames the trace keeps; the oldest leave first. */
    public ReadOnlyIntegerProperty capacityProperty() {
        return capacity.getReadOnlyProperty();
    }

    /** Sets how many frames the trace keeps, dropping the oldest if it holds more. */
    public void setCapacity(int frames) {
        if (frames < 1) throw new IllegalArgumentException("capacity must be positive: " + frames);
        capacity.set(frames);
        trim();
    }

    /** While paused, a live trace counts frames but keeps none. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Whether the table keeps the newest frame in view as frames arrive. */
    BooleanProperty followProperty() {
        return follow;
    }

    /** Every frame handed to the trace since it was created or cleared, kept or not. */
    public ReadOnlyLongProperty capturedProperty() {
        return captured.getReadOnlyProperty();
    }

    /** Frames that left (or never entered) the trace because it was full. */
    public ReadOnlyLongProperty discardedProperty() {
        return discarded.getReadOnlyProperty();
    }

    /** Frames that arrived while paused. */
    public ReadOnlyLongProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    /** How many frames the filters let through. */
    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** e.g. {@code 1,234 frames}, or {@code 12 of 1,234 frames} while a filter hides some. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the trace did not keep, and why; empty if it kept everything. */
    public ReadOnlyStringProperty lossTextProperty() {
        return lossText.getReadOnlyProperty();
    }

    ObjectProperty<String> connectionFilterProperty() {
        return connectionFilter;
    }

    /** Frames on this channel (one session); protocol headers and SASL frames have none. */
    ObjectProperty<Integer> channelFilterProperty() {
        return channelFilter;
    }

    /** Frames with this link handle: attach, flow, transfer and detach carry one. */
    ObjectProperty<Long> handleFilterProperty() {
        return handleFilter;
    }

    ObjectProperty<String> performativeFilterProperty() {
        return performativeFilter;
    }

    /** Text the summary (or the connection's name) must contain, ignoring case. */
    StringProperty textFilterProperty() {
        return textFilter;
    }

    ObjectProperty<TraceRow> selectedProperty() {
        return selected;
    }

    /** The selected frame decoded, or null. */
    ReadOnlyObjectProperty<FrameDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    ObjectProperty<FieldNode> selectedFieldProperty() {
        return selectedField;
    }

    /** The bytes of the selected field in the selected frame's raw bytes. */
    ReadOnlyObjectProperty<ByteRange> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }
}
