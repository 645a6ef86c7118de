package org.amqpexplorer.ui;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.amqpexplorer.ui.connect.ConnectViewModel;
import org.amqpexplorer.ui.explorer.LiveConnections;
import org.amqpexplorer.ui.flowlab.FlowLab;
import org.amqpexplorer.ui.fx.EventPump;
import org.amqpexplorer.ui.trace.EngineTrace;
import org.amqpexplorer.ui.trace.TraceFile;
import org.amqpexplorer.ui.trace.TraceFileException;
import org.amqpexplorer.ui.trace.TraceFrame;
import org.amqpexplorer.ui.trace.TraceViewModel;

/**
 * The main window's state: the live trace and the capture that feeds it, the traces read from files, the theme,
 * the status line and the notice on show. Knows no controls. Commands run on the FX thread; file work runs on
 * {@code background} and reports back through {@code fx}.
 */
public final class MainViewModel {
    /** Frames that may wait between two pulses before capture drops them. */
    public static final int CAPTURE_BUFFER = 65_536;

    private final Executor background;
    private final Executor fx;
    private final TraceViewModel liveTrace = new TraceViewModel("Live", true);
    private final EventPump<TraceFrame> capture = new EventPump<>(CAPTURE_BUFFER, liveTrace::add);
    private final ObservableList<TraceViewModel> traces = FXCollections.observableArrayList(liveTrace);
    private final ObjectProperty<TraceViewModel> currentTrace = new SimpleObjectProperty<>(this, "currentTrace", liveTrace);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper dropText = new ReadOnlyStringWrapper(this, "dropText", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final LiveConnections live;
    private final FlowLab flowLab = new FlowLab(name -> EngineTrace.observer(name, capture::offer));

    /**
     * @param background runs file reading and writing
     * @param fx         runs work on the FX thread ({@code Platform::runLater})
     */
    public MainViewModel(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.live = new LiveConnections(flowLab.watching(name -> EngineTrace.observer(name, capture::offer)), fx,
                problem -> notice.set(new Notice(problem, "Check the address and credentials (File → Connect…) and try again.")));
        flowLab.onPeer(() -> live.peerProperty().get());
        dropText.bind(Bindings.createStringBinding(() -> {
            long n = capture.droppedProperty().get();
            return n == 0 ? "" : String.format("%,d %s dropped: capture could not keep up", n, n == 1 ? "frame" : "frames");
        }, capture.droppedProperty()));
    }

    /** The connections the window shows, live. */
    public LiveConnections live() {
        return live;
    }

    /** The flow-control lab: its scenarios, and every connection's flow control watched. */
    public FlowLab flowLab() {
        return flowLab;
    }

    /** Once per pulse on the FX thread: the tree and the flow lab catch up with every connection. */
    public void pulse() {
        live.pulse();
        flowLab.pulse();
    }

    /** Shows a problem with what the user asked for, and what to do. */
    public void problem(String text) {
        notice.set(new Notice(text, "Change the settings and try again."));
    }

    /** Connects as the connect dialog asked. */
    public void connect(ConnectViewModel.Request request) {
        live.connect(request.label(), request.options(), request.open());
        status.set("Connecting to " + request.label() + "…");
    }

    /** Where engines' frames go: offer them from any thread (see {@code EngineTrace.observer}). */
    public EventPump<TraceFrame> capture() {
        return capture;
    }

    public TraceViewModel liveTrace() {
        return liveTrace;
    }

    /** The live trace first, then one per imported file. */
    public ObservableList<TraceViewModel> traces() {
        return traces;
    }

    /** The trace on show: what export writes and the filter shortcut focuses. */
    public ObjectProperty<TraceViewModel> currentTraceProperty() {
        return currentTrace;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The last thing done, in a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Non-empty when capture had to drop frames because the window could not take them fast enough. */
    public ReadOnlyStringProperty dropTextProperty() {
        return dropText.getReadOnlyProperty();
    }

    /** The notice on show, or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // ---- commands

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void togglePause() {
        boolean paused = !liveTrace.pausedProperty().get();
        liveTrace.pausedProperty().set(paused);
        status.set(paused ? "Capture paused: new frames are counted but not kept." : "Capture resumed.");
    }

    /** Sets how many frames the live trace keeps; the oldest beyond that leave now. */
    public void setTraceCapacity(int frames) {
        liveTrace.setCapacity(frames);
        status.set(String.format("The live trace keeps the last %,d frames.", frames));
    }

    public void clearLiveTrace() {
        liveTrace.clear();
        status.set("Live trace cleared.");
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Closes a trace read from a file; the live trace stays. */
    public void closeTrace(TraceViewModel trace) {
        if (trace == liveTrace) return;
        traces.remove(trace);
        if (currentTrace.get() == trace) currentTrace.set(liveTrace);
    }

    /**
     * Reads a trace file into a new trace beside the live one. A bad line stops the import and says which; nothing
     * on show changes then.
     */
    public void importTrace(Path file) {
        String name = String.valueOf(file.getFileName());
        status.set("Importing " + name + "…");
        int keep = liveTrace.capacityProperty().get();
        background.execute(() -> {
            try {
                TraceFile.Contents contents = TraceFile.read(file, keep);
                fx.execute(() -> imported(name, contents));
            } catch (TraceFileException e) {
                fx.execute(() -> failed("Could not import " + name + ": line " + e.line() + ": " + e.reason(),
                        "Nothing was imported. Fix or remove that line, then import again."));
            } catch (IOException e) {
                fx.execute(() -> failed("Could not read " + name + ": " + describe(e),
                        "Nothing was imported. Check that the file exists and can be read, then import again."));
            }
        });
    }

    private void imported(String name, TraceFile.Contents contents) {
        TraceViewModel trace = new TraceViewModel(name, false);
        trace.setCapacity(Math.max(1, contents.frames().size()));
        trace.add(contents.frames());
        traces.add(trace);
        currentTrace.set(trace);
        long total = contents.total();
        status.set(total == contents.frames().size()
                ? String.format("Imported %,d %s from %s.", total, total == 1 ? "frame" : "frames", name)
                : String.format("%s holds %,d frames; imported the last %,d.", name, total, contents.frames().size()));
    }

    /** Writes the frames the current trace shows (after its filters) to a trace file. */
    public void exportTrace(Path file) {
        TraceViewModel trace = currentTrace.get();
        List<TraceFrame> frames = trace.shownFrames();
        String name = String.valueOf(file.getFileName());
        status.set("Exporting to " + name + "…");
        background.execute(() -> {
            try {
                TraceFile.write(file, frames);
                fx.execute(() -> status.set(String.format("Exported %,d %s (as filtered) to %s.", frames.size(),
                        frames.size() == 1 ? "frame" : "frames", file)));
            } catch (IOException e) {
                fx.execute(() -> failed("Could not export the trace to " + name + ": " + describe(e),
                        "Choose another folder or file name, then export again."));
            }
        });
    }

    private void failed(String what, String todo) {
        status.set(what);
        notice.set(new Notice(what, todo));
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "access denied";
            case CharacterCodingException x -> "it is not UTF-8 text";
            case FileSystemException x -> x.getReason() == null ? "the file system refused" : x.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
