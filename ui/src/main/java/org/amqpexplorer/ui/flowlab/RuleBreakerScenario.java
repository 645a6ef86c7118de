package org.amqpexplorer.ui.flowlab;

import java.io.IOException;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * 6. A peer that breaks the rules: a small scripted peer of the lab's own (not the built-in one) commits each
 * flow-control and settlement offence once, and the lab flags each with its rule and section.
 */
final class RuleBreakerScenario implements Scenario {
    static final String CREDIT = "credit-breaker";
    static final String DRAIN = "drain-breaker";
    static final String SETTLE = "settle-breaker";
    static final String WINDOW = "window-breaker";

    @Override
    public String title() {
        return "A peer that breaks the rules";
    }

    @Override
    public String explanation() {
        return "This scenario talks to a small scripted peer instead of the built-in one. It answers like a normal "
                + "peer but breaks one rule on each link:\n"
                + "• '" + CREDIT + "': we grant 2 credits and it sends 3 transfers (2.6.7).\n"
                + "• '" + DRAIN + "': we grant 2 credits with drain; it drains (a flow giving the credit back) and then "
                + "sends a transfer anyway (2.6.7).\n"
                + "• '" + SETTLE + "': we send one message; it answers with a disposition for delivery-ids 0..3, three "
                + "of which we never sent (2.7.6), and then settles delivery 0 a second time (2.6.12).\n"
                + "• '" + WINDOW + "': on a session whose incoming-window is 2 it sends a third transfer (2.5.6).\n\n"
                + "Watch: each offence raises an alert naming the rule and its section; the offending frame is marked "
                + "in the sequence diagram. Our engine refuses what it must (it closes the link, or ends the session, "
                + "with the error the spec names: the alert says so); dispositions for unknown deliveries and "
                + "settling twice it tolerates, and only the lab's checker notices them.";
    }

    @Override
    public void run(ScenarioRun run) throws IOException {
        try (RuleBreakerPeer peer = RuleBreakerPeer.start()) {
            LabClient client = run.connect("rule-breaker", peer.host(), peer.port(), LabClient.open(null), true);
            Session session = client.begin(Session.DEFAULT_BEGIN);

            run.say("'" + CREDIT + "': granting 2 credits.");
            Receiver credit = client.attach(c -> session.receiver(Traffic.receiver(CREDIT, "anywhere",
                    SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST)));
            client.autoRead(credit, (d, payload) -> { });
            client.run(c -> credit.flow(2));
            run.until("the link to be closed", () -> client.call(c -> closedHere(credit.state())));
            run.pause(1.5);

            run.say("'" + DRAIN + "': granting 2 credits with drain.");
            Receiver drain = client.attach(c -> session.receiver(Traffic.receiver(DRAIN, "anywhere",
                    SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST)));
            client.autoRead(drain, (d, payload) -> { });
            client.run(c -> drain.flow(2, true));
            run.until("the link to be closed", () -> client.call(c -> closedHere(drain.state())));
            run.pause(1.5);

            run.say("'" + SETTLE + "': sending one message.");
            Sender settle = client.attach(c -> session.sender(Traffic.sender(SETTLE, "anywhere",
                    SenderSettleMode.UNSETTLED, ReceiverSettleMode.FIRST)));
            OutgoingDelivery sent = client.call(c -> settle.send(Traffic.tag(0), Traffic.message("settle-1", 32)));
            run.until("the peer's disposition", () -> client.call(c -> sent.isRemotelySettled()));
            run.pause(1.5);

            run.say("'" + WINDOW + "': a session with an incoming-window of 2 frames, and 10 credits.");
            Session small = client.begin(new Begin(null, 0L, 2L, 0x7FFF_FFFFL, null, null, null, null));
            Receiver window = client.attach(c -> small.receiver(Traffic.receiver(WINDOW, "anywhere",
                    SenderSettleMode.SETTLED, ReceiverSettleMode.FIRST)));
            client.run(c -> window.flow(10));
            run.until("the session to end", () -> client.call(c -> closedHere(small.state())));
            run.pause(1.5);
            client.close();
            run.say("Done.");
        }
    }

    /** Our engine closed it (on the offence), whether or not the peer has answered yet. */
    private static boolean closedHere(EndpointState state) {
        return state == EndpointState.CLOSE_SENT || state == EndpointState.CLOSED;
    }
}
