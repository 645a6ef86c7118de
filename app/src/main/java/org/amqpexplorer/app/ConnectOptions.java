package org.amqpexplorer.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.amqpexplorer.protocol.transport.AmqpUrl;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.transport.TlsOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the commands that connect to a peer: where, and how to trust it. */
final class ConnectOptions {
    @Option(names = "--url", required = true, paramLabel = "URL", converter = Converters.Url.class,
            description = "amqp://[USER[:PASSWORD]@]HOST[:PORT] or amqps://... (TLS with certificate and host-name checks)")
    AmqpUrl url;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "amqps: trust the certificates in this PEM file or PKCS12 store instead of the JDK's")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PASSWORD", description = "the PKCS12 trust store's password")
    String trustStorePassword;

    @Option(names = "--insecure",
            description = "amqps: trust any certificate and any host name (never the default; says so on standard error)")
    boolean insecure;

    /**
     * How to reach the peer. Warns on {@code err} when checks are off.
     *
     * @throws ParameterException if the TLS options do not fit the URL
     */
    ClientOptions clientOptions(CommandSpec spec, PrintWriter err) {
        ClientOptions options = ClientOptions.of(url);
        if (trustStore == null && !insecure && trustStorePassword == null) return options;
        if (!url.tls()) {
            throw new ParameterException(spec.commandLine(), "--trust-store and --insecure apply to amqps:// URLs only");
        }
        if (trustStore != null && insecure) {
            throw new ParameterException(spec.commandLine(), "--trust-store and --insecure contradict each other: choose one");
        }
        if (trustStorePassword != null && trustStore == null) {
            throw new ParameterException(spec.commandLine(), "--trust-store-password needs --trust-store");
        }
        TlsOptions tls = TlsOptions.DEFAULT;
        if (trustStore != null) {
            if (!Files.isReadable(trustStore)) {
                throw new ParameterException(spec.commandLine(), "--trust-store " + trustStore + ": no such readable file");
            }
            tls = tls.withTrustStore(trustStore, trustStorePassword == null ? null : trustStorePassword.toCharArray());
        }
        if (insecure) {
            tls = tls.withInsecure(true);
            err.println("warning: --insecure: the peer's certificate and host name are not checked");
            err.flush();
        }
        return options.withTls(tls);
    }
}
