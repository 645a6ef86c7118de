package org.amqpexplorer.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Flow;
import org.junit.jupiter.api.Test;

class FrameGateTest {

    /** A header and frames of assorted sizes, and where each unit ends. */
    private static Encoder stream(List<Integer> payloads, List<Integer> ends) {
        Encoder e = new Encoder();
        FrameWriter w = new FrameWriter(1 << 20);
        FrameWriter.writeHeader(e, ProtocolHeader.AMQP);
        ends.add(e.size());
        for (int p : payloads) {
            if (p < 0) {
                w.writeEmptyFrame(e, 0);
            } else {
                w.writeFrame(e, FrameType.AMQP, 1, new Flow(1L, 2L, 3L, 4L, null, null, null, null, null, null, null), new byte[p], 0, p);
            }
            ends.add(e.size());
        }
        return e;
    }

    @Test
    void holdsWholeFramesAndReleasesThemOneByOne() {
        List<Integer> ends = new ArrayList<>();
        Encoder e = stream(List.of(10, -1, 300), ends);
        byte[] all = e.toByteArray();
        FrameGate gate = new FrameGate();
        gate.hold(true);
        assertEquals(List.of(), gate.accept(all, 0, all.length));
        assertEquals(4, gate.heldCount());
        assertEquals(8, gate.releaseOne().length); // the header
        assertEquals(ends.get(1) - ends.get(0), gate.releaseOne().length);
        assertEquals(8, gate.releaseOne().length); // the empty frame
        assertEquals(ends.get(3) - ends.get(2), gate.releaseAll().get(0).length);
        assertEquals(0, gate.heldBytes());
    }

    @Provide
    Arbitrary<List<Integer>> payloads() {
        return Arbitraries.integers().between(-1, 700).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 97).list().ofMinSize(1).ofMaxSize(40);
    }

    /**
     * Whatever the chunking and whenever holding is switched, the bytes that pass and the bytes released later
     * are the stream in order, and everything held is a whole unit.
     */
    @Property(tries = 300)
    void nothingIsLostReorderedOrCut(@ForAll("payloads") List<Integer> payloads, @ForAll("cuts") List<Integer> cuts) {
        List<Integer> ends = new ArrayList<>();
        byte[] all = stream(payloads, ends).toByteArray();
        FrameGate gate = new FrameGate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int c = 0;
        while (at < all.length) {
            int n = Math.min(cuts.get(c % cuts.size()), all.length - at);
            gate.hold(c % 3 != 0);
            for (byte[] part : gate.accept(all, at, n)) out.writeBytes(part);
            if (c % 4 == 0) {
                byte[] one = gate.releaseOne();
                if (one != null) {
                    assertWhole(one, out.size(), ends);
                    out.writeBytes(one);
                }
            }
            at += n;
            c++;
        }
        for (byte[] u : gate.releaseAll()) {
            assertWhole(u, out.size(), ends);
            out.writeBytes(u);
        }
        assertArrayEquals(all, out.toByteArray());
    }

    private static void assertWhole(byte[] unit, int start, List<Integer> ends) {
        int end = start + unit.length;
        boolean startsAtBoundary = start == 0 || ends.contains(start);
        if (!startsAtBoundary || !ends.contains(end)) {
            throw new AssertionError("held unit [" + start + "," + end + ") is not a whole header or frame: " + ends);
        }
    }
}
