package org.amqpexplorer.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.PeerEvent;
import org.amqpexplorer.protocol.peer.PeerOptions;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.ui.ExplorerApp;
import org.amqpexplorer.ui.MainViewModel;
import org.amqpexplorer.ui.explorer.ConnectionNode;
import org.amqpexplorer.ui.explorer.LinkNode;
import org.amqpexplorer.ui.explorer.LiveConnections;
import org.amqpexplorer.ui.explorer.SessionNode;

/**
 * The main window under load: the real window (headless Monocle, or a display with {@code -Dheadless=false})
 * watches a connection to the built-in peer over loopback TCP while messages go round through one of the peer's
 * queues, paced so that the window takes in a given number of frames a second (default 50,000, counting every
 * frame of both ends, as the live trace captures them). For each slice of the run it reports the FX pulse interval
 * (median, p99, max), the CPU time the FX thread used per pulse (its own work, whatever else the machine does),
 * the heap's high-water mark and what collections left, and the live heap after a full collection between
 * slices (left out of both slices' figures): whether the window keeps its pulse, and whether its memory stays
 * bounded however long the traffic lasts. A benchmark, not a test: it reports and never fails a build.
 *
 * <p>The window is fed as a person would feed it: the peer and the connection are started through the window's
 * own {@link LiveConnections} (tree, trace capture, received messages); the links are attached, set to accept and
 * settle on arrival, and given credit through its actions. Only the sending is the benchmark's own: it posts
 * transfers to the connection's engine whenever the frames counted so far (by one more observer on each engine)
 * fall behind the rate.
 *
 * <pre>
 * mvn -B -o -pl bench -am -DskipTests -Pwindow-benchmark verify [-Dwindow.args="seconds=60 rate=50000 slice=15 warmup=5"]
 * </pre>
 * {@code tab=Received} (or {@code Compose}) puts another tab than the live trace on show.
 */
public final class WindowUnderLoad {
    private static final String ADDRESS = "load";
    /** The pulse interval the target allows (p99 under 33 ms: two frames at 60 Hz). */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(33);

    private final int seconds;
    private final int rate;
    private final int slice;
    private final int warmup;
    private final String tab;

    private MainViewModel model;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicReference<Connection> engine = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final PulseRecorder pulses = new PulseRecorder();
    private final HeapWatch heap = new HeapWatch();
    private volatile boolean sending;

    private WindowUnderLoad(Map<String, String> args) {
        seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
        rate = Integer.parseInt(args.getOrDefault("rate", "50000"));
        slice = Integer.parseInt(args.getOrDefault("slice", "15"));
        warmup = Integer.parseInt(args.getOrDefault("warmup", "5"));
        tab = args.getOrDefault("tab", "Live trace");
    }

    public static void main(String[] args) throws Exception {
        // Headless by default: Monocle with software rendering, as the ui module's window tests run.
        if (!"false".equals(System.getProperty("headless"))) {
            System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
            System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
            System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
            System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        }
        Map<String, String> named = Arrays.stream(args).map(a -> a.split("=", 2))
                .collect(Collectors.toMap(a -> a[0], a -> a.length > 1 ? a[1] : ""));
        int status = 0;
        try {
            new WindowUnderLoad(named).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Window under load: %,d frames/s for %d s (after %d s warm-up), tab \"%s\" on show, %s%n", rate, seconds, warmup, tab, machine());
        heap.install();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        onFx(() -> {
            model = new MainViewModel(Runnable::run, Platform::runLater);
            Stage stage = new Stage();
            ExplorerApp.show(stage, model, "benchmark");
            if (stage.getScene().lookup(".trace-tabs") instanceof TabPane tabs) {
                tabs.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                        .ifPresentOrElse(t -> tabs.getSelectionModel().select(t), () -> {
                            throw new IllegalArgumentException("no tab " + tab);
                        });
            }
            pulses.start();
            return null;
        });

        LiveConnections live = model.live();
        Peer peer = onFx(() -> live.startPeer(PeerOptions.DEFAULT.withPort(0)));
        EngineObserver counter = this::count;
        peer.addObserver(e -> {
            if (e instanceof PeerEvent.ConnectionAccepted a) a.connection().addObserver(counter);
        });
        ConnectionNode node = onFx(() -> live.connect("load " + peer.host() + ":" + peer.port(),
                ClientOptions.of(AmqpUrl.parse("amqp://" + peer.host() + ":" + peer.port())),
                new Open("amqp-explorer-bench", peer.host(), 65_536L, null, 60_000L, null, null, null, null, null),
                conn -> {
                    conn.addObserver(counter);
                    engine.set(conn);
                    conn.session().begin();
                }));

        // Links attached, auto-accept ticked and credit granted as a person would, through the window's actions.
        SessionNode session = await(() -> node.sessions().isEmpty() ? null : node.sessions().get(0));
        onFx(() -> {
            live.actions().attach(session, "load-receiver", Role.RECEIVER, ADDRESS, null, null, 0);
            live.actions().attach(session, "load-sender", Role.SENDER, ADDRESS, null, null, 0);
            return null;
        });
        LinkNode receiver = await(() -> link(session, Role.RECEIVER));
        LinkNode sender = await(() -> link(session, Role.SENDER));
        onFx(() -> {
            live.autoAccept(receiver, true);
            live.autoAccept(sender, true);
            live.actions().grantCredit(receiver, 2_000_000_000L);
            return null;
        });

        sending = true;
        Thread pacer = Thread.ofPlatform().name("pacer").daemon().start(this::pace);
        sleepSeconds(warmup);
        System.out.println();
        System.out.println("| at | frames/s into the window | pulse interval median / p99 / max | pulses | pulses over 33 ms / with a GC pause / with 33 ms of FX work | FX thread CPU per pulse median / p99 | FX thread busy | renderer busy | process CPU (of one core) | heap high-water | heap after GC (last / max) | live heap after System.gc() | GC pauses | capture dropped | load average |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        heap.slice(false); // the warm-up is not part of the first slice
        List<Slice> slices = new ArrayList<>();
        for (int t = slice; t <= seconds; t += slice) {
            Slice from = Slice.now(this);
            sleepUntil(from.nanos + TimeUnit.SECONDS.toNanos(slice));
            Slice to = Slice.now(this);
            HeapWatch.Figures figures = heap.slice(true);
            // The live set now, the trace full: a full collection between two slices, left out of both.
            long liveSet = liveHeap();
            heap.slice(false);
            slices.add(from);
            slices.add(to);
            report(t + " s", List.of(from, to), figures, liveSet);
        }
        sending = false;
        pacer.join();
        report("all " + seconds + " s", slices, heap.kept(), -1);

        Thread.sleep(1000); // the trace takes the last frames
        long rows = onFx(() -> (long) model.liveTrace().shownCountProperty().get());
        System.out.printf(Locale.ROOT, "%nAfter the run: live heap %s with %,d frames in the live trace and the window open (max heap %s).%n",
                mb(liveHeap()), rows, mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()));
        System.out.printf(Locale.ROOT, "Messages sent: %,d; frames counted: %,d; frames the trace took: %,d; capture dropped: %,d.%n",
                sent.get(), frames.get(), onFx(() -> model.liveTrace().capturedProperty().get()),
                onFx(() -> model.capture().droppedProperty().get()));
        onFx(() -> {
            live.stopPeer();
            return null;
        });
    }

    /** Heap in use right after a full collection. */
    private static long liveHeap() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void count(EngineEvent e) {
        if (e instanceof EngineEvent.FrameSent || e instanceof EngineEvent.FrameReceived
                || e instanceof EngineEvent.HeaderSent || e instanceof EngineEvent.HeaderReceived) {
            frames.incrementAndGet();
        }
    }

    /**
     * Every half millisecond: if fewer frames than the rate asks for have been counted, posts as many messages as
     * the shortfall needs (frames per message measured as it goes), never more than the peer's credit lets the
     * sender put on the wire.
     */
    private void pace() {
        Connection conn = engine.get();
        byte[][] payloads = new byte[16][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = TypedJson.readMessage("{\"properties\": {\"messageId\": {\"ulong\": " + i
                    + "}, \"to\": \"" + ADDRESS + "\"}, \"applicationProperties\": {\"count\": {\"int\": " + i
                    + "}}, \"body\": {\"amqpValue\": \"order " + i + "\"}}").toBytes();
        }
        AtomicLong posted = new AtomicLong();
        long start = System.nanoTime();
        long firstFrames = frames.get();
        long startFrames = firstFrames; // moved on past stalls
        while (sending) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            long behind = due - (frames.get() - startFrames);
            if (behind > rate / 10) { // a stall (a collection, the machine busy): no catching up beyond 0.1 s
                startFrames -= behind - rate / 10;
                behind = rate / 10;
            }
            long messagesSoFar = sent.get();
            double perMessage = messagesSoFar < 100 ? 8 : (double) (frames.get() - firstFrames) / messagesSoFar;
            int want = (int) Math.min(500, Math.ceil(behind / Math.max(1.0, perMessage)));
            if (want > 0 && posted.get() == 0) {
                posted.incrementAndGet();
                conn.post(() -> {
                    Sender s = sender(conn);
                    int n = s == null ? 0 : (int) Math.min(want, s.credit() - s.queued());
                    for (int i = 0; i < n; i++) {
                        long k = sent.getAndIncrement();
                        s.send(BinaryValue.wrap(ByteBuffer.allocate(8).putLong(k).array()), payloads[(int) (k & 15)], 0, false);
                    }
                    posted.decrementAndGet();
                });
            }
            LockSupport.parkNanos(500_000);
        }
    }

    private static Sender sender(Connection conn) {
        for (Session s : conn.sessions()) {
            for (Link l : s.links()) if (l instanceof Sender snd && l.name().equals("load-sender")) return snd;
        }
        return null;
    }

    private static LinkNode link(SessionNode session, Role role) {
        return session.links().stream().filter(l -> l.role() == role && l.state() == EndpointState.OPENED).findFirst().orElse(null);
    }

    /** A moment of the run: pulses recorded, frames counted, CPU time of the renderer thread and of the process. */
    private record Slice(int pulseIndex, long frames, long nanos, long rendererCpu, long processCpu) {
        static Slice now(WindowUnderLoad bench) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(t -> threads.getThreadCpuTime(t.threadId())).sum();
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new Slice(bench.pulses.count(), bench.frames.get(), System.nanoTime(), renderer, process);
        }
    }

    /** One row of the table for the spans between {@code bounds} taken in pairs (from, to). */
    private void report(String label, List<Slice> bounds, HeapWatch.Figures heapFigures, long liveHeap) {
        double seconds = 0;
        long frameCount = 0;
        long rendererCpu = 0;
        long processCpu = 0;
        List<double[]> intervals = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        int[] late = new int[3];
        List<long[]> gcPauses = heap.pauseSpans();
        for (int i = 0; i < bounds.size(); i += 2) {
            Slice from = bounds.get(i);
            Slice to = bounds.get(i + 1);
            seconds += (to.nanos - from.nanos) / 1e9;
            frameCount += to.frames - from.frames;
            rendererCpu += to.rendererCpu - from.rendererCpu;
            processCpu += to.processCpu - from.processCpu;
            intervals.add(pulses.intervalsMillis(from.pulseIndex, to.pulseIndex));
            cpu.add(pulses.cpuMillis(from.pulseIndex, to.pulseIndex));
            int[] l = pulses.late(from.pulseIndex, to.pulseIndex, LATE_NANOS, gcPauses);
            for (int k = 0; k < 3; k++) late[k] += l[k];
        }
        double[] ms = merged(intervals);
        double[] cpuMs = merged(cpu);
        long dropped = onFx(() -> model.capture().droppedProperty().get());
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f / %.1f / %.1f ms | %,d | %,d / %,d / %,d | %.1f / %.1f ms | %.0f %% | %.0f %% | %.0f %% | %s | %s / %s | %s | %s | %,d | %.1f |%n",
                label, frameCount / seconds, percentile(ms, 50), percentile(ms, 99), max(ms), ms.length, late[0], late[1], late[2],
                percentile(cpuMs, 50), percentile(cpuMs, 99), Arrays.stream(cpuMs).sum() / 10 / seconds,
                rendererCpu / 1e7 / seconds, processCpu / 1e7 / seconds,
                mb(heapFigures.highWater()), mb(heapFigures.lastAfterGc()), mb(heapFigures.maxAfterGc()),
                liveHeap < 0 ? "" : mb(liveHeap), heapFigures.pauses(), dropped,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double[] merged(List<double[]> parts) {
        double[] all = parts.stream().flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static double max(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    private static String machine() {
        Runtime r = Runtime.getRuntime();
        return String.format(Locale.ROOT, "JDK %s (%s), %d CPUs, max heap %s, GC %s, load average %.2f",
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), r.availableProcessors(),
                mb(r.maxMemory()),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // ---- helpers

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    /** Polls (on the FX thread, where the tree lives) until {@code probe} gives something, for up to 15 s. */
    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            T t = onFx(probe::get);
            if (t != null) return t;
            Thread.sleep(20);
        }
        throw new IllegalStateException("the window did not get there in 15 s");
    }

    private static void sleepSeconds(int s) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(s));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(wait);
    }

    /**
     * Records the time between FX pulses, as an AnimationTimer sees them ({@code now} is the pulse's time), and the
     * CPU time the FX thread used from one pulse to the next: its own work, whatever the machine's other load.
     */
    private static final class PulseRecorder extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long[] ends = new long[1 << 14];
        private long[] intervals = new long[1 << 14];
        private long[] cpu = new long[1 << 14];
        private volatile int count;
        private long previous;
        private long previousCpu;

        @Override
        public void handle(long now) {
            long cpuNow = threads.getCurrentThreadCpuTime();
            if (previous != 0) {
                if (count == intervals.length) {
                    ends = Arrays.copyOf(ends, count * 2);
                    intervals = Arrays.copyOf(intervals, count * 2);
                    cpu = Arrays.copyOf(cpu, count * 2);
                }
                ends[count] = now;
                intervals[count] = now - previous;
                cpu[count] = cpuNow - previousCpu;
                count = count + 1;
            }
            previous = now;
            previousCpu = cpuNow;
        }

        int count() {
            return count;
        }

        /** The intervals recorded between two counts, in milliseconds, sorted. */
        double[] intervalsMillis(int from, int to) {
            return onFx(() -> sortedMillis(intervals, from, to));
        }

        /** The FX thread's CPU time per pulse between two counts, in milliseconds, sorted. */
        double[] cpuMillis(int from, int to) {
            return onFx(() -> sortedMillis(cpu, from, to));
        }

        /**
         * Of the intervals between two counts longer than {@code limitNanos}: how many, how many had a collection
         * pause within them, and how many the FX thread itself spent that long working on.
         */
        int[] late(int from, int to, long limitNanos, List<long[]> pauses) {
            return onFx(() -> {
                int[] late = new int[3];
                for (int i = from; i < to; i++) {
                    if (intervals[i] <= limitNanos) continue;
                    late[0]++;
                    long start = ends[i] - intervals[i];
                    long end = ends[i];
                    if (pauses.stream().anyMatch(p -> p[0] < end && p[1] > start)) late[1]++;
                    if (cpu[i] > limitNanos) late[2]++;
                }
                return late;
            });
        }

        private static double[] sortedMillis(long[] nanos, int from, int to) {
            double[] ms = new double[to - from];
            for (int i = from; i < to; i++) ms[i - from] = nanos[i] / 1e6;
            Arrays.sort(ms);
            return ms;
        }
    }

    /**
     * The heap as the collector sees it: the most in use just before any collection (the high-water mark, with
     * the use sampled every 50 ms in between), and what each collection left; by slice of the run.
     */
    private static final class HeapWatch {
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        // the slice under way, guarded by this
        private long highWater;
        private long lastAfterGc;
        private long maxAfterGc;
        private final Map<String, long[]> pauses = new TreeMap<>(); // collector → {count, max ms}
        /** Every pause of the run, as {start, end} on the System.nanoTime() scale. */
        private final List<long[]> pauseSpans = new ArrayList<>();
        private final long jvmStartNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime());
        // the slices kept so far
        private long keptHighWater;
        private long keptLastAfterGc;
        private long keptMaxAfterGc;
        private final Map<String, long[]> keptPauses = new TreeMap<>();

        /** What the heap did in a slice of the run (or in all slices kept). */
        record Figures(long highWater, long lastAfterGc, long maxAfterGc, String pauses) {
        }

        void install() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        collected(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()));
                    }
                }, null, null);
            }
            Thread.ofPlatform().name("heap-sampler").daemon().start(() -> {
                while (true) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    synchronized (this) {
                        highWater = Math.max(highWater, used);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            });
        }

        private synchronized void collected(GarbageCollectionNotificationInfo info) {
            highWater = Math.max(highWater, sum(info.getGcInfo().getMemoryUsageBeforeGc()));
            lastAfterGc = sum(info.getGcInfo().getMemoryUsageAfterGc());
            maxAfterGc = Math.max(maxAfterGc, lastAfterGc);
            // Concurrent cycles ("G1 Concurrent GC", "ZGC … Cycles") report their whole duration, not a pause.
            if (!info.getGcName().contains("Concurrent") && !info.getGcName().contains("Cycles")) {
                pauseSpans.add(new long[] {jvmStartNanos + TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getStartTime()),
                        jvmStartNanos + TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getEndTime() + 1)});
                long[] p = pauses.computeIfAbsent(info.getGcName(), k -> new long[2]);
                p[0]++;
                p[1] = Math.max(p[1], info.getGcInfo().getDuration());
            }
        }

        private long sum(Map<String, MemoryUsage> usage) {
            return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        }

        /** The figures since the last call, which begins a new slice; {@code keep} counts them in {@link #kept()}. */
        synchronized Figures slice(boolean keep) {
            Figures f = new Figures(highWater, lastAfterGc, maxAfterGc, text(pauses));
            if (keep) {
                keptHighWater = Math.max(keptHighWater, highWater);
                keptLastAfterGc = lastAfterGc;
                keptMaxAfterGc = Math.max(keptMaxAfterGc, maxAfterGc);
                pauses.forEach((name, p) -> {
                    long[] k = keptPauses.computeIfAbsent(name, x -> new long[2]);
                    k[0] += p[0];
                    k[1] = Math.max(k[1], p[1]);
                });
            }
            highWater = 0;
            maxAfterGc = 0;
            pauses.clear();
            return f;
        }

        synchronized List<long[]> pauseSpans() {
            return List.copyOf(pauseSpans);
        }

        synchronized Figures kept() {
            return new Figures(keptHighWater, keptLastAfterGc, keptMaxAfterGc, text(keptPauses));
        }

        /** e.g. {@code 12 × Young, max 9 ms}. */
        private static String text(Map<String, long[]> pauses) {
            if (pauses.isEmpty()) return "none";
            return pauses.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%d × %s, max %d ms", e.getValue()[0],
                            e.getKey().replace("G1 ", "").replace(" Generation", ""), e.getValue()[1]))
                    .collect(Collectors.joining("; "));
        }
    }
}
