package org.amqpexplorer.ui.explorer;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.ConnectionHandler;
import org.amqpexplorer.protocol.engine.Delivery;
import org.amqpexplorer.protocol.engine.IncomingDelivery;
import org.amqpexplorer.protocol.engine.Link;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Outcome;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.ui.composer.MessageSender;
import org.amqpexplorer.ui.composer.SendJob;

/**
 * Messages in and out of one connection's links, for the window: keeps what receivers take in (bounded; the
 * window collects it each pulse), accepts it at once for links set to auto-accept (others wait for the user in
 * the tree), and sends the composer's jobs through a sender link, reporting each message's outcome. The handler
 * runs on the connection's thread.
 */
final class LinkTraffic implements ConnectionHandler {
    /** Received messages waiting for the window, at most; beyond that the oldest go and are counted. */
    static final int MAX_WAITING = 10_000;
    /** Messages of a send job handed to the engine but not yet settled, at most: keeps its queue short. */
    static final int MAX_IN_FLIGHT = 256;

    private final Connection engine;
    private final ConcurrentLinkedQueue<Arrival> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    /** Receivers (by channel/name) whose deliveries are accepted on arrival. */
    private final Map<String, Boolean> autoAccept = new ConcurrentHashMap<>();
    private final Map<Long, Tracked> sends = new ConcurrentHashMap<>();

    /** A received message and the link it came on. */
    record Arrival(int channel, String linkName, ReceivedMessage message) {
    }

    private record Tracked(SendJob job, int index, Semaphore inFlight, Link link) {
    }

    LinkTraffic(Connection engine) {
        this.engine = engine;
    }

    /**
     * Automatic settlement for one link: a receiver accepts what arrives; a sender settles a delivery once the
     * peer has given its outcome. Off, both wait for the user (the tree's delivery actions).
     */
    void autoAccept(int channel, String linkName, boolean on) {
        autoAccept.put(channel + "/" + linkName, on);
    }

    boolean isAutoAccept(int channel, String linkName) {
        return Boolean.TRUE.equals(autoAccept.get(channel + "/" + linkName));
    }

    /** What arrived since the last call (FX thread). */
    List<Arrival> drain() {
        List<Arrival> out = new java.util.ArrayList<>();
        Arrival a;
        while ((a = arrived.poll()) != null) {
            waiting.decrementAndGet();
            out.add(a);
        }
        return out;
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void remoteAttached(Link link) {
        if (link.localAttach() == null) link.attach(); // the peer attached first: answer in kind
    }

    @Override
    public void delivery(IncomingDelivery d) {
        if (d.isPartial() || d.isAborted()) return;
        byte[] payload = d.readPayload();
        Message m = null;
        String problem = null;
        try {
            m = Message.decode(payload);
        } catch (DecodeException e) {
            problem = "not an AMQP message: " + e.getMessage();
        }
        String key = d.link().session().localChannel() + "/" + d.link().name();
        arrived.add(new Arrival(d.link().session().localChannel(), d.link().name(), new ReceivedMessage(d.key(), d.deliveryId(),
                HexFormat.of().formatHex(d.tag().toByteArray()), System.currentTimeMillis(), payload, m, problem)));
        if (waiting.incrementAndGet() > MAX_WAITING && arrived.poll() != null) {
            waiting.decrementAndGet();
            dropped.incrementAndGet();
        }
        if (Boolean.TRUE.equals(autoAccept.get(key)) && !d.isSettled()) d.disposition(Accepted.INSTANCE, true);
    }

    @Override
    public void remoteDisposition(Delivery d) {
        Tracked t = sends.get(d.key());
        if (t == null) {
            if (d.remoteState() instanceof Outcome && !d.isSettled()
                    && Boolean.TRUE.equals(autoAccept.get(d.link().session().localChannel() + "/" + d.link().name()))) {
                d.settle();
            }
            return;
        }
        if (!(d.remoteState() instanceof Outcome outcome)) return;
        sends.remove(d.key());
        t.job.outcome(t.index, outcome);
        if (!d.isSettled()) d.settle(); // the sender settles once the receiver has decided (3.4)
        t.inFlight.release();
    }

    @Override
    public void remoteDetached(Link link) {
        // What was sent on a link that went away will get no outcome: say so rather than wait forever.
        sends.entrySet().removeIf(e -> {
            Tracked t = e.getValue();
            if (t.link != link) return false;
            t.job.failed(t.index, "the link " + link.name() + " was detached before the outcome arrived");
            t.inFlight.release();
            return true;
        });
    }

    @Override
    public void transportClosed(Connection connection) {
        sends.values().forEach(t -> {
            t.job.failed(t.index, "the connection closed before the outcome arrived");
            t.inFlight.release();
        });
        sends.clear();
    }

    /** A sender for the composer's jobs through {@code link} (a sender link of this connection). */
    MessageSender sender(int channel, String linkName) {
        return job -> Thread.ofVirtual().name("send " + linkName).start(() -> run(job, channel, linkName));
    }

    private void run(SendJob job, int channel, String linkName) {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long intervalNanos = job.ratePerSecond() > 0 ? (long) (1e9 / job.ratePerSecond()) : 0;
        long next = System.nanoTime();
        boolean settled = job.settleMode() == SenderSettleMode.SETTLED;
        for (int i = 0; i < job.count() && !job.isCancelled(); i++) {
            Message m;
            try {
                m = job.message(i);
            } catch (RuntimeException e) {
                continue; // the job marked it failed with the reason
            }
            try {
                while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    if (job.isCancelled()) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (intervalNanos > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                next = Math.max(next, System.nanoTime()) + intervalNanos;
            }
            int index = i;
            byte[] bytes = m.toBytes();
            engine.post(() -> {
                Sender sender = find(channel, linkName);
                if (sender == null) {
                    job.failed(index, "sender link " + linkName + " is no longer attached");
                    inFlight.release();
                    return;
                }
                try {
                    BinaryValue tag = BinaryValue.wrap(java.nio.ByteBuffer.allocate(8).putLong(job.firstSequence() + index).array());
                    OutgoingDelivery d = sender.send(tag, bytes, 0, settled);
                    if (settled) {
                        job.sent(index, true);
                        inFlight.release();
                    } else {
                        sends.put(d.key(), new Tracked(job, index, inFlight, sender));
                        job.sent(index, false);
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    job.failed(index, e.getMessage());
                    inFlight.release();
                }
            });
        }
    }

    private Sender find(int channel, String linkName) {
        for (var s : engine.sessions()) {
            if (s.localChannel() != channel) continue;
            for (Link l : s.links()) if (l instanceof Sender snd && l.name().equals(linkName)) return snd;
        }
        return null;
    }
}
