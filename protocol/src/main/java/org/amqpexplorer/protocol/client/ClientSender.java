package org.amqpexplorer.protocol.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Outcome;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/**
 * A sending link. Each {@link #send} completes with the delivery's {@link DeliveryOutcome}: at-most-once when
 * its last transfer frame is written, otherwise when the receiver's outcome settles it (for exactly-once the
 * sender settles on the receiver's outcome, 2.6.12, and the receiver settles after).
 */
public final class ClientSender extends ClientLink {
    /** 3.5.3: the outcomes our source supports, so that the receiver may choose any of them. */
    private static final List<String> OUTCOMES = List.of("amqp:accepted:list", "amqp:rejected:list",
            "amqp:released:list", "amqp:modified:list");

    private final CompletableFuture<ClientSender> attached = new CompletableFuture<>();

    // Owned by the connection's thread.
    private final Map<BinaryValue, Pending> pending = new HashMap<>();
    private long nextTag;

    private record Pending(OutgoingDelivery delivery, CompletableFuture<DeliveryOutcome> outcome) {
    }

    ClientSender(ClientSession session, String address, DeliveryGuarantee guarantee) {
        super(session, address, guarantee);
    }

    CompletableFuture<ClientSender> attached() {
        return attached;
    }

    /** Sends a message (message-format 0). */
    public CompletableFuture<DeliveryOutcome> send(Message message) {
        return send(message.toBytes(), 0);
    }

    /**
     * Sends an encoded message; it goes out when the peer's credit and the session's window allow.
     *
     * @return completes with the outcome, or fails with the reason the link ended before it
     */
    public CompletableFuture<DeliveryOutcome> send(byte[] payload, long messageFormat) {
        CompletableFuture<DeliveryOutcome> outcome = new CompletableFuture<>();
        byte[] copy = payload.clone();
        connection.post(() -> sendNow(copy, messageFormat, outcome));
        return outcome;
    }

    private void sendNow(byte[] payload, long messageFormat, CompletableFuture<DeliveryOutcome> outcome) {
        if (failure != null) {
            outcome.completeExceptionally(failure);
            return;
        }
        BinaryValue tag = tag(nextTag++);
        try {
            OutgoingDelivery d = ((Sender) link).send(tag, payload, messageFormat, guarantee == DeliveryGuarantee.AT_MOST_ONCE);
            pending.put(tag, new Pending(d, outcome));
        } catch (IllegalArgumentException | IllegalStateException e) {
            outcome.completeExceptionally(new ClientException("cannot send to '" + address + "': " + e.getMessage()));
        }
    }

    /** The shortest big-endian bytes of a counter: tags are unique on the link, and short (2.8.7: at most 32 bytes). */
    private static BinaryValue tag(long n) {
        int length = Math.max(1, (64 - Long.numberOfLeadingZeros(n) + 7) / 8);
        byte[] b = new byte[length];
        for (int i = length - 1; i >= 0; i--, n >>>= 8) b[i] = (byte) n;
        return BinaryValue.wrap(b);
    }

    @Override
    Attach template(String name) {
        Source source = new Source(null, null, null, null, null, null, null, null, null, OUTCOMES, null);
        return new Attach(name, 0L, Role.SENDER, guarantee.senderSettleMode(), guarantee.receiverSettleMode(), source,
                Target.of(address), null, null, null, null, null, null, null);
    }

    @Override
    Link create(Session session, Attach template) {
        return session.sender(template);
    }

    @Override
    AmqpValue peerTerminus(Attach remote) {
        return remote.target();
    }

    @Override
    String refusal(Attach remote) {
        // 2.7.3: the receiver's rcv-settle-mode is the one in use; exactly-once needs it to settle second.
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && remote.rcvSettleModeOrDefault() != ReceiverSettleMode.SECOND) {
            return "the peer's receiver at '" + address + "' settles first (rcv-settle-mode first): exactly-once is not available";
        }
        return null;
    }

    @Override
    void attachSucceeded() {
        attached.complete(this);
    }

    @Override
    void failed(ClientException why) {
        attached.completeExceptionally(why);
        List<Pending> waiting = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : waiting) p.outcome.completeExceptionally(why);
    }

    /** The last transfer frame of a delivery was written. */
    void transferred(EngineEvent.DeliveryRef ref) {
        Pending p = pending.get(ref.tag());
        if (p == null || guarantee != DeliveryGuarantee.AT_MOST_ONCE) return;
        pending.remove(ref.tag());
        p.outcome.complete(new DeliveryOutcome(ref.tag(), ref.deliveryId(), true, null));
    }

    void remoteDisposition(OutgoingDelivery d) {
        Pending p = pending.get(d.tag());
        if (p == null || p.delivery != d) return;
        AmqpValue state = d.remoteState();
        boolean terminal = state instanceof Outcome;
        if (terminal && !d.isSettled()) {
            // The receiver states its outcome and waits for us to settle (exactly-once, or a receiver that
            // does not settle first): we settle with that outcome.
            d.disposition(state, true);
        }
        if (terminal || d.isRemotelySettled()) {
            pending.remove(d.tag());
            p.outcome.complete(new DeliveryOutcome(d.tag(), d.deliveryId(), false, state));
        }
    }
}
