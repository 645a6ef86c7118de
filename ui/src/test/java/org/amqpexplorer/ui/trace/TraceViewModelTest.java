package org.amqpexplorer.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;

import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SaslMechanisms;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Transfer;
import org.junit.jupiter.api.Test;

/** The trace's state without a screen: the ring, pausing, the filters, the selection and what it highlights. */
class TraceViewModelTest {

    /** Two connections: c1 with a session on channel 0 and two links, c2 with a session on channel 3. */
    private static List<TraceFrame> exchange() {
        return List.of(
                TraceFrame.header("c1", Direction.SENT, 0, ProtocolHeader.SASL),
                Frames.received("c1", 0, new SaslMechanisms(List.of("PLAIN", "ANONYMOUS"))),
                Frames.sent("c1", 0, new Open("explorer", null, null, null, null, null, null, null, null, null)),
                Frames.sent("c1", 0, new Begin(null, 0L, 2048L, 2048L, null, null, null, null)),
                Frames.sent("c1", 0, attach("orders", 0L, Role.SENDER)),
                Frames.sent("c1", 0, attach("replies", 1L, Role.RECEIVER)),
                Frames.received("c1", 0, new Flow(0L, 2048L, 0L, 2048L, 0L, 0L, 100L, null, null, null, null)),
                Frames.frame("c1", Direction.SENT, 0, 0, transfer(0L, 0L), new byte[12]),
                Frames.received("c1", 0, new Disposition(Role.RECEIVER, 0L, null, true, new Accepted(), null)),
                Frames.sent("c2", 3, new Begin(null, 0L, 10L, 10L, null, null, null, null)),
                Frames.sent("c2", 3, attach("orders", 1L, Role.RECEIVER)),
                Frames.sent("c2", 3, new Flow(0L, 10L, 0L, 10L, 1L, 0L, 5L, null, null, null, null)),
                Frames.sent("c1", 0, null));
    }

    private static Attach attach(String name, long handle, Role role) {
        return new Attach(name, handle, role, null, null, Source.of(name), null, null, null, null, null, null, null, null);
    }

    private static Transfer transfer(long handle, long id) {
        return new Transfer(handle, id, BinaryValue.of(new byte[] {(byte) id}), 0L, false, null, null, null, null, null, null);
    }

    private static List<String> shown(TraceViewModel vm) {
        List<String> names = new ArrayList<>();
        for (TraceRow r : vm.shownRows()) names.add(r.frame().connection() + ":" + r.frame().performative());
        return names;
    }

    @Test
    void framesArriveInOrderNumberedFromOne() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        assertEquals(13, vm.shownRows().size());
        assertEquals(1, vm.shownRows().get(0).number());
        assertEquals("header", vm.shownRows().get(0).frame().performative());
        assertEquals("13 frames", vm.countTextProperty().get());
        assertEquals(List.of("c1", "c2"), vm.connections());
    }

    @Test
    void filterByConnection() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        vm.connectionFilterProperty().set("c2");
        assertEquals(List.of("c2:begin", "c2:attach", "c2:flow"), shown(vm));
        assertEquals("3 of 13 frames", vm.countTextProperty().get());
    }

    @Test
    void filterByChannelLeavesOutHeadersAndSaslFrames() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        vm.channelFilterProperty().set(0);
        assertEquals(List.of("c1:open", "c1:begin", "c1:attach", "c1:attach", "c1:flow", "c1:transfer",
                "c1:disposition", "c1:empty"), shown(vm));
        vm.channelFilterProperty().set(3);
        assertEquals(3, vm.shownRows().size());
    }

    @Test
    void filterByHandleShowsTheLinksFrames() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        vm.handleFilterProperty().set(1L);
        assertEquals(List.of("c1:attach", "c2:attach", "c2:flow"), shown(vm));
        vm.connectionFilterProperty().set("c1");
        assertEquals(List.of("c1:attach"), shown(vm));
        vm.handleFilterProperty().set(0L);
        assertEquals(List.of("c1:attach", "c1:flow", "c1:transfer"), shown(vm));
    }

    @Test
    void filterByPerformativeAndText() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        vm.performativeFilterProperty().set("attach");
        assertEquals(3, vm.shownRows().size());
        vm.textFilterProperty().set("REPLIES");
        assertEquals(List.of("c1:attach"), shown(vm));
        vm.performativeFilterProperty().set(null);
        vm.textFilterProperty().set("link-credit:5");
        assertEquals(List.of("c2:flow"), shown(vm));
        vm.clearFilters();
        assertEquals(13, vm.shownRows().size());
        assertTrue(TraceViewModel.PERFORMATIVES.containsAll(List.of("open", "transfer", "sasl-init", "empty", "header")));
    }

    @Test
    void theRingKeepsTheNewestAndChangesTheListOncePerBatch() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.setCapacity(5);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<TraceRow>) c -> {
            List<String> parts = new ArrayList<>();
            while (c.next()) {
                if (c.wasRemoved()) parts.add("remove " + c.getRemovedSize() + " at " + c.getFrom());
                if (c.wasAdded()) parts.add("add " + c.getAddedSize() + " at " + c.getFrom());
            }
            changes.add(String.join(", ", parts));
        });
        List<TraceFrame> frames = exchange();
        vm.add(frames.subList(0, 3));
        vm.add(frames.subList(3, 7));
        assertEquals(List.of("add 3 at 0", "remove 2 at 0, add 4 at 1"), changes);
        assertEquals(5, vm.rows().size());
        assertEquals(3, vm.rows().get(0).number());
        assertEquals(2, vm.discardedProperty().get());
        assertEquals("2 oldest frames discarded (the trace keeps 5)", vm.lossTextProperty().get());
    }

    @Test
    void aBatchLargerThanTheRingOnlyAddsItsNewest() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.setCapacity(4);
        vm.add(exchange());
        assertEquals(4, vm.rows().size());
        assertEquals(10, vm.rows().get(0).number(), "numbers count every captured frame");
        assertEquals(9, vm.discardedProperty().get());
        assertEquals(13, vm.capturedProperty().get());
    }

    @Test
    void lowerCapacityTrimsAtOnce() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        assertEquals(TraceViewModel.DEFAULT_CAPACITY, vm.capacityProperty().get());
        vm.setCapacity(2);
        assertEquals(2, vm.rows().size());
        assertEquals("c2:flow", vm.rows().get(0).frame().connection() + ":" + vm.rows().get(0).frame().performative());
    }

    @Test
    void pausedCountsButKeepsNothing() {
        TraceViewModel vm = new TraceViewModel("live", true);
        List<TraceFrame> frames = exchange();
        vm.add(frames.subList(0, 2));
        vm.pausedProperty().set(true);
        vm.add(frames.subList(2, 7));
        assertEquals(2, vm.rows().size());
        assertEquals(5, vm.skippedProperty().get());
        assertEquals("5 frames not kept while paused", vm.lossTextProperty().get());
        vm.pausedProperty().set(false);
        vm.add(frames.subList(7, 8));
        assertEquals(8, vm.rows().get(2).number(), "the gap in the numbers shows what was skipped");
        vm.clear();
        assertEquals(0, vm.rows().size());
        assertEquals("", vm.lossTextProperty().get());
    }

    @Test
    void selectingAFrameDecodesItAndAFieldHighlightsItsBytes() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        assertNull(vm.detailProperty().get());
        TraceRow flow = vm.shownRows().get(6);
        vm.selectedProperty().set(flow);
        FrameDetail detail = vm.detailProperty().get();
        assertNotNull(detail);
        FieldNode credit = Frames.node(detail.fields(), "flow", "link-credit");
        assertEquals("100", credit.value());
        vm.selectedFieldProperty().set(credit);
        ByteRange r = vm.highlightProperty().get();
        byte[] raw = flow.frame().rawBytes();
        assertEquals(2, r.length());
        assertEquals(0x52, raw[r.offset()] & 0xFF, "smalluint");
        assertEquals(100, raw[r.offset() + 1]);
        vm.selectedProperty().set(vm.shownRows().get(0));
        assertEquals(ByteRange.NONE, vm.highlightProperty().get(), "a new frame starts with nothing highlighted");
    }

    @Test
    void shownFramesAreWhatExportWrites() {
        TraceViewModel vm = new TraceViewModel("live", true);
        vm.add(exchange());
        vm.performativeFilterProperty().set("flow");
        assertEquals(2, vm.shownFrames().size());
        assertEquals(2, vm.shownCountProperty().get());
    }

    @Test
    void anotherViewSelectsAFrameByItsBytesEvenWhenTheFiltersHideIt() {
        TraceViewModel vm = new TraceViewModel("live", true);
        List<TraceFrame> frames = exchange();
        vm.add(frames);
        byte[] flowBytes = frames.get(11).rawBytes();
        vm.performativeFilterProperty().set("transfer");
        assertTrue(vm.select(f -> f.rawBytes() == flowBytes));
        assertNull(vm.performativeFilterProperty().get(), "the filter that hid it is cleared");
        assertEquals(frames.get(11), vm.selectedProperty().get().frame());
        assertEquals(false, vm.followProperty().get(), "the table stays at the selection");
        byte[] gone = new byte[1];
        assertEquals(false, vm.select(f -> f.rawBytes() == gone));
        assertEquals(frames.get(11), vm.selectedProperty().get().frame(), "nothing changes for a frame the trace lacks");
    }
}
