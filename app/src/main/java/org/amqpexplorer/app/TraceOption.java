package org.amqpexplorer.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --trace FILE}, on every command that speaks AMQP. */
final class TraceOption {
    @Option(names = "--trace", paramLabel = "FILE",
            description = "write every frame sent and received (and the protocol headers) to FILE as JSON Lines")
    Path file;
}
