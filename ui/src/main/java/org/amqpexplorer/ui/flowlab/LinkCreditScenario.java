package org.amqpexplorer.ui.flowlab;

import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/** 1. Link credit (2.6.7): a receiver granting 5 credits at a time, the sender stalling at 0, then a drain. */
final class LinkCreditScenario implements Scenario {
    static final int MESSAGES = 23;
    static final int GRANT = 5;
    static final int ROUNDS = 4;
    static final String RECEIVER = "credit-receiver";

    @Override
    public String title() {
        return "Link credit";
    }

    @Override
    public String explanation() {
        return "A queue on the built-in peer holds " + MESSAGES + " messages. Our receiver grants " + GRANT
                + " credits at a time (a flow with link-credit " + GRANT + "). The peer's sender may start one delivery "
                + "per credit: it sends " + GRANT + " transfers and stops at 0, with messages still waiting (its flows "
                + "say how many: available). Only our next flow lets it go on. At the end the receiver drains: it "
                + "grants " + GRANT + " with drain set while only 3 messages are left, so the sender sends those 3 "
                + "and gives the other 2 credits back by advancing its delivery-count (a flow with link-credit 0).\n\n"
                + "Watch: in the sequence diagram each transfer's effect counts our credit down, 5→4 … 1→0, and no "
                + "transfer follows the fifth until our next flow; the peer's flows say how many messages wait "
                + "(avail). The credit chart of '" + RECEIVER + "' jumps to 5 at each grant and drops back to 0 at "
                + "once (the five transfers come within a millisecond), while delivery-count climbs in steps of 5. "
                + "The last flow from the peer answers the drain: link-credit 0, delivery-count 25.";
    }

    @Override
    public void run(ScenarioRun run) {
        String queue = run.queue("credit");
        run.say("Filling queue '" + queue + "' with " + MESSAGES + " messages.");
        LabClient producer = run.connect("producer", LabClient.open(null), false);
        Session ps = producer.begin(org.amqpexplorer.protocol.engine.Session.DEFAULT_BEGIN);
        Traffic.fill(run, producer, ps, "credit-filler", queue, "credit", MESSAGES, 200);
        producer.close();

        LabClient consumer = run.connect("consumer", LabClient.open(null), true);
        Session cs = consumer.begin(Session.DEFAULT_BEGIN);
        // pre-settled: each transfer is the whole story, so the diagram shows credit and nothing else
        Receiver receiver = consumer.attach(c -> cs.receiver(Traffic.receiver(RECEIVER, queue,
                SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST)));
        run.chart(consumer, RECEIVER);
        consumer.autoRead(receiver, (d, payload) -> { });
        run.say("Attached '" + RECEIVER + "' with no credit: the sender may send nothing yet.");
        run.pause(1.5);
        for (int round = 1; round <= ROUNDS; round++) {
            int expected = round * GRANT;
            run.say("Granting " + GRANT + " credits (flow link-credit " + GRANT + ").");
            consumer.run(c -> receiver.flow(GRANT));
            run.until(GRANT + " more messages", () -> consumer.call(c -> consumer.arrived(receiver) >= expected));
            run.say("Credit is 0 after " + expected + " messages: the sender stalls; " + (MESSAGES - expected)
                    + " wait at the peer.");
            run.pause(2);
        }
        run.say("Draining: a flow with link-credit " + GRANT + " and drain=true, with "
                + (MESSAGES - ROUNDS * GRANT) + " messages left.");
        consumer.run(c -> receiver.flow(GRANT, true));
        run.until("the drain to complete", () -> consumer.call(c -> receiver.isDrained()));
        run.say("Drained: " + consumer.call(c -> consumer.arrived(receiver)) + " messages in all; the sender's flow "
                + "gave back the unused credit (delivery-count " + consumer.call(c -> receiver.deliveryCount()) + ").");
        run.pause(1.5);
        consumer.close();
        run.say("Done.");
    }
}
