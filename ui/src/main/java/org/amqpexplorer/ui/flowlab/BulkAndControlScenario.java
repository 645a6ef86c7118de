package org.amqpexplorer.ui.flowlab;

import java.util.concurrent.atomic.AtomicInteger;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * 3. One connection, two sessions: a bulk session congested by large transfers, and a control session whose small
 * messages keep flowing, because each session has its own window (2.5.6).
 */
final class BulkAndControlScenario implements Scenario {
    static final int BULK_MESSAGES = 10;
    static final int BULK_SIZE = 48 * 1024;
    static final long MAX_FRAME = 16 * 1024;
    static final long BULK_WINDOW = 8;
    static final String BULK = "bulk-receiver";
    static final String CONTROL = "control-receiver";

    @Override
    public String title() {
        return "Bulk and control sessions";
    }

    @Override
    public String explanation() {
        return "One connection carries two sessions. The bulk session receives " + BULK_MESSAGES + " messages of "
                + BULK_SIZE / 1024 + " KiB (4 frames each) through an incoming-window of " + BULK_WINDOW + " frames, and "
                + "its application reads them slowly, so the bulk session is congested: its window sits at 0 most of "
                + "the time. The control session, on the same connection, receives a small message every few hundred "
                + "milliseconds.\n\n"
                + "Watch: the control session's transfers keep arriving in the sequence diagram (filter by session to "
                + "see each alone) while the bulk session's window is 0. Flow control is per session: a blocked "
                + "session holds back only its own transfers, and the peer's engine goes on writing the other "
                + "session's frames between them.";
    }

    @Override
    public void run(ScenarioRun run) {
        String bulkQueue = run.queue("bulk");
        String controlQueue = run.queue("control");
        run.say("Filling '" + bulkQueue + "' with " + BULK_MESSAGES + " messages of " + BULK_SIZE / 1024 + " KiB.");
        LabClient producer = run.connect("producer", LabClient.open(null), false);
        Session ps = producer.begin(Session.DEFAULT_BEGIN);
        Traffic.fill(run, producer, ps, "bulk-filler", bulkQueue, "bulk", BULK_MESSAGES, BULK_SIZE);
        Sender control = producer.attach(c -> ps.sender(Traffic.sender("control-sender", controlQueue,
                SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST)));

        LabClient consumer = run.connect("consumer", LabClient.open(MAX_FRAME), true);
        Session bulkSession = consumer.begin(new Begin(null, 0L, BULK_WINDOW, 0x7FFF_FFFFL, null, null, null, null));
        Session controlSession = consumer.begin(Session.DEFAULT_BEGIN);
        Attach bulkAttach = Traffic.receiver(BULK, bulkQueue, SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST);
        Attach controlAttach = Traffic.receiver(CONTROL, controlQueue, SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST);
        Receiver bulk = consumer.attach(c -> bulkSession.receiver(bulkAttach));
        Receiver controlReceiver = consumer.attach(c -> controlSession.receiver(controlAttach));
        run.chart(consumer, "session " + bulkSession.localChannel());
        AtomicInteger controlArrived = new AtomicInteger();
        consumer.autoRead(controlReceiver, (d, payload) -> {
            controlArrived.incrementAndGet();
            if (controlReceiver.credit() < 10) controlReceiver.flow(50);
        });
        consumer.run(c -> {
            bulk.flow(BULK_MESSAGES);
            controlReceiver.flow(50);
        });
        run.say("Bulk session " + bulkSession.localChannel() + " and control session " + controlSession.localChannel()
                + " are attached. Bulk messages pour in until the bulk window is full.");

        int[] sent = {0};
        int read = 0;
        long nextRead = System.nanoTime();
        while (read < BULK_MESSAGES) {
            producer.run(c -> control.send(Traffic.tag(sent[0]), Traffic.message("control-" + (++sent[0]), 64), 0, true));
            run.pause(0.3);
            if (System.nanoTime() < nextRead) continue;
            int waiting = consumer.call(c -> consumer.waiting(bulk));
            if (waiting == 0) continue;
            long window = consumer.call(c -> bulkSession.incomingWindow());
            consumer.run(c -> {
                IncomingDelivery d = consumer.take(bulk);
                d.readPayload();
            });
            read++;
            run.say("Read bulk message " + read + " (the bulk window was " + window + "); control messages so far: "
                    + controlArrived.get() + ".");
            nextRead = System.nanoTime() + Math.round(1.8e9 * run.pace());
        }
        run.pause(1);
        run.say("All bulk messages read; " + controlArrived.get() + " control messages arrived meanwhile.");
        consumer.close();
        producer.close();
        run.say("Done.");
    }
}
