package org.amqpexplorer.ui.flowlab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.LinkRecovery;
import org.amqpexplorer.protocol.engine.Receiver;
import org.amqpexplorer.protocol.engine.RecoverableSender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.transport.Transport;
import org.amqpexplorer.protocol.transport.TransportException;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * 4. Delivery guarantees (2.6.12): at-most-once, at-least-once and exactly-once, each with the connection dropped
 * mid-stream and the link attached again. What is lost, what is resent, what is recognised as a duplicate.
 *
 * <p>The built-in peer does not resume links (2.6.13): when the link comes back it starts afresh and sends again
 * what was left unsettled. The receiver's second attach carries its unsettled map all the same, so the diagram
 * shows what recovery would exchange. A last round shows recovery itself, between the engine's recoverable links
 * at both ends: the lab's {@link RecoveringPeer} receives.
 */
final class DeliveryGuaranteesScenario implements Scenario {
    static final int MESSAGES = 12;
    static final int CRASH_AFTER = 5;

    /**
     * What one guarantee came to.
     *
     * @param processed    message-ids the application processed, in order, a duplicate as often as it was processed
     * @param resent       message-ids the peer sent again after the drop
     * @param deduplicated message-ids that came again and were recognised, so not processed twice
     * @param lost         message-ids never processed
     */
    record Tally(DeliveryGuarantee guarantee, List<String> processed, List<String> resent, List<String> deduplicated,
                 List<String> lost) {

        /** Messages processed more than once. */
        List<String> duplicates() {
            List<String> seen = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            for (String id : processed) if (seen.contains(id)) twice.add(id); else seen.add(id);
            return twice;
        }
    }

    /**
     * What the last round, exactly-once with link recovery at both ends, came to.
     *
     * @param handed          message-ids as they reached the receiving application, once per time
     * @param resent          messages the sender sent again as new deliveries or resumed
     * @param settledFromMaps messages whose outcome the sender learnt from the receiver's unsettled map, not resent
     */
    record Recovery(List<String> handed, long resent, int settledFromMaps) {
    }

    private final List<Tally> tallies = Collections.synchronizedList(new ArrayList<>());
    private volatile Recovery recovery;

    List<Tally> tallies() {
        return List.copyOf(tallies);
    }

    Recovery recovery() {
        return recovery;
    }

    @Override
    public String title() {
        return "Delivery guarantees";
    }

    @Override
    public String explanation() {
        return "Three rounds, one per guarantee, each with " + MESSAGES + " messages. The receiver takes them all in "
                + "at once (credit " + MESSAGES + ") and processes them one by one, telling the sender its outcome. "
                + "After message " + CRASH_AFTER + " is processed and its outcome written, the connection drops before "
                + "that outcome reaches the peer (it is held in our transport and lost with the socket, as in a crash). "
                + "Messages " + (CRASH_AFTER + 1) + "-" + MESSAGES + " were received but not processed. Then the receiver "
                + "connects again and attaches the same link.\n\n"
                + "At-most-once (snd-settle-mode settled): the sender settled every message as it sent it; what the "
                + "receiver had not processed is lost, and nothing is resent.\n"
                + "At-least-once (rcv-settle-mode first): the receiver settled and forgot message " + CRASH_AFTER + "; its "
                + "outcome never arrived, so the peer resends it with everything unsettled: nothing is lost, message "
                + CRASH_AFTER + " is processed twice.\n"
                + "Exactly-once (rcv-settle-mode second): the receiver keeps each outcome until the sender settles. "
                + "It still holds 'accepted' for message " + CRASH_AFTER + ", recognises it when it comes again and does "
                + "not process it twice.\n\n"
                + "The built-in peer does not resume links (2.6.13): the second attach carries the receiver's unsettled "
                + "map (delivery-tag → state), but the peer starts the link afresh and resends with new delivery-tags, "
                + "so in these three rounds the receiver matches the duplicate by its message-id.\n\n"
                + "A fourth round shows link recovery itself, between our sender and a small receiving container of "
                + "the lab's own that resumes links (both ends keep their links by name): 5 messages are accepted and "
                + "settled, 7 more reach the receiver, and its outcomes are lost with the connection. When the link is "
                + "attached again, each end's attach carries its unsettled map; the receiver's says 'accepted' for the "
                + "7, so the sender settles each with an empty transfer (resume, settled: no payload) instead of "
                + "sending the message again: every message reached the receiving application exactly once.";
    }

    @Override
    public void run(ScenarioRun run) throws TransportException {
        LabClient producer = run.connect("producer", LabClient.open(null), false);
        Session ps = producer.begin(Session.DEFAULT_BEGIN);
        for (DeliveryGuarantee g : DeliveryGuarantee.values()) {
            String queue = run.queue("guarantee-" + g.text());
            Traffic.fill(run, producer, ps, "filler-" + g.text(), queue, g.text(), MESSAGES, 100);
            tallies.add(round(run, g, queue));
        }
        producer.close();
        recovery = recovered(run);
        for (Tally t : tallies) {
            run.say(t.guarantee().text() + ": " + t.processed().size() + " processings for " + MESSAGES + " messages · "
                    + t.resent().size() + " resent · processed twice: " + list(t.duplicates()) + " · recognised: "
                    + list(t.deduplicated()) + " · lost: " + (t.lost().isEmpty() ? "none" : t.lost().size()) + ".");
        }
        run.say("exactly-once with link recovery: " + recovery.handed().size() + " handed over for " + MESSAGES
                + " messages · " + recovery.resent() + " resent · " + recovery.settledFromMaps()
                + " settled from the receiver's unsettled map.");
        run.say("Done.");
    }

    /** Exactly-once with link recovery at both ends, against the lab's own receiving container. */
    private Recovery recovered(ScenarioRun run) throws TransportException {
        String link = "guarantee-exactly-once-recovered";
        try (RecoveringPeer peer = RecoveringPeer.start()) {
            LinkRecovery links = new LinkRecovery();
            Set<AmqpValue> settled = Collections.synchronizedSet(new LinkedHashSet<>());
            RecoverableSender sender = links.sender(Traffic.sender(link, "recovered", SenderSettleMode.UNSETTLED,
                    ReceiverSettleMode.SECOND), (tag, outcome) -> settled.add(tag));
            run.say("exactly-once with link recovery: to a receiving container of the lab's own, which resumes links.");
            LabClient first = run.connect("sender recovered", peer.host(), peer.port(), LabClient.open(null), true,
                    links::handler);
            Session s1 = first.begin(Session.DEFAULT_BEGIN);
            first.run(c -> sender.attach(s1));
            run.until("the receiver's attach", () -> first.call(c -> sender.link().remoteAttach() != null));
            run.chart(first, link);
            first.run(c -> {
                for (int i = 1; i <= CRASH_AFTER; i++) sender.send(Traffic.tag(i), Traffic.message("recovered-" + i, 100));
            });
            run.until("the first outcomes", () -> settled.size() == CRASH_AFTER);
            run.say("recovered: " + CRASH_AFTER + " messages accepted and settled. Now what the receiver says is held, "
                    + "and " + (MESSAGES - CRASH_AFTER) + " more go out.");
            run.pause(1);
            first.transport().hold(Transport.Direction.INCOMING, true);
            first.run(c -> {
                for (int i = CRASH_AFTER + 1; i <= MESSAGES; i++) sender.send(Traffic.tag(i), Traffic.message("recovered-" + i, 100));
            });
            run.until("the receiver to take every message", () -> peer.handed().size() == MESSAGES);
            run.say("recovered: the receiver has all " + MESSAGES + " and accepted them, but its outcomes for "
                    + (MESSAGES - CRASH_AFTER) + " are held here; the connection drops.");
            run.pause(1);
            first.drop();
            run.until("the receiver to notice the drop", () -> peer.closedConnections() == 1);
            int before = settled.size();
            LabClient second = run.connect("sender recovered again", peer.host(), peer.port(), LabClient.open(null),
                    true, links::handler);
            Session s2 = second.begin(Session.DEFAULT_BEGIN);
            second.run(c -> sender.attach(s2));
            run.chart(second, link);
            run.until("every outcome", () -> settled.size() == MESSAGES);
            long resent = second.call(c -> sender.resent() + sender.resumed());
            Recovery r = new Recovery(peer.handed(), resent, (int) (MESSAGES - before - resent));
            run.say("recovered: the two unsettled maps settled " + r.settledFromMaps() + " (empty resumed transfers, no "
                    + "message sent again); "
                    + "the receiving application got " + r.handed().size() + " messages for " + MESSAGES + ".");
            run.pause(1.5);
            second.close();
            return r;
        }
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private Tally round(ScenarioRun run, DeliveryGuarantee g, String queue) {
        String link = "guarantee-" + g.text();
        run.say(g.text() + ": " + MESSAGES + " messages wait in '" + queue + "'.");
        List<String> processed = new ArrayList<>();
        List<String> resent = new ArrayList<>();
        List<String> deduplicated = new ArrayList<>();
        // exactly-once: outcomes decided and not yet settled by the sender, kept across the crash (by message-id)
        Set<String> decided = Collections.synchronizedSet(new LinkedHashSet<>());
        Map<AmqpValue, AmqpValue> unsettledMap = Collections.synchronizedMap(new LinkedHashMap<>());

        LabClient first = run.connect("consumer " + g.text(), LabClient.open(null), true);
        Session s1 = first.begin(Session.DEFAULT_BEGIN);
        Receiver r1 = first.attach(c -> s1.receiver(Traffic.receiver(link, queue, g.senderSettleMode(), g.receiverSettleMode())));
        run.chart(first, link);
        Map<IncomingDelivery, String> ids = Collections.synchronizedMap(new LinkedHashMap<>());
        first.onDisposition(r1, d -> {
            if (d.isRemotelySettled()) {
                String id = ids.get(d);
                if (id != null) decided.remove(id); // the sender settled: the receiver may forget
                unsettledMap.remove(d.tag());
            }
        });
        first.run(c -> r1.flow(MESSAGES));
        run.until("all " + MESSAGES + " messages to arrive", () -> first.call(c -> first.arrived(r1) == MESSAGES));
        run.say(g.text() + ": all " + MESSAGES + " messages are here; processing them one by one.");
        for (int i = 1; i <= CRASH_AFTER; i++) {
            run.pause(0.8);
            boolean crash = i == CRASH_AFTER;
            if (crash) first.transport().hold(Transport.Direction.OUTGOING, true);
            String id = first.call(c -> {
                IncomingDelivery d = first.take(r1);
                String mid = Traffic.id(d.readPayload());
                ids.put(d, mid);
                switch (g) {
                    case AT_MOST_ONCE -> { } // settled by the sender: there is nothing to say
                    case AT_LEAST_ONCE -> d.disposition(Accepted.INSTANCE, true);
                    case EXACTLY_ONCE -> {
                        decided.add(mid);
                        unsettledMap.put(d.tag(), Accepted.INSTANCE);
                        d.disposition(Accepted.INSTANCE, false);
                    }
                }
                return mid;
            });
            synchronized (processed) {
                processed.add(id);
            }
            run.say(g.text() + ": processed " + id + (crash ? "; its outcome is written, and the connection drops "
                    + "before it leaves." : "."));
        }
        run.pause(0.5);
        first.drop();
        run.until("the peer to notice the drop", () -> {
            var q = run.snapshot(queue);
            return q.consumers() == 0 && q.unsettled() == 0;
        });
        run.say(g.text() + ": the connection is gone; " + (MESSAGES - CRASH_AFTER) + " received messages were never "
                + "processed. Attaching '" + link + "' again.");
        run.pause(1);

        LabClient second = run.connect("consumer " + g.text() + " again", LabClient.open(null), true);
        Session s2 = second.begin(Session.DEFAULT_BEGIN);
        Attach again = Traffic.receiver(link, queue, g.senderSettleMode(), g.receiverSettleMode());
        Map<AmqpValue, AmqpValue> kept;
        synchronized (unsettledMap) {
            kept = new LinkedHashMap<>(unsettledMap);
        }
        if (!kept.isEmpty()) {
            // 2.6.13: what this end knows of deliveries not yet settled, by delivery-tag
            again = new Attach(again.name(), 0L, again.role(), again.sndSettleMode(), again.rcvSettleMode(),
                    again.source(), again.target(), new MapValue(kept), null, null, null, null, null, null);
        }
        Attach template = again;
        Receiver r2 = second.attach(c -> s2.receiver(template));
        run.chart(second, link);
        second.autoRead(r2, (d, payload) -> {
            String id = Traffic.id(payload);
            synchronized (processed) {
                resent.add(id);
                if (g == DeliveryGuarantee.EXACTLY_ONCE && decided.contains(id)) deduplicated.add(id);
                else processed.add(id);
            }
            switch (g) {
                case AT_MOST_ONCE -> { }
                case AT_LEAST_ONCE -> d.disposition(Accepted.INSTANCE, true);
                case EXACTLY_ONCE -> d.disposition(Accepted.INSTANCE, false);
            }
        });
        second.run(c -> r2.flow(MESSAGES, true));
        run.until("the peer to send what it still has", () -> second.call(c -> r2.isDrained()));
        run.pause(1);
        second.close();
        List<String> lost = new ArrayList<>();
        synchronized (processed) {
            for (int i = 1; i <= MESSAGES; i++) {
                String id = g.text() + "-" + i;
                if (!processed.contains(id) && !deduplicated.contains(id)) lost.add(id);
            }
            return new Tally(g, List.copyOf(processed), List.copyOf(resent), List.copyOf(deduplicated), lost);
        }
    }
}
