package org.amqpexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.ui.trace.Direction;
import org.amqpexplorer.ui.trace.TraceFile;
import org.amqpexplorer.ui.trace.TraceFrame;
import org.amqpexplorer.ui.trace.TraceViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state without a screen; file work runs inline here. */
class MainViewModelTest {
    private final MainViewModel model = new MainViewModel(Runnable::run, Runnable::run);

    private static List<TraceFrame> frames() {
        return List.of(
                TraceFrame.header("c1", Direction.SENT, 1, ProtocolHeader.AMQP),
                TraceFrame.frame("c1", Direction.SENT, 2, 0, new Open("x", null, null, null, null, null, null, null, null, null), 0, 20, null),
                TraceFrame.frame("c1", Direction.RECEIVED, 3, 0, new Begin(0, 0L, 10L, 10L, null, null, null, null), 0, 25, null));
    }

    private void capture(List<TraceFrame> frames) {
        frames.forEach(model.capture()::offer);
        model.capture().pulse();
    }

    @Test
    void capturedFramesReachTheLiveTraceAtThePulse() {
        capture(frames());
        assertEquals(3, model.liveTrace().capturedProperty().get());
        assertEquals("", model.dropTextProperty().get());
    }

    @Test
    void dropsAreShownHonestly() {
        for (int i = 0; i < MainViewModel.CAPTURE_BUFFER + 12_345; i++) model.capture().offer(frames().get(0));
        model.capture().pulse();
        assertEquals("12,345 frames dropped: capture could not keep up", model.dropTextProperty().get());
    }

    @Test
    void pauseAndThemeToggle() {
        model.togglePause();
        assertTrue(model.liveTrace().pausedProperty().get());
        capture(frames());
        assertEquals(3, model.liveTrace().skippedProperty().get());
        model.togglePause();
        assertEquals("Capture resumed.", model.statusProperty().get());
        assertEquals(Theme.LIGHT, model.themeProperty().get());
        model.toggleTheme();
        assertEquals(Theme.DARK, model.themeProperty().get());
    }

    @Test
    void theTraceSizeIsConfigurable() {
        capture(frames());
        model.setTraceCapacity(2);
        assertEquals(2, model.liveTrace().shownFrames().size());
        assertEquals("The live trace keeps the last 2 frames.", model.statusProperty().get());
    }

    @Test
    void importOpensAnOfflineTraceBesideTheLiveOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("saved.jsonl");
        TraceFile.write(file, frames());
        capture(frames().subList(0, 1));
        model.importTrace(file);
        assertEquals(2, model.traces().size());
        TraceViewModel imported = model.traces().get(1);
        assertSame(imported, model.currentTraceProperty().get());
        assertEquals("saved.jsonl", imported.title());
        assertEquals(3, imported.shownFrames().size());
        assertEquals(false, imported.isLive());
        assertEquals(1, model.liveTrace().shownFrames().size(), "the live trace is untouched");
        assertEquals("Imported 3 frames from saved.jsonl.", model.statusProperty().get());
        model.closeTrace(imported);
        assertEquals(1, model.traces().size());
        assertSame(model.liveTrace(), model.currentTraceProperty().get());
    }

    @Test
    void aBadLineImportsNothingAndSaysWhichLineAndWhatToDo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.jsonl");
        TraceFile.write(file, frames());
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"direction\":\"sent\"", "\"direction\":\"sideways\""));
        Files.write(file, lines);
        capture(frames());
        model.importTrace(file);
        assertEquals(1, model.traces().size(), "no trace was added");
        assertEquals(3, model.liveTrace().shownFrames().size(), "nothing already shown is lost");
        Notice n = model.noticeProperty().get();
        assertEquals("Could not import broken.jsonl: line 2: direction must be \"sent\" or \"received\", was \"sideways\"", n.what());
        assertEquals("Nothing was imported. Fix or remove that line, then import again.", n.todo());
        model.dismissNotice();
        assertNull(model.noticeProperty().get());
    }

    @Test
    void aMissingFileIsSaidPlainly(@TempDir Path dir) {
        model.importTrace(dir.resolve("nothing-here.jsonl"));
        assertEquals("Could not read nothing-here.jsonl: no such file", model.noticeProperty().get().what());
    }

    @Test
    void exportWritesWhatTheCurrentTraceShows(@TempDir Path dir) throws IOException {
        capture(frames());
        Path file = dir.resolve("out.jsonl");
        model.exportTrace(file);
        assertEquals(frames(), TraceFile.read(file, 100).frames());
        assertTrue(model.statusProperty().get().startsWith("Exported 3 frames (as filtered) to "));
        model.exportTrace(dir.resolve("no-such-folder").resolve("out.jsonl"));
        assertTrue(model.noticeProperty().get().what().startsWith("Could not export the trace to out.jsonl: "));
    }
}
