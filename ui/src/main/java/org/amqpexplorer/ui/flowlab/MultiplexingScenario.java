package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/** 5. Multiplexing: several links interleaving multi-frame deliveries on one session. */
final class MultiplexingScenario implements Scenario {
    static final int LINKS = 3;
    static final int MESSAGES = 4;
    static final int SIZE = 12 * 1024;
    static final long MAX_FRAME = 2048;

    @Override
    public String title() {
        return "Multiplexing";
    }

    @Override
    public String explanation() {
        return "One session carries " + LINKS + " receiving links, each from its own queue holding " + MESSAGES
                + " messages of " + SIZE / 1024 + " KiB. Our connection takes frames of at most " + MAX_FRAME
                + " bytes, so every message is 7 transfer frames. The receiver grants credit on all three links "
                + "in one go.\n\n"
                + "Watch the sequence diagram: the peer's engine writes one frame per link in turn, so the deliveries "
                + "interleave, h0 h1 h2 h0 h1 h2 …, each link's frames continuing its own delivery (more=true until "
                + "the last). A link's delivery is never interrupted by another delivery of the same link, but other "
                + "links' frames go between its frames: a large message on one link does not hold up the others. "
                + "Filter by link to follow one delivery; the handle tells the links apart.";
    }

    @Override
    public void run(ScenarioRun run) {
        List<String> queues = new ArrayList<>();
        LabClient producer = run.connect("producer", LabClient.open(null), false);
        Session ps = producer.begin(Session.DEFAULT_BEGIN);
        for (int i = 0; i < LINKS; i++) {
            String queue = run.queue("mux-" + (char) ('a' + i));
            queues.add(queue);
            Traffic.fill(run, producer, ps, "mux-filler-" + i, queue, "mux-" + (char) ('a' + i), MESSAGES, SIZE);
        }
        producer.close();
        run.say("Each of " + queues + " holds " + MESSAGES + " messages.");

        LabClient consumer = run.connect("consumer", LabClient.open(MAX_FRAME), true);
        Session cs = consumer.begin(Session.DEFAULT_BEGIN);
        List<Receiver> receivers = new ArrayList<>();
        AtomicInteger arrived = new AtomicInteger();
        for (int i = 0; i < LINKS; i++) {
            String queue = queues.get(i);
            String name = "mux-receiver-" + (char) ('a' + i);
            Receiver r = consumer.attach(c -> cs.receiver(Traffic.receiver(name, queue, SenderSettleMode.SETTLED,
                    ReceiverSettleMode.FIRST)));
            consumer.autoRead(r, (d, payload) -> arrived.incrementAndGet());
            receivers.add(r);
        }
        run.chart(consumer, "session " + cs.localChannel());
        run.pause(1);
        run.say("Granting " + MESSAGES + " credits on each link, in one go.");
        // one engine call: the three flows leave together, so the peer starts all three links' deliveries at once
        consumer.run(c -> {
            for (Receiver r : receivers) r.flow(MESSAGES);
        });
        run.until("every message", () -> arrived.get() == LINKS * MESSAGES);
        run.say(arrived.get() + " messages arrived, their frames interleaved link by link.");
        run.pause(1.5);
        consumer.close();
        run.say("Done.");
    }
}
