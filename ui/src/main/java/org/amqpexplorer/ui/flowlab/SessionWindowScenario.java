package org.amqpexplorer.ui.flowlab;

import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * 2. Session window (2.5.6): multi-frame messages against a small incoming window; the sender stalls on the window
 * while it still has credit.
 */
final class SessionWindowScenario implements Scenario {
    static final int MESSAGES = 8;
    static final int SIZE = 16 * 1024;
    static final long MAX_FRAME = 4096;
    static final long WINDOW = 6;
    static final String RECEIVER = "window-receiver";

    @Override
    public String title() {
        return "Session window";
    }

    @Override
    public String explanation() {
        return "Our connection takes frames of at most " + MAX_FRAME + " bytes, so each " + SIZE / 1024 + " KiB message "
                + "comes in 5 transfer frames. Our session's incoming-window is " + WINDOW + " frames, and a complete "
                + "message we have not read yet keeps its frames' room taken. The receiver grants credit for all "
                + MESSAGES + " messages at once, then reads one message every few seconds.\n\n"
                + "Watch: the session chart's incoming-window falls to 0 and the peer's transfers stop, often in the "
                + "middle of a message (the last transfer says more=true), while the link chart still shows credit: "
                + "the window, not the credit, holds the sender. Each read gives room back; once half the window is "
                + "free our engine sends a session flow (no handle) and the transfers resume.";
    }

    @Override
    public void run(ScenarioRun run) {
        String queue = run.queue("window");
        run.say("Filling queue '" + queue + "' with " + MESSAGES + " messages of " + SIZE / 1024 + " KiB.");
        LabClient producer = run.connect("producer", LabClient.open(null), false);
        Session ps = producer.begin(Session.DEFAULT_BEGIN);
        Traffic.fill(run, producer, ps, "window-filler", queue, "window", MESSAGES, SIZE);
        producer.close();

        LabClient consumer = run.connect("consumer", LabClient.open(MAX_FRAME), true);
        Session cs = consumer.begin(new Begin(null, 0L, WINDOW, 0x7FFF_FFFFL, null, null, null, null));
        Receiver receiver = consumer.attach(c -> cs.receiver(Traffic.receiver(RECEIVER, queue,
                SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST)));
        run.chart(consumer, "session " + cs.localChannel());
        run.say("Granting " + MESSAGES + " credits at once: credit will not be what stops the sender.");
        consumer.run(c -> receiver.flow(MESSAGES));
        int read = 0;
        while (read < MESSAGES) {
            run.pause(2.5);
            int waiting = consumer.call(c -> consumer.waiting(receiver));
            long window = consumer.call(c -> cs.incomingWindow());
            long credit = consumer.call(c -> receiver.credit());
            if (waiting == 0) {
                run.until("a complete message", () -> consumer.call(c -> consumer.waiting(receiver) > 0));
                continue;
            }
            run.say(waiting + " complete " + (waiting == 1 ? "message waits" : "messages wait") + " unread; incoming-window "
                    + window + ", credit " + credit + (window == 0 && credit > 0 ? ": stalled on the window with credit left." : "."));
            consumer.run(c -> {
                IncomingDelivery d = consumer.take(receiver);
                d.readPayload();
            });
            read++;
            run.say("Read message " + read + " of " + MESSAGES + ".");
        }
        run.pause(1.5);
        consumer.close();
        run.say("Done.");
    }
}
