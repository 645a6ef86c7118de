package org.amqpexplorer.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.amqpexplorer.protocol.peer.Peer;
import org.amqpexplorer.protocol.peer.PeerEvent;
import org.amqpexplorer.protocol.peer.PeerObserver;
import org.amqpexplorer.protocol.peer.PeerOptions;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.amqpexplorer.protocol.transport.TlsOptions;
import org.amqpexplorer.protocol.transport.TransportException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code listen}: the built-in peer, headless. Prints {@code listening on HOST:PORT} once it accepts
 * connections, serves until SIGINT or SIGTERM, then closes every connection and exits 0. Connections that end
 * with an error are reported on standard error, one line each.
 */
@Command(name = "listen", sortOptions = false, description = {
        "Runs the built-in peer: every address is an in-memory queue.",
        "Prints 'listening on HOST:PORT' when ready, serves until interrupted (SIGINT, SIGTERM), then closes "
                + "every connection and exits 0. With --user, SASL PLAIN or SCRAM-SHA-256 is required and checked "
                + "against those users; without, ANONYMOUS is accepted. With --tls-keystore it speaks TLS from "
                + "the first byte (amqps://)."})
final class ListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5672",
            description = "the TCP port (default: ${DEFAULT-VALUE}; 0 for any free port)")
    int port;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD",
            description = "a user SASL accepts (repeatable); with none, anyone may connect with ANONYMOUS")
    List<String> users = List.of();

    static final class Tls {
        @Option(names = "--tls-keystore", paramLabel = "FILE", required = true,
                description = "speak TLS with the certificate and key in this PKCS12 file")
        Path keyStore;

        @Option(names = "--tls-password", paramLabel = "PASSWORD", required = true, description = "the key store's password")
        String password;
    }

    @ArgGroup(exclusive = false)
    Tls tls;

    @Mixin
    TraceOption trace;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 0xFFFF) throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        PeerOptions options = PeerOptions.DEFAULT.withAddress(host, port);
        if (!users.isEmpty()) options = options.withUsers(SaslUsers.of(users()));
        if (tls != null) {
            char[] password = tls.password.toCharArray();
            checkKeyStore(tls.keyStore, password);
            options = options.withTls(TlsOptions.DEFAULT.withKeyStore(tls.keyStore, password), true);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        main.interruption.watch();
        PeerOptions chosen = options;
        return Commands.withTrace(trace.file, err, traceFile -> serve(chosen, traceFile, out, err));
    }

    private int serve(PeerOptions options, TraceFile traceFile, PrintWriter out, PrintWriter err) {
        PeerObserver report = event -> {
            switch (event) {
                case PeerEvent.ConnectionAccepted a when traceFile != null ->
                        a.connection().addObserver(traceFile.connection(a.connectionId()));
                case PeerEvent.ConnectionClosed c when c.reason() != null && !main.interruption.isRequested() -> {
                    synchronized (err) {
                        err.println("connection " + c.connectionId() + " ended: " + c.reason());
                        err.flush();
                    }
                }
                default -> { }
            }
        };
        Peer peer;
        try {
            peer = Peer.start(options, report);
        } catch (TransportException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        try {
            String shown = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
            out.println("listening on " + shown + ":" + peer.port());
            out.flush();
            main.interruption.requested().join();
        } finally {
            peer.close();
        }
        return 0;
    }

    /** NAME:PASSWORD pairs (the password may hold colons), each name once. */
    private Map<String, String> users() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String u : users) {
            int colon = u.indexOf(':');
            if (colon <= 0) {
                String name = colon < 0 ? u : "";
                throw new ParameterException(spec.commandLine(), "--user wants NAME:PASSWORD"
                        + (name.isEmpty() ? " with a name" : ", not '" + name + "' alone"));
            }
            String name = u.substring(0, colon);
            if (byName.put(name, u.substring(colon + 1)) != null) {
                throw new ParameterException(spec.commandLine(), "--user " + name + " is given twice");
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Reads the key store now, so that a wrong file or password is a clear error here, not a failed handshake later. */
    private void checkKeyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) return;
            }
            throw new ParameterException(spec.commandLine(), "--tls-keystore " + file + " holds no private key");
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--tls-keystore " + file + ": no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw new ParameterException(spec.commandLine(), "--tls-keystore " + file
                    + ": cannot read it as PKCS12 with that password (" + e.getMessage() + ")");
        }
    }
}
