package org.amqpexplorer.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The pump between protocol threads and the FX thread: bounded, counts drops, hands over one batch per pulse. */
class EventPumpTest {

    @Test
    void aPulseHandsOverEverythingBufferedAsOneBatchInOrder() {
        List<List<Integer>> batches = new ArrayList<>();
        EventPump<Integer> pump = new EventPump<>(100, batches::add);
        for (int i = 0; i < 10; i++) pump.offer(i);
        pump.pulse();
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), batches);
        pump.pulse();
        assertEquals(1, batches.size(), "an empty pulse hands over nothing");
    }

    @Test
    void aBurstOfFiftyThousandNeverGrowsBeyondTheBoundAndTheDropsAreCounted() {
        List<List<Integer>> batches = new ArrayList<>();
        EventPump<Integer> pump = new EventPump<>(10_000, batches::add);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            if (pump.offer(i)) accepted++;
            assertTrue(pump.waiting() <= 10_000);
        }
        assertEquals(10_000, accepted);
        assertEquals(0, pump.droppedProperty().get(), "shown at the next pulse");
        pump.pulse();
        assertEquals(40_000, pump.droppedProperty().get());
        assertEquals(1, batches.size());
        assertEquals(10_000, batches.get(0).size());
        assertEquals(0, batches.get(0).get(0), "the first ones are kept; later ones find it full");
        assertEquals(0, pump.waiting());
        assertTrue(pump.offer(1), "room again after the pulse");
    }

    @Test
    void manyThreadsOfferingAtOnceLoseNothingUncounted() throws InterruptedException {
        List<Integer> received = new ArrayList<>();
        EventPump<Integer> pump = new EventPump<>(5_000, received::addAll);
        int threads = 4;
        int each = 12_500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) pump.offer(i);
            });
        }
        start.countDown();
        pool.shutdown();
        while (!pool.awaitTermination(10, TimeUnit.MILLISECONDS)) {
            assertTrue(pump.waiting() <= 5_000);
            pump.pulse();
        }
        pump.pulse();
        assertEquals(threads * each, received.size() + pump.droppedProperty().get());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new EventPump<Integer>(0, b -> { }));
    }
}
