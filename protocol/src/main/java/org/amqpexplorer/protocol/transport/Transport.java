package org.amqpexplorer.protocol.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.engine.Connection;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineObserver;
import org.amqpexplorer.protocol.frame.FramingException;
import org.amqpexplorer.protocol.frame.ProtocolHeader;
import org.amqpexplorer.protocol.sasl.SaslClient;
import org.amqpexplorer.protocol.sasl.SaslServer;

/**
 * Drives one engine {@link Connection} over one socket: TCP, optionally TLS, optionally SASL, then AMQP.
 *
 * <p>One thread owns the connection (rule 2 of the architecture): it runs every engine call, the commands
 * other threads {@link Connection#post post}, the engine's timers, and the socket writes. A second thread only
 * reads the socket and hands the bytes over; it stops reading while the engine has not caught up
 * ({@link #MAX_UNREAD_BYTES}) or while reading is {@linkplain #pauseReading paused}, so a fast peer meets TCP
 * back-pressure, not a growing heap. Problems end as a {@link TransportEvent.Failed} with a reason for people.
 */
public final class Transport {
    /** Bytes read from the socket but not yet given to the engine, at most. */
    public static final int MAX_UNREAD_BYTES = 4 * 1024 * 1024;
    private static final int READ_CHUNK = 64 * 1024;

    private final Connection engine;
    private final Consumer<TransportEvent> listener;
    private final ClientOptions client;
    private final ServerOptions server;
    private final String name;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean signalled;
    private final Semaphore unread = new Semaphore(MAX_UNREAD_BYTES);
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean stopping;
    /** This end closed the socket: the reader's error that follows is expected, not a failure. */
    private volatile boolean socketClosed;

    private volatile Socket socket;
    private OutputStream out;
    private final Encoder saslOut = new Encoder(512);
    private SaslLayer sasl;
    private long saslDeadline;
    private boolean inputEnded;
    private long closeSentAt;
    private String failure;
    private final FrameGate inGate = new FrameGate();
    private final FrameGate outGate = new FrameGate();
    /** Outgoing frames released from step mode, written at the next flush. */
    private final List<byte[]> released = new java.util.ArrayList<>();
    private boolean pausedForHeld;

    /** The two directions of a connection, for step mode. */
    public enum Direction { INCOMING, OUTGOING }

    private Transport(Connection engine, ClientOptions client, ServerOptions server, Socket accepted,
                      Consumer<TransportEvent> listener, String name) {
        this.engine = engine;
        this.client = client;
        this.server = server;
        this.socket = accepted;
        this.listener = listener;
        this.name = name;
        engine.wakeup(this::wake);
    }

    /**
     * Connects to a peer on a new thread and drives {@code engine} there; returns at once. The caller opens the
     * connection by posting {@code engine.open(…)} (it may do so at once: output waits until SASL is done).
     */
    public static Transport connect(ClientOptions options, Connection engine, Consumer<TransportEvent> listener,
                                    EngineObserver... observers) {
        Transport t = new Transport(engine, options, null, null, listener, options.host() + ":" + options.port());
        for (EngineObserver o : observers) engine.addObserver(o, true);
        t.start();
        return t;
    }

    /** Serves a socket a listener accepted, on a new thread; returns at once. */
    public static Transport serve(Socket accepted, ServerOptions options, Connection engine,
                                  Consumer<TransportEvent> listener, EngineObserver... observers) {
        Transport t = new Transport(engine, null, options, accepted, listener,
                String.valueOf(accepted.getRemoteSocketAddress()));
        for (EngineObserver o : observers) engine.addObserver(o, true);
        t.start();
        return t;
    }

    public Connection engine() {
        return engine;
    }

    /** Stops (or resumes) reading the socket, so the peer meets back-pressure. Thread-safe. */
    public void pauseReading(boolean pause) {
        synchronized (pauseLock) {
            paused = pause;
            pauseLock.notifyAll();
        }
    }

    public boolean isReadingPaused() {
        return paused;
    }

    /** Closes the socket at once, without an AMQP close (use the engine's close for a clean one). Thread-safe. */
    public void shutdown() {
        stopping = true;
        closeSocket();
        wake();
    }

    // ---- step mode: hold frames and release them one at a time (all thread-safe; the work runs on the owner)

    /**
     * Starts or stops holding frames in one direction (from the next frame boundary). Incoming frames are held
     * before the engine sees them, outgoing ones after it wrote them, so each released frame's effect on windows
     * and credit shows before the next. Stopping does not release what is held.
     */
    public void hold(Direction direction, boolean on) {
        engine.post(() -> {
            gate(direction).hold(on);
            heldChanged();
        });
    }

    /** Lets the oldest held frame of one direction through. */
    public void releaseOne(Direction direction) {
        engine.post(() -> {
            byte[] unit = gate(direction).releaseOne();
            if (unit != null) pass(direction, List.of(unit));
            heldChanged();
        });
    }

    /** Lets every held frame of one direction through, in order. */
    public void releaseAll(Direction direction) {
        engine.post(() -> {
            pass(direction, gate(direction).releaseAll());
            heldChanged();
        });
    }

    private FrameGate gate(Direction d) {
        return d == Direction.INCOMING ? inGate : outGate;
    }

    /** On the owner thread: hands released units to the engine (incoming) or the socket (outgoing, at flush). */
    private void pass(Direction d, List<byte[]> units) {
        if (d == Direction.INCOMING) {
            for (byte[] u : units) engine.feed(u, 0, u.length);
        } else {
            for (byte[] u : units) released.add(u);
        }
    }

    private void heldChanged() {
        // Holding incoming frames must not become an unbounded heap: stop reading while much is held.
        boolean tooMuch = inGate.heldBytes() > MAX_UNREAD_BYTES;
        if (tooMuch != pausedForHeld) {
            pausedForHeld = tooMuch;
            pauseReading(tooMuch);
        }
        listener.accept(new TransportEvent.Held(inGate.heldCount(), outGate.heldCount(), inGate.peek(), outGate.peek()));
    }

    private void start() {
        Thread.ofPlatform().daemon().name("amqp " + name).start(this::run);
    }

    private void wake() {
        lock.lock();
        try {
            signalled = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            if (client != null) establishClient(); else establishServer();
            Thread.ofVirtual().name("amqp reader " + name).start(this::readLoop);
            loop();
        } catch (TransportException e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = "internal error: " + e;
            throw e;
        } finally {
            closeSocket();
            engine.runPosted();
            boolean closedCleanly = engine.isFinished();
            engine.transportClosed();
            if (failure == null && !closedCleanly && !stopping && inputEnded) {
                failure = sasl != null && !sasl.isDone() ? "the peer closed the connection during SASL"
                        : "the peer closed the socket without closing the AMQP connection";
            }
            if (failure != null) listener.accept(new TransportEvent.Failed(failure));
            listener.accept(new TransportEvent.Closed());
        }
    }

    private void loop() throws TransportException {
        while (true) {
            engine.runPosted();
            if (failure != null) {
                flushQuietly(); // e.g. the SASL outcome that tells the client why
                throw new TransportException(failure);
            }
            long now = System.currentTimeMillis();
            long deadline;
            if (sasl != null && !sasl.isDone()) {
                if (now >= saslDeadline) throw new TransportException("SASL did not finish within " + handshakeTimeout().toSeconds() + " s");
                deadline = saslDeadline;
            } else {
                deadline = engine.tick(now);
            }
            boolean stepping = inGate.isHolding() || outGate.isHolding() || inGate.heldCount() > 0 || outGate.heldCount() > 0;
            if (engine.state() != EndpointState.CLOSE_SENT || stepping) {
                closeSentAt = 0; // in step mode the user decides when frames move: no deadline then
            } else {
                // 2.4.3: we closed and wait for the peer's close, but not for ever (a hostile peer never sends it).
                if (closeSentAt == 0) closeSentAt = now;
                long closeDeadline = closeSentAt + handshakeTimeout().toMillis();
                if (now >= closeDeadline) {
                    flushQuietly();
                    throw new TransportException("the peer did not answer our close within " + handshakeTimeout().toSeconds() + " s");
                }
                deadline = deadline == 0 ? closeDeadline : Math.min(deadline, closeDeadline);
            }
            flush();
            if (engine.isFinished() || inputEnded || stopping) return;
            await(deadline == 0 ? Long.MAX_VALUE : deadline - System.currentTimeMillis());
        }
    }

    private void await(long millis) {
        lock.lock();
        try {
            if (!signalled && millis > 0) signal.await(millis, TimeUnit.MILLISECONDS);
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** Writes what SASL or the engine has produced. AMQP output waits until SASL has succeeded. */
    private void flush() throws TransportException {
        try {
            if (saslOut.size() > 0) {
                out.write(saslOut.array(), 0, saslOut.size());
                saslOut.reset();
            }
            if (sasl == null || sasl.succeeded()) {
                for (byte[] u : released) out.write(u);
                released.clear();
                int before = outGate.heldCount();
                while (engine.hasOutput()) {
                    ByteBuffer b = engine.takeOutput();
                    for (byte[] part : outGate.accept(b.array(), b.arrayOffset() + b.position(), b.remaining())) out.write(part);
                }
                if (outGate.heldCount() != before) heldChanged();
            }
            out.flush();
        } catch (IOException e) {
            if (stopping) return;
            throw new TransportException("writing to " + name + " failed: " + describe(e));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (TransportException e) {
            // the connection is failing already; the first reason is the one reported
        }
    }

    /** On the owner thread: bytes the reader read. */
    private void received(byte[] bytes) {
        unread.release(bytes.length);
        if (failure != null) return;
        int offset = 0;
        try {
            if (sasl != null && !sasl.isDone()) {
                offset = sasl.feed(bytes, 0, bytes.length);
                if (sasl.isDone()) {
                    if (!sasl.succeeded()) {
                        failure = client != null ? sasl.failure() : "authentication failed: " + sasl.failure();
                        return;
                    }
                    listener.accept(new TransportEvent.Authenticated(sasl.mechanism(), sasl.identity()));
                }
            }
            if (offset < bytes.length && (sasl == null || sasl.succeeded())) {
                int before = inGate.heldCount();
                for (byte[] part : inGate.accept(bytes, offset, bytes.length - offset)) engine.feed(part, 0, part.length);
                if (inGate.heldCount() != before) heldChanged();
            }
        } catch (TransportException e) {
            failure = e.getMessage();
        }
    }

    private void readLoop() {
        try {
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[READ_CHUNK];
            while (!stopping) {
                synchronized (pauseLock) {
                    while (paused && !stopping) pauseLock.wait();
                }
                int n = in.read(buf);
                if (n < 0) break;
                byte[] copy = Arrays.copyOf(buf, n);
                unread.acquire(n);
                engine.post(() -> received(copy));
            }
        } catch (IOException e) {
            if (!stopping && !socketClosed) {
                String reason = "reading from " + name + " failed: " + describe(e);
                engine.post(() -> failure = failure == null ? reason : failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engine.post(() -> inputEnded = true);
        }
    }

    // ---- establishing

    private void establishClient() throws TransportException {
        String where = client.host() + ":" + client.port();
        Socket s = new Socket();
        socket = s;
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(client.host(), client.port()), (int) client.connectTimeout().toMillis());
            if (client.tls() != null) {
                SSLContext ctx = TlsContexts.client(client.tls());
                SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(s, client.host(), client.port(), true);
                ssl.setSSLParameters(TlsContexts.clientParameters(ssl.getSSLParameters(), client.tls(), client.host()));
                ssl.setSoTimeout((int) client.connectTimeout().toMillis());
                ssl.startHandshake();
                ssl.setSoTimeout(0);
                socket = ssl;
            }
            out = socket.getOutputStream();
        } catch (UnknownHostException e) {
            throw new TransportException("unknown host '" + client.host() + "': check the name (DNS lookup failed)");
        } catch (SocketTimeoutException e) {
            throw new TransportException("no answer from " + where + " within " + client.connectTimeout().toSeconds()
                    + " s: check the host, the port and any firewall");
        } catch (SSLHandshakeException e) {
            throw new TransportException("TLS with " + where + " failed: " + describeTls(e, client.host()));
        } catch (IOException e) {
            throw new TransportException("cannot connect to " + where + ": " + describe(e));
        }
        listener.accept(connected(client.tls() != null && client.tls().insecure()));
        if (client.sasl() != null) {
            sasl = SaslLayer.client(new SaslClient(client.sasl(), client.saslHostname()), saslOut, engine, System::currentTimeMillis);
            saslDeadline = System.currentTimeMillis() + client.handshakeTimeout().toMillis();
        }
    }

    private void establishServer() throws TransportException {
        try {
            out = socket.getOutputStream();
            if (server.tlsFirst()) startServerTls();
            socket.setSoTimeout((int) server.handshakeTimeout().toMillis());
            while (true) {
                byte[] header = readHeader();
                ProtocolHeader h;
                try {
                    h = ProtocolHeader.parse(header, 0);
                } catch (FramingException e) {
                    refuse();
                    throw new TransportException("the client sent a bad protocol header (" + e.getMessage() + ")");
                }
                if (h == ProtocolHeader.TLS) {
                    if (server.tls() == null || socket instanceof SSLSocket) {
                        refuse();
                        throw new TransportException("the client asked for TLS, which this listener does not offer");
                    }
                    out.write(ProtocolHeader.TLS.toByteArray());
                    out.flush();
                    startServerTls();
                    continue;
                }
                if (h == ProtocolHeader.SASL) {
                    String identity = peerIdentity();
                    sasl = SaslLayer.server(SaslServer.of(server.users(), identity), saslOut, engine, System::currentTimeMillis);
                    saslDeadline = System.currentTimeMillis() + server.handshakeTimeout().toMillis();
                } else if (server.users() != null) {
                    refuse();
                    throw new TransportException("the client skipped SASL, but this listener requires authentication");
                } else {
                    for (byte[] part : inGate.accept(header, 0, header.length)) engine.feed(part, 0, part.length);
                }
                break;
            }
            socket.setSoTimeout(0);
        } catch (SocketTimeoutException e) {
            throw new TransportException("the client sent no protocol header within " + server.handshakeTimeout().toSeconds() + " s");
        } catch (SSLHandshakeException e) {
            throw new TransportException("TLS with the client failed: " + describeTls(e, null));
        } catch (IOException e) {
            throw new TransportException("the client's connection failed: " + describe(e));
        }
        listener.accept(connected(false));
    }

    /** 2.2: a peer that cannot speak what was asked answers with the header it supports, then closes. */
    private void refuse() throws IOException {
        out.write((server.users() != null ? ProtocolHeader.SASL : ProtocolHeader.AMQP).toByteArray());
        out.flush();
    }

    private byte[] readHeader() throws IOException {
        byte[] header = new byte[ProtocolHeader.SIZE];
        InputStream in = socket.getInputStream();
        int n = 0;
        while (n < header.length) {
            int r = in.read(header, n, header.length - n);
            if (r < 0) throw new EOFException("the client closed the connection before sending a protocol header");
            n += r;
            // An HTTP request or other stranger shows itself in the first bytes: answer at once.
            if (!startsLikeAmqp(header, n)) return header; // fails the parse: "AMQP" is not there
        }
        return header;
    }

    private static boolean startsLikeAmqp(byte[] b, int n) {
        byte[] amqp = {'A', 'M', 'Q', 'P'};
        for (int i = 0; i < Math.min(n, 4); i++) if (b[i] != amqp[i]) return false;
        return true;
    }

    private void startServerTls() throws IOException, TransportException {
        SSLContext ctx = TlsContexts.server(server.tls());
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setWantClientAuth(true);
        ssl.setSoTimeout((int) server.handshakeTimeout().toMillis());
        ssl.startHandshake();
        socket = ssl;
        out = ssl.getOutputStream();
    }

    private String peerIdentity() {
        if (socket instanceof SSLSocket ssl) {
            try {
                return ssl.getSession().getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                return null; // no client certificate: EXTERNAL is not offered
            }
        }
        return null;
    }

    private TransportEvent.Connected connected(boolean insecure) {
        String tls = null;
        String peer = null;
        if (socket instanceof SSLSocket ssl) {
            SSLSession session = ssl.getSession();
            tls = session.getProtocol() + " " + session.getCipherSuite();
            try {
                peer = session.getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                peer = null; // a server without client certificates
            }
        }
        return new TransportEvent.Connected(String.valueOf(socket.getLocalSocketAddress()),
                String.valueOf(socket.getRemoteSocketAddress()), tls, peer, insecure);
    }

    private Duration handshakeTimeout() {
        return client != null ? client.handshakeTimeout() : server.handshakeTimeout();
    }

    private void closeSocket() {
        socketClosed = true;
        Socket s = socket;
        if (s == null) return;
        try {
            s.close();
        } catch (IOException e) {
            // closing is best effort: the socket is unusable either way
        }
    }

    // ---- reasons for people

    static String describe(IOException e) {
        if (e instanceof ConnectException) return "connection refused (is the peer running and listening on that port?)";
        if (e instanceof NoRouteToHostException) return "no route to the host (check the network)";
        if (e instanceof EOFException) return e.getMessage();
        if (e instanceof SocketException && String.valueOf(e.getMessage()).contains("reset")) return "the peer reset the connection";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String describeTls(SSLHandshakeException e, String host) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CertificateException ce) {
                String m = String.valueOf(ce.getMessage());
                if (m.contains("No subject alternative") || m.contains("No name matching")) {
                    return "the certificate does not name '" + host + "' (" + m
                            + "); connect by a name it lists, or switch host-name checks off explicitly";
                }
                return "the certificate is not trusted (" + m + "); give a trust store that holds its issuer";
            }
            if (c.getClass().getName().endsWith("CertPathBuilderException")) {
                return "the certificate is not trusted (no path to a trusted issuer); give a trust store that holds its issuer";
            }
        }
        return String.valueOf(e.getMessage());
    }
}
