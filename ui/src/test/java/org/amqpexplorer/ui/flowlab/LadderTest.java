package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.types.Flow;
import org.junit.jupiter.api.Test;

/** The diagram's rows, filters and exports, without a screen. */
class LadderTest {

    /** seq, sent, our channel, handle, label, effect. */
    private static LadderEntry entry(long seq, boolean sent, int channel, long handle, String performative, String label,
                                     String effect) {
        return new LadderEntry(seq, 1000 + seq, sent, channel, channel, performative, handle, label, effect, null, null,
                0, 20);
    }

    private static List<LadderEntry> exchange() {
        List<LadderEntry> l = new ArrayList<>();
        l.add(entry(1, true, 0, 0, "attach", "attach 'a' h0 receiver", ""));
        l.add(entry(2, false, 0, 5, "attach", "attach 'a' h5 sender", ""));
        l.add(entry(3, true, 0, 0, "flow", "flow h0 credit 5 dc 0", "h0 credit 0→5"));
        l.add(entry(4, false, 0, 5, "transfer", "transfer #0 h5", "h0 credit 5→4"));
        l.add(entry(5, true, 1, 1, "attach", "attach 'b' h1 sender", ""));
        l.add(entry(6, false, 1, 9, "transfer", "transfer #0 h9 <more>", "s1 in-window 8→7"));
        return l;
    }

    @Test
    void rowsAreKeptUpToTheCapacityAndTheLatestMayBeReplaced() {
        Ladder ladder = new Ladder(4);
        ladder.add(exchange());
        assertEquals(4, ladder.size());
        assertEquals(2, ladder.discarded());
        assertEquals(3, ladder.shown(0).seq());
        ladder.add(List.of(exchange().get(5).withEffect("s1 in-window 8→7 · 1 settled here")));
        assertEquals(4, ladder.size(), "the same frame again replaces it");
        assertEquals("s1 in-window 8→7 · 1 settled here", ladder.shown(3).effect());
        assertEquals(3, ladder.indexOf(6));
        assertEquals(-1, ladder.indexOf(1));
    }

    @Test
    void filtersBySessionLinkPerformativeAndText() {
        Ladder ladder = new Ladder(100);
        ladder.add(exchange());
        ladder.filter(new LadderFilter(1, null, null, ""));
        assertEquals(List.of(5L, 6L), seqs(ladder));
        // link 'a': our handle 0, the peer's 5
        ladder.filter(new LadderFilter(-1, new LadderFilter.LinkChoice(0, "a", 0, 5), null, ""));
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(ladder));
        ladder.filter(new LadderFilter(-1, null, "transfer", ""));
        assertEquals(List.of(4L, 6L), seqs(ladder));
        ladder.filter(new LadderFilter(-1, null, null, "CREDIT 5→4"));
        assertEquals(List.of(4L), seqs(ladder), "effects are searched too, ignoring case");
        ladder.add(List.of(entry(7, true, 0, 0, "flow", "flow h0 credit 5 dc 1", "")));
        assertEquals(List.of(4L), seqs(ladder), "new rows pass the filter too");
        ladder.filter(LadderFilter.ALL);
        assertEquals(7, ladder.shownSize());
        assertEquals(List.of(0, 1), ladder.sessions());
    }

    @Test
    void alertsMarkTheirFrames() {
        Ladder ladder = new Ladder(100);
        ladder.add(exchange());
        SpecAlert a = new SpecAlert(1, 0, "c1", Rule.CREDIT, "2.6.7", "d", 0, 5, 4, null);
        ladder.alert(a);
        assertEquals(a, ladder.alertOf(ladder.shown(3)));
        assertNull(ladder.alertOf(ladder.shown(2)));
    }

    @Test
    void theSvgHasEveryRowTheAlertAndEscapedText() {
        List<LadderEntry> rows = exchange();
        LadderPainter.Lanes lanes = new LadderPainter.Lanes(e -> (int) e.localChannel() + 1, e -> "s" + e.localChannel(),
                e -> e.seq() == 4 ? new SpecAlert(1, 0, "c1", Rule.CREDIT, "2.6.7", "d", 0, 5, 4, null) : null);
        String svg = LadderPainter.svg(rows, 900, "this end · c1", "peer", 1000, lanes, Palette.LIGHT);
        assertTrue(svg.startsWith("<?xml"));
        assertTrue(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\""));
        assertTrue(svg.contains(">attach 'a' h0 receiver</text>"), svg);
        assertTrue(svg.contains("transfer #0 h9 &lt;more&gt;"), "text is escaped");
        assertTrue(svg.contains("⚠ 2.6.7"));
        assertTrue(svg.contains(Palette.LIGHT.hex(Ink.ALERT_BAND)), "the alert's row is banded");
        assertTrue(svg.contains(">h0 credit 0→5</text>"), "effects are written");
        assertTrue(svg.trim().endsWith("</svg>"));
        assertEquals(rows.size(), count(svg, "<polygon"), "an arrowhead per frame");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void thePngEncoderWritesWhatImageIoReads() throws Exception {
        int w = 7;
        int h = 3;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = 0xFF000000 | (i * 37 << 16) | (i * 11 << 8) | i;
        argb[5] = 0x80FF0000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(w, h, argb, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertNotNull(image);
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        for (int i = 0; i < argb.length; i++) assertEquals(argb[i], image.getRGB(i % w, i / w), "pixel " + i);
    }

    @Test
    void heldFramesAreDecodedForPeople() {
        HeldFrame header = HeldFrame.decode("c1", true, 1, ProtocolHeader.AMQP.toByteArray());
        assertEquals("header", header.performative());
        assertTrue(header.summary().startsWith("AMQP protocol header"), header.summary());
        Encoder out = new Encoder(64);
        new FrameWriter().writeFrame(out, FrameType.AMQP, 0, new Flow(0L, 8L, 0L, 2048L, 0L, 0L, 5L, null, null, null, null));
        HeldFrame flow = HeldFrame.decode("c1", false, 2, out.toByteArray());
        assertEquals("flow", flow.performative());
        assertTrue(flow.summary().contains("link-credit:5"), flow.summary());
        assertEquals(2, flow.position());
        HeldFrame junk = HeldFrame.decode("c1", true, 3, new byte[] {0, 0, 0, 12, 2, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertEquals("?", junk.performative());
        assertEquals(2, HeldFrame.decode("c1", true, List.of(ProtocolHeader.AMQP.toByteArray(), out.toByteArray())).size());
    }

    private static List<Long> seqs(Ladder l) {
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < l.shownSize(); i++) s.add(l.shown(i).seq());
        return s;
    }
}
