package org.amqpexplorer.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.frame.FrameType;
import org.junit.jupiter.api.Test;

/** The engine's frame events become trace entries that match the bytes on the wire. */
class EngineTraceTest {

    @Test
    void aWholeConversationInOrderWithRawBytes() {
        List<TraceFrame> frames = new ArrayList<>();
        EngineExchange.run("c1", 2, frames::add);
        List<String> seen = frames.stream().map(f -> f.direction().word() + " " + f.performative()).toList();
        assertEquals(List.of("sent header", "sent open", "received header", "received open",
                "sent begin", "received begin", "sent attach", "received attach", "received flow",
                "sent transfer", "received disposition", "sent transfer", "received disposition",
                "sent detach", "received detach", "sent end", "received end", "sent close", "received close"), seen);
        for (TraceFrame f : frames) {
            assertEquals("c1", f.connection());
            assertNotNull(f.rawBytes(), f.toString());
            assertEquals(f.frameSize(), f.rawBytes().length, f.toString());
            if (!f.isHeader()) {
                // what the engine says it sent is what the frame decoder reads from the bytes
                TraceFrame decoded = TraceFrame.of("c1", f.direction(), f.time(), Frames.read(FrameType.AMQP, f.rawBytes()));
                assertEquals(decoded, f);
            }
        }
        TraceFrame transfer = frames.get(9);
        assertTrue(transfer.payloadSize() > 0);
        assertTrue(FrameSummary.of(transfer).startsWith("transfer(handle:0,delivery-id:0,delivery-tag:7461672d30,"), FrameSummary.of(transfer));
        assertTrue(frames.get(1).time() < frames.get(3).time(), "timestamps from the connection's clock");
    }

    @Test
    void otherEventsAreNotFrames() {
        assertNull(EngineTrace.toTraceFrame("c1", new EngineEvent.ConnectionStateChanged(0, EndpointState.OPENED, null)));
    }
}
