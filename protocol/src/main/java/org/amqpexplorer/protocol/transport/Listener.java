package org.amqpexplorer.protocol.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Consumer;

/**
 * Accepts TCP connections on one port and hands each socket over (typically to {@link Transport#serve}).
 * One thread accepts; nothing it does for one client can stop it serving the next.
 */
public final class Listener implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final Consumer<Socket> acceptor;
    private final Thread thread;
    private volatile boolean closed;

    private Listener(ServerSocket serverSocket, Consumer<Socket> acceptor) {
        this.serverSocket = serverSocket;
        this.acceptor = acceptor;
        this.thread = Thread.ofPlatform().daemon().name("amqp listener " + serverSocket.getLocalPort()).unstarted(this::run);
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts accepting.
     *
     * @throws TransportException if the address cannot be bound (in use, not local, no permission)
     */
    public static Listener open(String host, int port, Consumer<Socket> acceptor) throws TransportException {
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (IOException e) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new TransportException("cannot listen on " + host + ":" + port + ": " + reason(e));
        }
        Listener l = new Listener(s, acceptor);
        l.thread.start();
        return l;
    }

    /** The host as bound. */
    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    /** The port as bound (the real one when 0 was asked for). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // the socket is unusable either way
        }
    }

    private void run() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                continue; // one failed accept (e.g. a client that reset at once) does not stop the listener
            }
            try {
                socket.setTcpNoDelay(true);
                acceptor.accept(socket);
            } catch (IOException | RuntimeException e) {
                try {
                    socket.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
        }
    }

    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("in use")) return "the address is already in use (another program listens there; choose another port or 0)";
        if (m.contains("assign requested address")) return "the host is not an address of this machine";
        if (m.contains("ermission")) return "permission denied (ports below 1024 need privileges)";
        return m;
    }
}
