package org.amqpexplorer.protocol.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.engine.EndpointState.Half;
import org.amqpexplorer.protocol.engine.EngineEvent.Scope;
import org.amqpexplorer.protocol.frame.Frame;
import org.amqpexplorer.protocol.frame.FrameDecoder;
import org.amqpexplorer.protocol.frame.FrameType;
import org.amqpexplorer.protocol.frame.FrameWriter;
import org.amqpexplorer.protocol.frame.FramingException;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.frame.ProtocolHeaderException;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.CompositeTypes;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Performative;

/**
 * An AMQP 1.0 connection endpoint (part 2.4) and everything on it: a protocol engine that does no I/O and owns no
 * thread. Bytes from the peer go in through {@link #feed}; bytes for the peer come out through
 * {@link #takeOutput()} (or an {@link #outputConsumer output consumer}); time goes in through {@link #tick}; what
 * happens comes out as {@link EngineEvent}s to observers and as calls to the {@link ConnectionHandler}.
 *
 * <p>The engine starts at the AMQP protocol header (2.2). A transport that negotiates SASL first (5.3) hands over
 * the bytes that follow the SASL outcome, which begin with the peer's AMQP header.
 *
 * <p>Not thread-safe: one thread drives a connection and everything on it. Other threads hand it work with
 * {@link #post(Runnable)}; the driving thread runs that work in {@link #runPosted()}.
 */
public final class Connection {

    private final boolean initiator;
    private final ConnectionOptions options;
    final Events events;
    private final FrameDecoder decoder;
    final FrameWriter writer = new FrameWriter();
    final Encoder out = new Encoder(4096);
    private ConnectionHandler handler = ConnectionHandler.NONE;
    private Consumer<ByteBuffer> outputConsumer;
    private int depth;
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private volatile Runnable wakeup = () -> { };

    private boolean headerSent;
    private boolean headerReceived;
    private Half local = Half.NONE;
    private Half remote = Half.NONE;
    private EndpointState state = EndpointState.UNOPENED;
    private Open localOpen;
    private Open remoteOpen;
    private ErrorCondition localError;
    private ErrorCondition remoteError;
    /** The input can no longer be read (framing error, refused header): bytes are ignored from now on. */
    private boolean inputFailed;
    private boolean transportClosed;

    private final Map<Integer, Session> localChannels = new HashMap<>();
    private final Map<Integer, Session> remoteChannels = new HashMap<>();
    private final Set<Integer> endedRemoteChannels = new HashSet<>();
    private final List<Session> sessions = new ArrayList<>();
    private int sessionCursor;
    private long nextDeliveryKey;

    // 2.4.5 idle time-out, measured in tick() time
    private long lastReceivedAt = -1;
    private long lastSentAt = -1;
    private boolean receivedSinceTick;
    private boolean sentSinceTick;

    private Connection(boolean initiator, ConnectionOptions options) {
        this.initiator = initiator;
        this.options = options;
        this.events = new Events(options.clock());
        // Until our open announces our max-frame-size, frames up to 64 KiB are read (the peer may assume 512).
        this.decoder = new FrameDecoder(new FrameDecoder.Handler() {
            @Override
            public void header(ProtocolHeader header) {
                headerReceived(header);
            }

            @Override
            public void frame(Frame frame) {
                frameReceived(frame);
            }
        }, CompositeTypes.DESCRIBED_TYPES, 64 * 1024);
    }

    /** The end that opened the socket: it speaks first. */
    public static Connection initiator(ConnectionOptions options) {
        return new Connection(true, options);
    }

    public static Connection initiator() {
        return initiator(ConnectionOptions.DEFAULT);
    }

    /** The end that accepted the socket: it answers the peer's protocol header. */
    public static Connection acceptor(ConnectionOptions options) {
        return new Connection(false, options);
    }

    public static Connection acceptor() {
        return acceptor(ConnectionOptions.DEFAULT);
    }

    // ---- configuration

    public boolean isInitiator() {
        return initiator;
    }

    public void handler(ConnectionHandler handler) {
        this.handler = handler == null ? ConnectionHandler.NONE : handler;
    }

    ConnectionHandler handler() {
        return handler;
    }

    boolean autoReply() {
        return options.autoReply();
    }

    /**
     * Reports an event of a layer in front of the engine (the SASL layer's protocol header and frames) to this
     * connection's observers, so they see the whole connection in order. Call on the connection's thread.
     */
    public void report(EngineEvent event) {
        if (events.enabled()) events.emit(event);
    }

    /** Whether anyone observes this connection (building events for nobody is wasted work). */
    public boolean isObserved() {
        return events.enabled();
    }

    long reassemblyLimit() {
        return options.reassemblyLimit();
    }

    /** Observers see every event from now on. */
    public void addObserver(EngineObserver observer) {
        events.add(observer, false);
    }

    /** Observers that also get each frame's raw bytes (a copy per frame). */
    public void addObserver(EngineObserver observer, boolean rawBytes) {
        events.add(observer, rawBytes);
    }

    public void removeObserver(EngineObserver observer) {
        events.remove(observer);
    }

    /**
     * Push mode: output goes to this consumer whenever a call into the engine returns, instead of waiting for
     * {@link #takeOutput()}. The consumer must not call back into the engine.
     */
    public void outputConsumer(Consumer<ByteBuffer> consumer) {
        this.outputConsumer = consumer;
    }

    // ---- threads

    /** Hands work to the connection's thread (thread-safe); the wakeup hook tells that thread. */
    public void post(Runnable command) {
        posted.add(command);
        wakeup.run();
    }

    /** Called (on any thread) when work has been posted, so the driving thread can run it. */
    public void wakeup(Runnable wakeup) {
        this.wakeup = wakeup == null ? () -> { } : wakeup;
    }

    /** Runs the work posted so far, on the driving thread. */
    public void runPosted() {
        enter();
        try {
            Runnable command;
            while ((command = posted.poll()) != null) {
                command.run();
            }
        } finally {
            exit();
        }
    }

    // ---- state

    public EndpointState state() {
        return state;
    }

    public Open localOpen() {
        return localOpen;
    }

    public Open remoteOpen() {
        return remoteOpen;
    }

    public ErrorCondition localError() {
        return localError;
    }

    public ErrorCondition remoteError() {
        return remoteError;
    }

    /** The sessions begun (by either end) and not yet ended at both ends. */
    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Whether the engine is done: close exchanged, the transport closed, or the input unreadable. The transport
     * may close the socket once the output is taken.
     */
    public boolean isFinished() {
        return transportClosed || inputFailed && local == Half.CLOSED || inputFailed && !headerSent
                || local == Half.CLOSED && remote == Half.CLOSED;
    }

    Half localHalf() {
        return local;
    }

    int localMaxFrameSize() {
        return decoder.maxFrameSize();
    }

    long nextDeliveryKey() {
        return nextDeliveryKey++;
    }

    // ---- open and close

    /** Opens with a generated container-id and everything else default. */
    public void open() {
        open(new Open(UUID.randomUUID().toString()));
    }

    /**
     * Sends the protocol header (if not yet sent) and this open, exactly as composed. Its max-frame-size limits
     * the frames we accept, its idle-time-out how long we wait for the peer's frames (2.4.5).
     *
     * @throws IllegalStateException    if already opened, or the connection is finished
     * @throws IllegalArgumentException if max-frame-size is below 512
     */
    public void open(Open open) {
        enter();
        try {
            if (local != Half.NONE) {
                throw new IllegalStateException("connection already opened");
            }
            if (transportClosed || state == EndpointState.CLOSED) {
                throw new IllegalStateException("connection is finished");
            }
            long maxFrameSize = open.maxFrameSizeOrDefault();
            if (maxFrameSize < Frame.MIN_MAX_FRAME_SIZE) {
                throw new IllegalArgumentException("max-frame-size below 512: " + maxFrameSize);
            }
            writeHeader();
            writeFrame(0, open);
            decoder.maxFrameSize((int) Math.min(maxFrameSize, FrameDecoder.LARGEST_MAX_FRAME_SIZE));
            localOpen = open;
            local = Half.OPEN;
            updateState(null);
        } finally {
            exit();
        }
    }

    public void close() {
        close(null);
    }

    /**
     * Sends close (after an open, if none was sent: 2.4.1 a close is always preceded by an open), after any
     * dispositions still waiting. Sessions and links end with it.
     */
    public void close(ErrorCondition error) {
        enter();
        try {
            if (local == Half.CLOSED || transportClosed) {
                return;
            }
            if (local == Half.NONE) {
                open();
            }
            for (Session session : sessions) {
                session.flushDispositions();
            }
            writeFrame(0, new Close(error));
            local = Half.CLOSED;
            localError = error;
            for (Session session : List.copyOf(sessions)) {
                session.terminate();
            }
            updateState(error);
        } finally {
            exit();
        }
    }

    /** A new session on this connection, begun with {@link Session#begin()}. */
    public Session session() {
        enter();
        try {
            if (local == Half.CLOSED || transportClosed) {
                throw new IllegalStateException("connection is closed");
            }
            Session session = new Session(this);
            sessions.add(session);
            return session;
        } finally {
            exit();
        }
    }

    /**
     * The transport is gone (socket closed or failed): everything is closed at once, without frames.
     */
    public void transportClosed() {
        enter();
        try {
            if (transportClosed) {
                return;
            }
            transportClosed = true;
            for (Session session : List.copyOf(sessions)) {
                session.terminate();
            }
            sessions.clear();
            local = Half.CLOSED;
            remote = Half.CLOSED;
            updateState(null);
            handler.transportClosed(this);
        } finally {
            exit();
        }
    }

    // ---- bytes in

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        feed(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Reads the peer's bytes (all of them: the engine keeps what does not make a whole frame yet). */
    public void feed(ByteBuffer bytes) {
        enter();
        try {
            if (inputFailed || transportClosed) {
                bytes.position(bytes.limit());
                return;
            }
            decoder.feed(bytes);
        } catch (FramingException e) {
            bytes.position(bytes.limit());
            inputFailed(e);
        } finally {
            exit();
        }
    }

    private void headerReceived(ProtocolHeader header) {
        headerReceived = true;
        if (events.enabled()) {
            events.emit(new EngineEvent.HeaderReceived(events.now(), header));
        }
        if (header != ProtocolHeader.AMQP) {
            // 2.2: answer with the header we speak, then the transport closes the socket.
            inputFailed = true;
            writeHeader();
            ErrorCondition error = new ErrorCondition(ErrorCondition.CONNECTION_FRAMING_ERROR,
                    "protocol header " + header + " where AMQP 0 1.0.0 was expected");
            protocolError(Scope.CONNECTION, -1, -1, error);
            refused(error);
            return;
        }
        writeHeader();
    }

    private void frameReceived(Frame frame) {
        receivedSinceTick = true;
        Described body = frame.body();
        if (events.enabled()) {
            events.emit(new EngineEvent.FrameReceived(events.now(), frame.channel(), body, frame.payloadSize(),
                    frame.size(), events.rawBytesWanted() ? frame.toByteArray() : null));
        }
        if (body == null || remote == Half.CLOSED) {
            return; // a heartbeat (2.4.5); or anything after the peer's close, which ends its output
        }
        try {
            if (!(body instanceof Performative performative)) {
                throw ProtocolViolation.ofConnection(ErrorCondition.DECODE_ERROR,
                        "frame body " + body.descriptor() + " is not a performative (2.3.2)");
            }
            if (local == Half.CLOSED && !(performative instanceof Close)) {
                return; // 2.4.6 CLOSE_SENT/DISCARDING: only the peer's close matters now
            }
            switch (performative) {
                case Open open -> remoteOpen(open);
                case Close close -> remoteClose(close);
                default -> {
                    if (remote != Half.OPEN) {
                        throw ProtocolViolation.ofConnection(ErrorCondition.ILLEGAL_STATE,
                                name(performative) + " before the peer's open (2.4.1)");
                    }
                    sessionFrame(frame.channel(), performative, frame);
                }
            }
        } catch (ProtocolViolation v) {
            violated(v, frame.channel());
        }
    }

    private void remoteOpen(Open open) {
        if (remote != Half.NONE) {
            throw ProtocolViolation.ofConnection(ErrorCondition.ILLEGAL_STATE, "a second open (2.4.1)");
        }
        long maxFrameSize = open.maxFrameSizeOrDefault();
        remoteOpen = open;
        remote = Half.OPEN;
        if (maxFrameSize < Frame.MIN_MAX_FRAME_SIZE) {
            throw ProtocolViolation.ofConnection(ErrorCondition.INVALID_FIELD,
                    "max-frame-size " + maxFrameSize + " is below 512 (2.7.1)");
        }
        writer.maxFrameSize(maxFrameSize);
        updateState(null);
        handler.remoteOpened(this);
        if (local == Half.NONE && options.autoReply()) {
            open();
        }
    }

    private void remoteClose(Close close) {
        remote = Half.CLOSED;
        remoteError = close.error();
        updateState(close.error());
        handler.remoteClosed(this);
        if (local != Half.CLOSED && options.autoReply()) {
            close();
        }
        if (local == Half.CLOSED) {
            for (Session session : List.copyOf(sessions)) {
                session.terminate();
            }
            sessions.clear();
        }
    }

    private void sessionFrame(int channel, Performative performative, Frame frame) {
        if (performative instanceof Begin begin) {
            remoteBegin(channel, begin);
            return;
        }
        Session session = remoteChannels.get(channel);
        if (session == null) {
            if (endedRemoteChannels.contains(channel)) {
                throw ProtocolViolation.ofConnection(ErrorCondition.ILLEGAL_STATE,
                        name(performative) + " on channel " + channel + ", whose session has ended (2.5.5)");
            }
            throw ProtocolViolation.ofConnection(ErrorCondition.CONNECTION_FRAMING_ERROR,
                    name(performative) + " on channel " + channel + ", which has no session (2.5.1)");
        }
        session.remoteFrame(performative, frame);
    }

    private void remoteBegin(int channel, Begin begin) {
        int channelMax = localOpen == null ? 0xFFFF : localOpen.channelMaxOrDefault();
        if (channel > channelMax) {
            throw ProtocolViolation.ofConnection(ErrorCondition.CONNECTION_FRAMING_ERROR,
                    "begin on channel " + channel + " beyond channel-max " + channelMax + " (2.7.1)");
        }
        if (remoteChannels.containsKey(channel)) {
            throw ProtocolViolation.ofConnection(ErrorCondition.ILLEGAL_STATE,
                    "begin on channel " + channel + ", whose session has not ended (2.5.1)");
        }
        Session session;
        if (begin.remoteChannel() != null) {
            session = localChannels.get(begin.remoteChannel());
            if (session == null || session.remote != Half.NONE) {
                throw ProtocolViolation.ofConnection(ErrorCondition.ILLEGAL_STATE, "begin answers channel "
                        + begin.remoteChannel() + ", where no begin of ours awaits an answer (2.5.2)");
            }
        } else {
            session = new Session(this);
            sessions.add(session);
        }
        remoteChannels.put(channel, session);
        endedRemoteChannels.remove(channel);
        session.remoteBegin(channel, begin);
    }

    private void violated(ProtocolViolation v, int channel) {
        protocolError(v.scope(), channel, v.link() == null ? -1 : v.link().remoteHandle, v.error());
        switch (v.scope()) {
            case CONNECTION -> close(v.error());
            case SESSION -> v.session().end(v.error());
            case LINK -> v.link().close(v.error());
        }
    }

    private void inputFailed(FramingException e) {
        inputFailed = true;
        if (e instanceof ProtocolHeaderException) {
            writeHeader();
            ErrorCondition error = new ErrorCondition(e.condition().symbol().value(), e.reason());
            protocolError(Scope.CONNECTION, -1, -1, error);
            refused(error);
            return;
        }
        ErrorCondition error = new ErrorCondition(e.condition().symbol().value(), e.reason());
        protocolError(Scope.CONNECTION, -1, -1, error);
        if (headerReceived) {
            close(error);
        } else {
            refused(error);
        }
    }

    /** The peer's bytes were refused before any frame could be exchanged: the engine is done. */
    private void refused(ErrorCondition error) {
        local = Half.CLOSED;
        remote = Half.CLOSED;
        localError = error;
        updateState(error);
    }

    private void protocolError(Scope scope, int channel, long handle, ErrorCondition error) {
        if (events.enabled()) {
            events.emit(new EngineEvent.ProtocolError(events.now(), scope, channel, handle, error));
        }
    }

    // ---- time

    /**
     * Tells the engine the time (any monotonic milliseconds). It sends a heartbeat when nothing was sent for half
     * the peer's idle-time-out, and closes with amqp:resource-limit-exceeded when nothing arrived for our own
     * (2.4.5). Frames count as received or sent at the first tick after they were; call this after reads and at
     * the deadline it returns.
     *
     * @return the time this should be called again at the latest, or 0 if no timer runs
     */
    public long tick(long now) {
        enter();
        try {
            if (lastReceivedAt < 0 || receivedSinceTick) {
                lastReceivedAt = now;
            }
            if (lastSentAt < 0 || sentSinceTick) {
                lastSentAt = now;
            }
            receivedSinceTick = false;
            sentSinceTick = false;
            if (local != Half.OPEN || transportClosed) {
                return 0;
            }
            long deadline = 0;
            long localIdle = localOpen.idleTimeOut() == null ? 0 : localOpen.idleTimeOut();
            if (localIdle > 0 && remote != Half.CLOSED) {
                if (now - lastReceivedAt >= localIdle) {
                    ErrorCondition error = new ErrorCondition(ErrorCondition.RESOURCE_LIMIT_EXCEEDED,
                            "local-idle-timeout expired: nothing received for " + (now - lastReceivedAt) + " ms");
                    protocolError(Scope.CONNECTION, -1, -1, error);
                    close(error);
                    return 0;
                }
                deadline = lastReceivedAt + localIdle;
            }
            long remoteIdle = remoteOpen == null || remoteOpen.idleTimeOut() == null ? 0 : remoteOpen.idleTimeOut();
            if (remoteIdle > 0) {
                // Half the peer's time-out leaves it a whole half to spare (2.4.5).
                long interval = Math.max(1, remoteIdle / 2);
                if (now - lastSentAt >= interval) {
                    writeEmptyFrame();
                    lastSentAt = now;
                    sentSinceTick = false;
                }
                long next = lastSentAt + interval;
                deadline = deadline == 0 ? next : Math.min(deadline, next);
            }
            return deadline;
        } finally {
            exit();
        }
    }

    // ---- bytes out

    /** Whether output waits to be taken. */
    public boolean hasOutput() {
        if (out.size() > 0) {
            return true;
        }
        for (Session session : sessions) {
            if (session.hasPendingDispositions()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the bytes waiting for the peer (possibly none). Dispositions made since the last take go out now,
     * batched into ranges. Taking output lets the engine produce more transfer frames, so a transport loops
     * until nothing is left.
     */
    public ByteBuffer takeOutput() {
        enter();
        try {
            flushDispositions();
            ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray());
            out.reset();
            return bytes;
        } finally {
            exit();
        }
    }

    /** Transfers, flows and dispositions may go: we are open, and the peer has not closed (2.4.6). */
    boolean mayWrite() {
        return local == Half.OPEN && remote != Half.CLOSED && !transportClosed;
    }

    private void writeHeader() {
        if (headerSent) {
            return;
        }
        headerSent = true;
        FrameWriter.writeHeader(out, ProtocolHeader.AMQP);
        sentSinceTick = true;
        if (events.enabled()) {
            events.emit(new EngineEvent.HeaderSent(events.now(), ProtocolHeader.AMQP));
        }
    }

    void writeFrame(int channel, Performative performative) {
        int start = out.size();
        int size = writer.writeFrame(out, FrameType.AMQP, channel, performative);
        frameWritten(channel, performative, start, size, 0);
    }

    private void writeEmptyFrame() {
        int start = out.size();
        int size = writer.writeEmptyFrame(out, 0);
        frameWritten(0, null, start, size, 0);
    }

    void frameWritten(int channel, Described body, int start, int size, int payloadSize) {
        sentSinceTick = true;
        if (events.enabled()) {
            byte[] raw = null;
            if (events.rawBytesWanted()) {
                raw = new byte[size];
                System.arraycopy(out.array(), start, raw, 0, size);
            }
            events.emit(new EngineEvent.FrameSent(events.now(), channel, body, payloadSize, size, raw));
        }
    }

    /**
     * Transfers, one frame at a time, round robin over the sessions (and within each over its links), so that
     * large deliveries do not hold up the others; then drains and window flows.
     */
    private void writeTransfers() {
        if (!mayWrite()) {
            return;
        }
        while (out.size() < options.outputHighWater()) {
            int n = sessions.size();
            boolean wrote = false;
            for (int i = 0; i < n && !wrote; i++) {
                int index = (sessionCursor + i) % n;
                if (sessions.get(index).writeNextTransfer()) {
                    sessionCursor = (index + 1) % n;
                    wrote = true;
                }
            }
            if (!wrote) {
                break;
            }
        }
        // Neither of these loops can end a session: index loops, no copy.
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).afterTransfers();
        }
    }

    private void flushDispositions() {
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).flushDispositions();
        }
    }

    // ---- entry and exit of every public call

    void enter() {
        depth++;
    }

    /** Leaving the outermost call: write what the call made possible, and push output in push mode. */
    void exit() {
        if (depth > 1) {
            depth--;
            return;
        }
        try {
            writeTransfers();
            if (outputConsumer != null) {
                flushDispositions();
            }
            while (outputConsumer != null && out.size() > 0) {
                ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray());
                out.reset();
                outputConsumer.accept(bytes);
                writeTransfers();
            }
        } finally {
            depth--;
        }
    }

    // ---- channels

    int allocateChannel(Session session) {
        int max = localOpen.channelMaxOrDefault();
        if (remoteOpen != null) {
            max = Math.min(max, remoteOpen.channelMaxOrDefault());
        }
        for (int channel = 0; channel <= max; channel++) {
            if (!localChannels.containsKey(channel)) {
                localChannels.put(channel, session);
                return channel;
            }
        }
        throw new IllegalStateException("no free channel up to channel-max " + max);
    }

    void releaseChannel(int channel) {
        localChannels.remove(channel);
    }

    void remoteChannelEnded(int channel) {
        remoteChannels.remove(channel);
        endedRemoteChannels.add(channel);
    }

    /** Ended at both ends: the channel is free for a new session. */
    void sessionFinished(Session session) {
        localChannels.remove(session.localChannel, session);
        sessions.remove(session);
        if (sessionCursor >= sessions.size()) {
            sessionCursor = 0;
        }
    }

    private void updateState(ErrorCondition error) {
        EndpointState next = EndpointState.of(local, remote);
        if (next != state) {
            state = next;
            if (events.enabled()) {
                events.emit(new EngineEvent.ConnectionStateChanged(events.now(), next, error));
            }
        }
    }

    private static String name(Performative performative) {
        return performative.compositeType().name();
    }

    @Override
    public String toString() {
        return "Connection[" + (initiator ? "initiator" : "acceptor") + ", " + state + "]";
    }
}
