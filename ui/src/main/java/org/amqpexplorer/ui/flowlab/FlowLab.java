package org.amqpexplorer.ui.flowlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.PeerOptions;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.ui.trace.TraceFrame;

/**
 * The flow-control lab's state: the connections it watches (its scenarios' own, and the window's), for the one in
 * focus the charts, the sequence diagram with its filter, step mode, the alerts, and the scenarios with what they
 * say as they run. Knows no controls. Everything runs on the FX thread except {@link #observer}, which any thread
 * may call; engine events reach the lab through each connection's {@link ConnectionProbe} and are brought in
 * once per pulse ({@link #pulse}), the charts' samples ten times a second.
 */
public final class FlowLab {
    /** Connections the lab keeps, at most; the oldest closed ones go first. */
    public static final int MAX_CONNECTIONS = 16;
    /** Chart samples per second. */
    static final int SAMPLES_PER_SECOND = 10;
    static final List<Integer> SPANS = List.of(10, 30, 60, 120, 300, 600);
    static final int MAX_ALERTS = 500;
    static final int MAX_NARRATION = 300;
    static final int RECENT_FRAMES = 12;

    private final Function<String, EngineObserver> traceObserver;
    private final LongSupplier clock;
    private final AtomicLong alertIds = new AtomicLong();
    private final ConcurrentLinkedQueue<LabConnection> arriving = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, LabConnection> byName = new ConcurrentHashMap<>();
    /** Connections a scenario wants watched, in the order it made them: the last one is shown. */
    private final ConcurrentLinkedQueue<LabConnection> focusRequests = new ConcurrentLinkedQueue<>();
    private final java.util.Set<LabConnection> focusing = ConcurrentHashMap.newKeySet();
    private final ObservableList<LabConnection> connections = FXCollections.observableArrayList();
    private final ObjectProperty<LabConnection> focus = new SimpleObjectProperty<>(this, "focus");
    private long lastSample = -1;

    // charts
    private final ObjectProperty<Entity> chartEntity = new SimpleObjectProperty<>(this, "chartEntity");
    private final IntegerProperty spanSeconds = new SimpleIntegerProperty(this, "spanSeconds", 30);
    private final BooleanProperty chartsPaused = new SimpleBooleanProperty(this, "chartsPaused");
    private final ReadOnlyLongWrapper chartEnd = new ReadOnlyLongWrapper(this, "chartEnd");
    private final ReadOnlyLongWrapper chartVersion = new ReadOnlyLongWrapper(this, "chartVersion");

    // the sequence diagram
    private final ObjectProperty<Integer> sessionFilter = new SimpleObjectProperty<>(this, "sessionFilter");
    private final ObjectProperty<LadderFilter.LinkChoice> linkFilter = new SimpleObjectProperty<>(this, "linkFilter");
    private final ObjectProperty<String> performativeFilter = new SimpleObjectProperty<>(this, "performativeFilter");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ObservableList<Integer> sessionChoices = FXCollections.observableArrayList();
    private final ObservableList<LadderFilter.LinkChoice> linkChoices = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper ladderVersion = new ReadOnlyLongWrapper(this, "ladderVersion");
    private final ObjectProperty<LadderEntry> selectedFrame = new SimpleObjectProperty<>(this, "selectedFrame");
    private Predicate<Predicate<TraceFrame>> showInTrace = which -> false;

    // step mode
    private final ReadOnlyBooleanWrapper steppable = new ReadOnlyBooleanWrapper(this, "steppable");
    private final ReadOnlyBooleanWrapper holdingIncoming = new ReadOnlyBooleanWrapper(this, "holdingIncoming");
    private final ReadOnlyBooleanWrapper holdingOutgoing = new ReadOnlyBooleanWrapper(this, "holdingOutgoing");
    private final ReadOnlyIntegerWrapper heldIncoming = new ReadOnlyIntegerWrapper(this, "heldIncoming");
    private final ReadOnlyIntegerWrapper heldOutgoing = new ReadOnlyIntegerWrapper(this, "heldOutgoing");
    private final ObservableList<HeldFrame> heldFrames = FXCollections.observableArrayList();
    private final ObservableList<LadderEntry> recentFrames = FXCollections.observableArrayList();
    private long recentVersion = -1;

    // alerts
    private final ObservableList<SpecAlert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SpecAlert> latestAlert = new ReadOnlyObjectWrapper<>(this, "latestAlert");
    private final ReadOnlyIntegerWrapper alertCount = new ReadOnlyIntegerWrapper(this, "alertCount");

    // scenarios
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList(List.of(
            new LinkCreditScenario(), new SessionWindowScenario(), new BulkAndControlScenario(),
            new DeliveryGuaranteesScenario(), new MultiplexingScenario(), new RuleBreakerScenario()));
    private final ObjectProperty<Scenario> chosen = new SimpleObjectProperty<>(this, "chosen", scenarios.get(0));
    private final BooleanProperty stepThrough = new SimpleBooleanProperty(this, "stepThrough");
    private final ObjectProperty<Double> pace = new SimpleObjectProperty<>(this, "pace", 1.0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<String> narration = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<String> said = new ConcurrentLinkedQueue<>();
    private final ReadOnlyStringWrapper peerText = new ReadOnlyStringWrapper(this, "peerText", "The built-in peer starts with the first scenario.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final AtomicBoolean scenarioDone = new AtomicBoolean();
    private final AtomicInteger runs = new AtomicInteger();
    // read-only views, made once: each listens to its list weakly, so a view made per call could be collected
    // with the listeners added to it
    private final ObservableList<LabConnection> connectionsView = FXCollections.unmodifiableObservableList(connections);
    private final ObservableList<Integer> sessionChoicesView = FXCollections.unmodifiableObservableList(sessionChoices);
    private final ObservableList<LadderFilter.LinkChoice> linkChoicesView = FXCollections.unmodifiableObservableList(linkChoices);
    private final ObservableList<HeldFrame> heldFramesView = FXCollections.unmodifiableObservableList(heldFrames);
    private final ObservableList<LadderEntry> recentFramesView = FXCollections.unmodifiableObservableList(recentFrames);
    private final ObservableList<SpecAlert> alertsView = FXCollections.unmodifiableObservableList(alerts);
    private final ObservableList<Scenario> scenariosView = FXCollections.unmodifiableObservableList(scenarios);
    private final ObservableList<String> narrationView = FXCollections.unmodifiableObservableList(narration);
    private volatile ScenarioRun current;
    private volatile Peer peer;
    private Supplier<Peer> runningPeer = () -> null;
    private volatile String peerDescription;
    private final Object peerLock = new Object();

    /** @param traceObserver for a connection's name, the observer that puts its frames in the window's trace */
    public FlowLab(Function<String, EngineObserver> traceObserver) {
        this(traceObserver, System::currentTimeMillis);
    }

    FlowLab(Function<String, EngineObserver> traceObserver, LongSupplier clock) {
        this.traceObserver = Objects.requireNonNull(traceObserver, "traceObserver");
        this.clock = Objects.requireNonNull(clock, "clock");
        focus.addListener((o, was, now) -> focusChanged(now));
        sessionFilter.addListener((o, was, now) -> applyFilter());
        linkFilter.addListener((o, was, now) -> applyFilter());
        performativeFilter.addListener((o, was, now) -> applyFilter());
        textFilter.addListener((o, was, now) -> applyFilter());
        chartsPaused.addListener((o, was, now) -> {
            if (now) chartEnd.set(clock.getAsLong());
            chartVersion.set(chartVersion.get() + 1);
        });
        chartEntity.addListener((o, was, now) -> chartVersion.set(chartVersion.get() + 1));
        spanSeconds.addListener((o, was, now) -> chartVersion.set(chartVersion.get() + 1));
    }

    /**
     * Watches a connection the window made: returns the observer to register on its engine (with raw bytes, so a
     * diagram's frame can be found in the trace). Thread-safe.
     */
    public EngineObserver observer(String connectionName) {
        return add(connectionName, false).probe;
    }

    /**
     * {@code observers} with the lab watching too: for each connection, an observer that hands every event to the
     * one {@code observers} makes and to the lab's.
     */
    public Function<String, EngineObserver> watching(Function<String, EngineObserver> observers) {
        return name -> {
            EngineObserver first = observers.apply(name);
            EngineObserver lab = observer(name);
            return event -> {
                first.onEvent(event);
                lab.onEvent(event);
            };
        };
    }

    private LabConnection add(String name, boolean ours) {
        LabConnection c = new LabConnection(name, ours, alertIds, Ladder.DEFAULT_CAPACITY);
        byName.put(name, c);
        arriving.add(c);
        return c;
    }

    /**
     * How the lab shows a frame in the window's trace: {@code show} selects the newest trace frame its argument
     * matches and says whether there was one.
     */
    public void onShowInTrace(Predicate<Predicate<TraceFrame>> show) {
        this.showInTrace = Objects.requireNonNull(show, "show");
    }

    /** Once per pulse on the FX thread: brings in what every connection did, and samples the charts when due. */
    public void pulse() {
        for (LabConnection c = arriving.poll(); c != null; c = arriving.poll()) {
            connections.add(c);
            if (focus.get() == null) focus.set(c);
        }
        for (LabConnection c = focusRequests.poll(); c != null; c = focusRequests.poll()) {
            if (connections.contains(c)) focus.set(c);
        }
        trimConnections();
        for (LabConnection c : connections) {
            for (SpecAlert a : c.pulse()) alert(a);
        }
        long now = clock.getAsLong();
        if (lastSample < 0 || now - lastSample >= 1000 / SAMPLES_PER_SECOND) {
            lastSample = now;
            for (LabConnection c : connections) c.sample(now);
            chooseChartEntity();
            if (!chartsPaused.get()) chartEnd.set(now);
            chartVersion.set(chartVersion.get() + 1);
        }
        for (String line = said.poll(); line != null; line = said.poll()) {
            narration.add(line);
        }
        if (narration.size() > MAX_NARRATION) narration.remove(0, narration.size() - MAX_NARRATION);
        if (scenarioDone.getAndSet(false)) running.set(false);
        String p = peerDescription;
        if (p != null && !p.equals(peerText.get())) peerText.set(p);
        updateFocused();
    }

    /** Keeps at most {@link #MAX_CONNECTIONS}: the oldest closed ones go first, then the oldest not in focus. */
    private void trimConnections() {
        int over = connections.size() - MAX_CONNECTIONS;
        if (over <= 0) return;
        List<LabConnection> gone = new ArrayList<>();
        for (LabConnection c : connections) {
            if (gone.size() < over && c.closedProperty().get() && c != focus.get()) gone.add(c);
        }
        for (LabConnection c : connections) {
            if (gone.size() < over && !gone.contains(c) && c != focus.get()) gone.add(c);
        }
        connections.removeAll(gone);
        for (LabConnection c : gone) {
            byName.remove(c.name, c);
            focusing.remove(c);
            c.probe.retire();
        }
    }

    private void alert(SpecAlert a) {
        alerts.add(a);
        if (alerts.size() > MAX_ALERTS) alerts.remove(0, alerts.size() - MAX_ALERTS);
        latestAlert.set(a);
        alertCount.set(alertCount.get() + 1);
    }

    private void updateFocused() {
        LabConnection c = focus.get();
        if (c == null) return;
        steppable.set(c.steppable());
        holdingIncoming.set(c.holdingIncoming && c.steppable());
        holdingOutgoing.set(c.holdingOutgoing && c.steppable());
        heldIncoming.set(c.heldIncoming);
        heldOutgoing.set(c.heldOutgoing);
        if (!heldFrames.equals(c.heldFrames)) heldFrames.setAll(c.heldFrames);
        Ladder l = c.ladder;
        if (l.version() != ladderVersion.get()) {
            ladderVersion.set(l.version());
            List<Integer> sessions = l.sessions();
            if (!sessions.equals(sessionChoices)) sessionChoices.setAll(sessions);
            List<LadderFilter.LinkChoice> links = new ArrayList<>();
            for (Entity e : c.entities()) {
                if (e.link && e.handle >= 0) links.add(new LadderFilter.LinkChoice(e.channel, e.name, e.handle, e.remoteHandle));
            }
            if (!links.equals(linkChoices)) linkChoices.setAll(links);
        }
        if (recentVersion != l.version()) {
            recentVersion = l.version();
            List<LadderEntry> recent = new ArrayList<>(RECENT_FRAMES);
            // the newest frames first: what the last one released did
            for (int i = l.shownSize() - 1; i >= 0 && recent.size() < RECENT_FRAMES; i--) recent.add(l.shown(i));
            recentFrames.setAll(recent);
        }
    }

    private void focusChanged(LabConnection now) {
        sessionFilter.set(null);
        linkFilter.set(null);
        performativeFilter.set(null);
        textFilter.set("");
        selectedFrame.set(null);
        chartEntity.set(null);
        sessionChoices.clear();
        linkChoices.clear();
        recentVersion = -1;
        if (now != null) {
            now.ladder.filter(LadderFilter.ALL);
            ladderVersion.set(-1);
            chooseChartEntity();
        }
        updateFocused();
    }

    /** The chart shows what a scenario asked for, or the first link, or the first session. */
    private void chooseChartEntity() {
        LabConnection c = focus.get();
        if (c == null) return;
        String wanted = c.wantedChart;
        if (wanted != null) {
            for (Entity e : c.entities()) {
                if (!e.closed && e.isNamed(wanted)) {
                    c.wantedChart = null;
                    chartEntity.set(e);
                    return;
                }
            }
        }
        if (chartEntity.get() != null && c.entities().contains(chartEntity.get())) return;
        Entity first = null;
        for (Entity e : c.entities()) {
            if (e.link) {
                chartEntity.set(e);
                return;
            }
            if (first == null) first = e;
        }
        if (first != null) chartEntity.set(first);
    }

    private void applyFilter() {
        LabConnection c = focus.get();
        if (c == null) return;
        Integer s = sessionFilter.get();
        c.ladder.filter(new LadderFilter(s == null ? -1 : s, linkFilter.get(), performativeFilter.get(), textFilter.get()));
        ladderVersion.set(-1);
        updateFocused();
    }

    // ---- the charts

    /** The focused chart entity's charts, brought down to {@code width} pixel columns. */
    List<ChartData> charts(int width) {
        Entity e = chartEntity.get();
        if (e == null || width <= 0) return List.of();
        long to = chartEnd.get();
        long from = to - spanSeconds.get() * 1000L;
        List<ChartData> out = new ArrayList<>();
        for (Figures.Chart chart : e.link ? Figures.LINK : Figures.SESSION) {
            List<ChartData.SeriesData> series = new ArrayList<>();
            for (Figures.Series s : chart.series()) {
                if (e.link && s.index() == Figures.QUEUED && e.role == org.amqpexplorer.protocol.types.Role.RECEIVER) continue;
                Columns columns = Columns.of(e.ring, s.index(), from, to, width);
                int lastIndex = e.ring.indexAtOrAfter(to + 1) - 1;
                float latest = lastIndex < 0 ? Float.NaN : e.ring.last(lastIndex, s.index());
                series.add(new ChartData.SeriesData(s.name(), s.colour(), columns, latest));
            }
            out.add(new ChartData(chart.title(), chart.unit(), series, from, to));
        }
        return out;
    }

    /** Zooms the charts in (negative steps) or out through {@link #SPANS}. */
    void zoom(int steps) {
        int i = SPANS.indexOf(spanSeconds.get());
        if (i < 0) i = 2;
        spanSeconds.set(SPANS.get(Math.max(0, Math.min(SPANS.size() - 1, i + steps))));
    }

    /** While paused, moves the charts' end by {@code millis} (negative: back in time), within the history. */
    void pan(long millis) {
        if (!chartsPaused.get()) return;
        long now = clock.getAsLong();
        long earliest = now - Entity.HISTORY * 1000L / SAMPLES_PER_SECOND + spanSeconds.get() * 1000L;
        chartEnd.set(Math.max(earliest, Math.min(now, chartEnd.get() + millis)));
        chartVersion.set(chartVersion.get() + 1);
    }

    // ---- the sequence diagram

    /** Selects a frame of the diagram and shows it in the trace; says in the status if the trace no longer has it. */
    void select(LadderEntry e) {
        selectedFrame.set(e);
        LabConnection c = focus.get();
        if (e == null || c == null) return;
        boolean shown = showInTrace.test(f -> e.matches(c.name, f));
        status.set(shown ? "Frame " + e.seq() + " is selected in the live trace."
                : "Frame " + e.seq() + " is no longer in the live trace (it keeps a bounded number of frames, and none while paused).");
    }

    /** Shows the frame an alert names: its connection in focus, the diagram unfiltered, the frame selected. */
    void showAlert(SpecAlert a) {
        if (a == null) return;
        for (LabConnection c : connections) {
            if (c.name.equals(a.connection())) {
                focus.set(c);
                break;
            }
        }
        LabConnection c = focus.get();
        if (c == null || !c.name.equals(a.connection())) return;
        sessionFilter.set(null);
        linkFilter.set(null);
        performativeFilter.set(null);
        textFilter.set("");
        int i = c.ladder.indexOf(a.frameSeq());
        if (i < 0) {
            status.set("The frame of that alert is no longer in the diagram (it keeps the last " + Ladder.DEFAULT_CAPACITY + " frames).");
            return;
        }
        select(c.ladder.shown(i));
    }

    // ---- step mode, on the focused connection

    void hold(Transport.Direction d, boolean on) {
        LabConnection c = focus.get();
        if (c == null || !c.steppable()) return;
        c.hold(d, on);
        updateFocused();
        status.set((on ? "Holding " : "No longer holding ") + (d == Transport.Direction.INCOMING ? "incoming" : "outgoing")
                + " frames of " + c.name + (on ? " from the next frame boundary." : "; what is held stays until released."));
    }

    void releaseOne(Transport.Direction d) {
        LabConnection c = focus.get();
        if (c != null) c.releaseOne(d);
    }

    void releaseAll(Transport.Direction d) {
        LabConnection c = focus.get();
        if (c != null) c.releaseAll(d);
    }

    // ---- scenarios

    /** Runs the chosen scenario (one at a time), starting the built-in peer first if it is not running. */
    void runScenario() {
        if (running.get()) return;
        Scenario scenario = chosen.get();
        if (scenario == null) return;
        running.set(true);
        narration.clear();
        latestAlert.set(null); // an older run's alert; the Alerts tab keeps it
        String prefix = "lab" + runs.incrementAndGet();
        double p = pace.get() == null ? 1.0 : pace.get();
        Host host = new Host(stepThrough.get());
        Peer windows = runningPeer.get();
        // the window's built-in peer will do if it takes anyone (the lab's clients skip SASL) without TLS
        Peer shared = windows != null && windows.options().users() == null && windows.options().tls() == null ? windows : null;
        Thread.ofVirtual().name("flow lab " + prefix).start(() -> {
            try {
                Peer pr = shared != null ? shared : peer();
                if (shared != null) peerDescription = "The window's built-in peer on " + pr.host() + ":" + pr.port();
                ScenarioRun run = new ScenarioRun(host, pr, p, Duration.ofMinutes(30), prefix);
                current = run;
                said.add("▶ " + scenario.title() + " (" + prefix + ")");
                run.run(scenario);
            } catch (ScenarioRun.Stopped e) {
                said.add("■ Stopped.");
            } catch (Exception e) {
                said.add("✖ The scenario could not go on: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            } finally {
                current = null;
                scenarioDone.set(true);
            }
        });
    }

    /** Stops the running scenario: its connections are dropped. */
    void stopScenario() {
        ScenarioRun r = current;
        if (r != null) r.stop();
    }

    /** The lab's own built-in peer, started on a free local port the first time. */
    private Peer peer() throws Exception {
        synchronized (peerLock) {
            if (peer == null) peer = Peer.start(PeerOptions.DEFAULT.withPort(0));
            peerDescription = "The lab's built-in peer on " + peer.host() + ":" + peer.port();
            return peer;
        }
    }

    /**
     * Where the window's own built-in peer is, if it runs (null if not): the scenarios use it rather than start
     * one of their own, so its connections show in the window's tree too. Read on the FX thread.
     */
    public void onPeer(Supplier<Peer> running) {
        this.runningPeer = Objects.requireNonNull(running, "running");
    }

    /** Says something in the status line. */
    void note(String text) {
        status.set(text);
    }

    /** Stops a running scenario and the built-in peer. */
    public void close() {
        stopScenario();
        synchronized (peerLock) {
            if (peer != null) peer.close();
            peer = null;
        }
    }

    /** The lab as a scenario's host: connections it makes are watched here and traced in the window. */
    private final class Host implements ScenarioHost {
        private final boolean step;

        Host(boolean step) {
            this.step = step;
        }

        @Override
        public List<EngineObserver> observers(String name, boolean focused) {
            LabConnection c = add(name, true);
            if (focused) {
                focusing.add(c);
                focusRequests.add(c);
            }
            return List.of(c.probe, traceObserver.apply(name));
        }

        @Override
        public void transport(String name, Transport transport) {
            LabConnection c = byName.get(name);
            if (c == null) return;
            c.transport = transport;
            if (step && focusing.contains(c)) {
                c.holdingIncoming = true;
                transport.hold(Transport.Direction.INCOMING, true);
            }
        }

        @Override
        public void transportEvent(String name, TransportEvent event) {
            LabConnection c = byName.get(name);
            if (c == null) return;
            switch (event) {
                case TransportEvent.Held h -> c.held.set(h);
                case TransportEvent.Closed closed -> c.transportClosed = true;
                default -> { }
            }
        }

        @Override
        public void say(String line) {
            said.add(line);
        }

        @Override
        public void chart(String name, String entity) {
            LabConnection c = byName.get(name);
            if (c != null) c.wantedChart = entity;
        }
    }

    // ---- properties, for the view

    ObservableList<LabConnection> connections() {
        return connectionsView;
    }

    /** The connection the charts, the diagram and step mode show. */
    ObjectProperty<LabConnection> focusProperty() {
        return focus;
    }

    ObjectProperty<Entity> chartEntityProperty() {
        return chartEntity;
    }

    /** How many seconds the charts span (one of {@link #SPANS}). */
    IntegerProperty spanSecondsProperty() {
        return spanSeconds;
    }

    /** Paused charts stop following time (samples are still taken) and can be panned. */
    BooleanProperty chartsPausedProperty() {
        return chartsPaused;
    }

    /** Changes whenever the charts have something new to draw. */
    ReadOnlyLongProperty chartVersionProperty() {
        return chartVersion.getReadOnlyProperty();
    }

    ObjectProperty<Integer> sessionFilterProperty() {
        return sessionFilter;
    }

    ObjectProperty<LadderFilter.LinkChoice> linkFilterProperty() {
        return linkFilter;
    }

    ObjectProperty<String> performativeFilterProperty() {
        return performativeFilter;
    }

    StringProperty textFilterProperty() {
        return textFilter;
    }

    ObservableList<Integer> sessionChoices() {
        return sessionChoicesView;
    }

    ObservableList<LadderFilter.LinkChoice> linkChoices() {
        return linkChoicesView;
    }

    /** Changes whenever the focused connection's diagram changes. */
    ReadOnlyLongProperty ladderVersionProperty() {
        return ladderVersion.getReadOnlyProperty();
    }

    /** The focused connection's frames (null if none). */
    Ladder ladder() {
        LabConnection c = focus.get();
        return c == null ? null : c.ladder;
    }

    ObjectProperty<LadderEntry> selectedFrameProperty() {
        return selectedFrame;
    }

    ReadOnlyBooleanProperty steppableProperty() {
        return steppable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty holdingIncomingProperty() {
        return holdingIncoming.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty holdingOutgoingProperty() {
        return holdingOutgoing.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty heldIncomingProperty() {
        return heldIncoming.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty heldOutgoingProperty() {
        return heldOutgoing.getReadOnlyProperty();
    }

    /** What step mode holds on the focused connection: incoming first, each direction oldest first. */
    ObservableList<HeldFrame> heldFrames() {
        return heldFramesView;
    }

    /** The focused connection's newest frames (as filtered), newest first, with their effects. */
    ObservableList<LadderEntry> recentFrames() {
        return recentFramesView;
    }

    /** The latest alerts, oldest first. */
    ObservableList<SpecAlert> alerts() {
        return alertsView;
    }

    ReadOnlyObjectProperty<SpecAlert> latestAlertProperty() {
        return latestAlert.getReadOnlyProperty();
    }

    /** Alerts raised since the lab started (or was cleared). */
    ReadOnlyIntegerProperty alertCountProperty() {
        return alertCount.getReadOnlyProperty();
    }

    void dismissAlert() {
        latestAlert.set(null);
    }

    void clearAlerts() {
        alerts.clear();
        alertCount.set(0);
        latestAlert.set(null);
    }

    ObservableList<Scenario> scenarios() {
        return scenariosView;
    }

    ObjectProperty<Scenario> chosenProperty() {
        return chosen;
    }

    /** Run scenarios with their connection's incoming frames held from the start, to step through by hand. */
    BooleanProperty stepThroughProperty() {
        return stepThrough;
    }

    /** How long scenarios pause: 1 as written, more to go slower, less to go faster. */
    ObjectProperty<Double> paceProperty() {
        return pace;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the running scenario said, oldest first. */
    ObservableList<String> narration() {
        return narrationView;
    }

    ReadOnlyStringProperty peerTextProperty() {
        return peerText.getReadOnlyProperty();
    }

    /** The last thing done, in a sentence. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
