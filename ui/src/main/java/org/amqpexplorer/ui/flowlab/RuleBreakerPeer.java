package org.amqpexplorer.ui.flowlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.nio.ByteBuffer;
import java.util.Map;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.Detach;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.End;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Performative;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * A scripted peer for {@link RuleBreakerScenario}: it speaks AMQP well enough to be talked to, written frame by
 * frame with the frame package (no engine, so nothing stops it), and breaks one rule on each link, chosen by the
 * link's name. One connection, on its own thread; closing it closes the socket.
 */
final class RuleBreakerPeer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket socket;

    private final FrameWriter writer = new FrameWriter(64 * 1024);
    private final Encoder out = new Encoder(1024);
    private OutputStream output;
    /** Per channel: the next delivery-id and the transfers sent; per channel and handle: the link's name. */
    private final Map<Integer, Long> nextDeliveryId = new HashMap<>();
    private final Map<Integer, Long> transfers = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();

    private RuleBreakerPeer(ServerSocket server) {
        this.server = server;
        this.thread = Thread.ofPlatform().daemon().name("rule-breaker peer").unstarted(this::serve);
    }

    static RuleBreakerPeer start() throws IOException {
        RuleBreakerPeer p = new RuleBreakerPeer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        p.thread.start();
        return p;
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = socket;
        if (s != null) s.close();
    }

    private void serve() {
        try (Socket s = server.accept()) {
            socket = s;
            output = s.getOutputStream();
            InputStream in = s.getInputStream();
            FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Handler() {
                @Override
                public void header(ProtocolHeader header) {
                    FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
                    send(0, new Open("rule-breaker", null, 64L * 1024, null, null, null, null, null, null, null));
                }

                @Override
                public void frame(Frame frame) {
                    if (frame.body() instanceof Performative p) answer(frame.channel(), p);
                }
            }, CompositeTypes.DESCRIBED_TYPES, 1024 * 1024);
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                decoder.feed(ByteBuffer.wrap(buf, 0, n));
                flush();
            }
        } catch (IOException e) {
            // the scenario is over (or stopped): the socket is gone
        }
    }

    private void answer(int channel, Performative p) {
        switch (p) {
            case Begin b -> send(channel, new Begin(channel, 0L, 100L, 100L, null, null, null, null));
            case Attach a -> attach(channel, a);
            case Flow f when f.handle() != null -> flow(channel, f);
            case Transfer t -> {
                // 2.7.6: ids 1..3 were never sent; then 2.6.12: delivery 0 settled a second time
                send(channel, new Disposition(Role.RECEIVER, t.deliveryId(), t.deliveryId() + 3, true, Accepted.INSTANCE, null));
                send(channel, new Disposition(Role.RECEIVER, t.deliveryId(), null, true, Accepted.INSTANCE, null));
            }
            case Detach d -> send(channel, new Detach(d.handle(), d.closed(), null));
            case End e -> send(channel, new End(null));
            case Close c -> send(0, new Close(null));
            default -> { }
        }
    }

    private void attach(int channel, Attach a) {
        links.put(channel + "/" + a.handle(), a.name());
        if (a.role() == Role.RECEIVER) {
            send(channel, new Attach(a.name(), a.handle(), Role.SENDER, a.sndSettleMode(), a.rcvSettleMode(), a.source(),
                    a.target(), null, null, 0L, null, null, null, null));
        } else {
            send(channel, new Attach(a.name(), a.handle(), Role.RECEIVER, a.sndSettleMode(), a.rcvSettleMode(), a.source(),
                    a.target(), null, null, null, null, null, null, null));
            send(channel, new Flow(0L, 100L, 0L, 100L, a.handle(), 0L, 10L, null, null, null, null));
        }
    }

    private void flow(int channel, Flow f) {
        String name = links.getOrDefault(channel + "/" + f.handle(), "");
        long credit = f.linkCredit() == null ? 0 : f.linkCredit();
        long count = f.deliveryCount() == null ? 0 : f.deliveryCount();
        switch (name) {
            case RuleBreakerScenario.CREDIT -> {
                for (int i = 0; i <= credit; i++) transfer(channel, f.handle()); // one more than granted
            }
            case RuleBreakerScenario.DRAIN -> {
                if (!f.drainOrDefault()) return;
                // 2.6.7: drained, all credit given back …
                send(channel, new Flow(null, 100L, transfers.getOrDefault(channel, 0L), 100L, f.handle(), count + credit, 0L,
                        0L, true, null, null));
                transfer(channel, f.handle()); // … and yet a transfer
            }
            case RuleBreakerScenario.WINDOW -> {
                for (int i = 0; i < 3; i++) transfer(channel, f.handle()); // the window is 2
            }
            default -> { }
        }
    }

    private void transfer(int channel, long handle) {
        long id = nextDeliveryId.merge(channel, 1L, Long::sum) - 1;
        transfers.merge(channel, 1L, Long::sum);
        byte[] payload = Traffic.message("broken-" + id, 16);
        Transfer t = new Transfer(handle, id, BinaryValue.of(new byte[] {(byte) id}), 0L, true, null, null, null, null,
                null, null);
        writer.writeFrame(out, FrameType.AMQP, channel, t, payload, 0, payload.length);
    }

    private void send(int channel, Performative p) {
        writer.writeFrame(out, FrameType.AMQP, channel, p);
    }

    private void flush() throws IOException {
        if (out.size() == 0) return;
        output.write(out.array(), 0, out.size());
        output.flush();
        out.reset();
    }
}
