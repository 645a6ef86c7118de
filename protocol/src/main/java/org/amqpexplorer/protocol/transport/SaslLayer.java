package org.amqpexplorer.protocol.transport;

import java.util.function.LongSupplier;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.engine.EngineEvent;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.FramingException;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.sasl.Plain;
import org.amqpexplorer.protocol.sasl.SaslClient;
import org.amqpexplorer.protocol.sasl.SaslException;
import org.amqpexplorer.protocol.sasl.SaslServer;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.SaslFrame;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.SaslOutcome;

/**
 * The SASL layer of a connection (5.3): the SASL protocol header, then SASL frames until the outcome, after
 * which the bytes belong to the AMQP layer. Bytes in, bytes out; every header and frame is reported to the
 * engine's observers ({@link Connection#report}), so a trace shows the whole connection in order.
 */
final class SaslLayer {
    /** 5.3.1: SASL frames are at most 512 bytes unless the peer says otherwise; some send longer tokens. */
    static final int MAX_SASL_FRAME_SIZE = 64 * 1024;

    private final SaslClient client;
    private final SaslServer server;
    private final Connection observers;
    private final LongSupplier clock;
    private final FrameWriter writer = new FrameWriter(MAX_SASL_FRAME_SIZE);
    private final FrameDecoder decoder;
    private final Encoder out;
    private boolean done;
    private String failure;

    private SaslLayer(SaslClient client, SaslServer server, Encoder out, Connection observers, LongSupplier clock) {
        this.client = client;
        this.server = server;
        this.out = out;
        this.observers = observers;
        this.clock = clock;
        this.decoder = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
                headerReceived(header);
            }

            @Override
            public void frame(Frame frame) {
                frameReceived(frame);
            }
        }, CompositeTypes.DESCRIBED_TYPES, MAX_SASL_FRAME_SIZE);
    }

    /** The client side: sends the SASL header at once, then answers the server's frames. */
    static SaslLayer client(SaslClient client, Encoder out, Connection observers, LongSupplier clock) {
        SaslLayer layer = new SaslLayer(client, null, out, observers, clock);
        layer.sendHeader();
        return layer;
    }

    /** The server side, once the client's SASL header was read: sends our header and the offered mechanisms. */
    static SaslLayer server(SaslServer server, Encoder out, Connection observers, LongSupplier clock) {
        SaslLayer layer = new SaslLayer(null, server, out, observers, clock);
        layer.decoder.feed(ProtocolHeader.SASL.toByteArray(), 0, ProtocolHeader.SIZE); // already read by the caller
        layer.sendHeader();
        layer.send(server.mechanisms());
        return layer;
    }

    /**
     * Consumes bytes up to the end of the SASL exchange. Returns how many were consumed; once {@link #isDone()}
     * the rest belong to the AMQP layer.
     *
     * @throws TransportException when the exchange breaks down (the reason is for people)
     */
    int feed(byte[] bytes, int offset, int length) throws TransportException {
        int i = 0;
        try {
            // One byte at a time, so the decoder stops exactly at the end of the outcome: the exchange is short.
            while (i < length && !done) {
                decoder.feed(bytes, offset + i, 1);
                i++;
            }
        } catch (FramingException e) {
            throw new TransportException("SASL: " + e.getMessage(), e);
        } catch (SaslFailure e) {
            throw new TransportException(e.getMessage(), e.getCause());
        }
        return i;
    }

    boolean isDone() {
        return done;
    }

    /** Why authentication failed (client: in words; server: for the log), or null. */
    String failure() {
        return failure;
    }

    String identity() {
        return server != null ? server.identity() : null;
    }

    String mechanism() {
        return client != null ? client.mechanism() : null;
    }

    boolean succeeded() {
        return done && failure == null;
    }

    private void sendHeader() {
        int at = out.size();
        FrameWriter.writeHeader(out, ProtocolHeader.SASL);
        emit(new EngineEvent.HeaderSent(clock.getAsLong(), ProtocolHeader.SASL));
        assert out.size() - at == ProtocolHeader.SIZE;
    }

    private void send(SaslFrame frame) {
        int at = out.size();
        int size = writer.writeFrame(out, FrameType.SASL, 0, frame);
        if (observers.isObserved()) {
            SaslFrame shown = redacted(frame);
            byte[] raw;
            if (shown == frame) {
                raw = java.util.Arrays.copyOfRange(out.array(), at, at + size);
            } else {
                Encoder e = new Encoder(size);
                writer.writeFrame(e, FrameType.SASL, 0, shown);
                raw = e.toByteArray();
            }
            emit(new EngineEvent.FrameSent(clock.getAsLong(), 0, shown, 0, size, raw));
        }
    }

    /**
     * What observers see of a frame we send: a PLAIN initial response carries the password in the clear, so
     * observers (the trace, its exports, --trace files) get it with the password's bytes replaced by '*'.
     */
    static SaslFrame redacted(SaslFrame frame) {
        if (!(frame instanceof SaslInit init) || !Plain.NAME.equals(init.mechanism()) || init.initialResponse() == null) {
            return frame;
        }
        byte[] response = init.initialResponse().toByteArray();
        int nuls = 0;
        for (int i = 0; i < response.length; i++) {
            if (nuls == 2) response[i] = '*';
            else if (response[i] == 0) nuls++;
        }
        return new SaslInit(init.mechanism(), BinaryValue.wrap(response), init.hostname());
    }

    private void headerReceived(ProtocolHeader header) {
        emit(new EngineEvent.HeaderReceived(clock.getAsLong(), header));
        if (header != ProtocolHeader.SASL) {
            throw new SaslFailure("the peer answered with the " + header + " protocol header instead of SASL", null);
        }
    }

    private void frameReceived(Frame frame) {
        if (observers.isObserved()) {
            emit(new EngineEvent.FrameReceived(clock.getAsLong(), frame.channel(), frame.body(), frame.payloadSize(),
                    frame.size(), frame.toByteArray()));
        }
        if (!(frame.body() instanceof SaslFrame saslFrame)) {
            throw new SaslFailure("SASL: expected a SASL frame, got " + (frame.body() == null ? "an empty frame" : frame.body()), null);
        }
        try {
            SaslFrame answer = client != null ? client.onFrame(saslFrame) : server.onFrame(saslFrame);
            if (answer != null) send(answer);
            if (client != null && client.isDone()) {
                done = true;
                if (!client.succeeded()) failure = client.failure();
            } else if (server != null && answer instanceof SaslOutcome) {
                done = true;
                if (!server.succeeded()) failure = server.failure();
            }
        } catch (SaslException e) {
            throw new SaslFailure("SASL: " + e.getMessage(), e);
        }
    }

    private void emit(EngineEvent event) {
        observers.report(event);
    }

    /** Carries a failure out of the frame decoder's handler. */
    private static final class SaslFailure extends RuntimeException {
        SaslFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
