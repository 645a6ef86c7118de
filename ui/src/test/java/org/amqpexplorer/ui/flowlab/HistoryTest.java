package org.amqpexplorer.ui.flowlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The charts' history: a bounded ring of samples, brought down to the pixel width without losing a dip. */
class HistoryTest {

    private static void add(SampleRing ring, long t, float lo, float hi, float last) {
        ring.add(t, new float[] {lo}, new float[] {hi}, new float[] {last});
    }

    @Test
    void theRingKeepsTheNewestSamplesUpToItsCapacity() {
        SampleRing ring = new SampleRing(100, 1);
        for (int i = 0; i < 250; i++) add(ring, i * 100L, i, i, i);
        assertEquals(100, ring.size());
        assertEquals(15_000, ring.time(0), "the 150 oldest are gone");
        assertEquals(249, ring.last(99, 0));
        assertEquals(50, ring.indexAtOrAfter(20_000));
        assertEquals(0, ring.indexAtOrAfter(0));
        assertEquals(100, ring.indexAtOrAfter(99_999));
    }

    @Test
    void manySamplesPerColumnKeepTheirLowestAndHighest() {
        SampleRing ring = new SampleRing(6000, 1);
        // ten minutes at ten a second: a sawtooth 5,4,3,2,1,0,5,4,...
        for (int i = 0; i < 6000; i++) add(ring, i * 100L, 5 - i % 6, 5 - i % 6, 5 - i % 6);
        Columns c = Columns.of(ring, 0, 0, 600_000, 300);
        assertEquals(300, c.last().length);
        for (int x = 0; x < 300; x++) {
            assertEquals(0, c.min()[x], "every column of 20 samples saw credit 0");
            assertEquals(5, c.max()[x]);
        }
    }

    @Test
    void aDipBetweenTwoSamplesStillShows() {
        SampleRing ring = new SampleRing(100, 1);
        add(ring, 0, 5, 5, 5);
        add(ring, 100, 0, 5, 5); // credit went to 0 and back between the samples
        add(ring, 200, 5, 5, 5);
        Columns c = Columns.of(ring, 0, 0, 300, 3);
        assertEquals(0, c.min()[1]);
        assertEquals(5, c.last()[1]);
    }

    @Test
    void columnsWithoutASampleHoldTheValueBeforeAndNothingIsInventedAroundIt() {
        SampleRing ring = new SampleRing(100, 1);
        add(ring, 1_000, 3, 3, 3);
        add(ring, 5_000, 7, 7, 7);
        Columns c = Columns.of(ring, 0, 0, 10_000, 10);
        assertTrue(Float.isNaN(c.last()[0]), "before the first sample nothing is known");
        assertEquals(3, c.last()[1]);
        assertEquals(3, c.last()[4], "held until the next sample");
        assertEquals(7, c.last()[5]);
        assertEquals(3, c.min()[5], "the step from 3 to 7 is the column's range");
        assertTrue(Float.isNaN(c.last()[6]), "after the last sample nothing is known yet");
    }

    @Test
    void aSpanBetweenTwoSamplesHoldsTheEarlierValueThroughout() {
        SampleRing ring = new SampleRing(100, 1);
        add(ring, 0, 2, 2, 2);
        add(ring, 10_000, 9, 9, 9);
        Columns c = Columns.of(ring, 0, 4_000, 6_000, 4);
        for (int x = 0; x < 4; x++) assertEquals(2, c.last()[x]);
    }

    @Test
    void theAxisIsSetByTheSeriesThatShowSomething() {
        SampleRing ring = new SampleRing(100, 2);
        ring.add(0, new float[] {0, 2048}, new float[] {6, 2048}, new float[] {3, 2048});
        ChartData chart = new ChartData("windows", Figures.Unit.COUNT, java.util.List.of(
                new ChartData.SeriesData("ours", 0, Columns.of(ring, 0, 0, 100, 2), 3),
                new ChartData.SeriesData("peer's", 1, Columns.of(ring, 1, 0, 100, 2), 2048)), 0, 100);
        assertEquals(6, chart.axisMax(ChartsPane.OFF_SCALE), "2048 would flatten a window of 6: it goes off scale");
        assertEquals(2500, ChartsPane.niceMax(2048));
        assertEquals(5, ChartsPane.niceMax(5));
        assertEquals(1, ChartsPane.niceMax(0.3));
    }

    @Test
    void valuesReadWell() {
        assertEquals("2,147,483,647", Figures.format(2147483647, Figures.Unit.COUNT));
        assertEquals("1.5 kB/s", Figures.format(1500, Figures.Unit.BYTES_PER_SECOND));
        assertEquals("200 kB", Figures.tick(200_000, Figures.Unit.BYTES_PER_SECOND), "axis ticks step in round decimal numbers");
        assertEquals("3.97 KiB", Figures.bytes(4065), "frame payloads in binary units");
        assertEquals("12.5k/s", Figures.format(12_500, Figures.Unit.PER_SECOND));
        assertEquals("–", Figures.format(Double.NaN, Figures.Unit.COUNT));
    }
}
