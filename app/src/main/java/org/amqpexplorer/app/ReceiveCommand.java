package org.amqpexplorer.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.amqpexplorer.protocol.client.Await;
import org.amqpexplorer.protocol.client.ClientConnection;
import org.amqpexplorer.protocol.client.ClientException;
import org.amqpexplorer.protocol.client.ClientReceiver;
import org.amqpexplorer.protocol.client.ClientSession;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.client.ReceivedMessage;
import org.amqpexplorer.protocol.transport.ClientOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code receive}: attach a receiving link and print each message as one line of typed JSON as it arrives,
 * then settle it. A line is written and flushed before its message is accepted, so a message is never accepted
 * unprinted; if standard output cannot be written, the message is released instead and the command stops.
 */
@Command(name = "receive", sortOptions = false, description = {
        "Receives messages from ADDRESS and prints them as typed JSON.",
        "Connects, attaches a receiving link and prints every message as one line of typed JSON as it arrives, "
                + "then accepts it (per --settle). Exits 0 after --count messages; with --timeout, exits 1 if fewer "
                + "arrived in time. Without --count it runs until interrupted (SIGINT, SIGTERM), then closes the "
                + "connection and exits 0."})
final class ReceiveCommand implements Callable<Integer> {
    /** How often the wait for a message looks up to see whether a stop was asked for. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long, at most, to wait for the sender to settle what we accepted (exactly-once) before closing. */
    private static final Duration SETTLEMENT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    ConnectOptions peer;

    @Option(names = "--address", required = true, paramLabel = "ADDRESS", description = "the node to receive from")
    String address;

    @Option(names = "--count", paramLabel = "N", description = "exit 0 after this many messages (default: run until interrupted)")
    Long count;

    @Option(names = "--credit", paramLabel = "N", defaultValue = "100",
            description = "link credit kept granted, topped up as messages arrive (default: ${DEFAULT-VALUE})")
    int credit;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Converters.Seconds.class,
            description = "stop after this many seconds; exit 1 if fewer than --count messages arrived by then")
    Duration timeout;

    @Option(names = "--settle", paramLabel = "MODE", defaultValue = "at-least-once", converter = Converters.Guarantee.class,
            description = "at-most-once, at-least-once or exactly-once (default: ${DEFAULT-VALUE})")
    DeliveryGuarantee guarantee;

    @Mixin
    TraceOption trace;

    private Deadline deadline;
    private long received;

    @Override
    public Integer call() {
        if (count != null && count < 1) throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        if (credit < 1) throw new ParameterException(spec.commandLine(), "--credit must be at least 1, not " + credit);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClientOptions options = peer.clientOptions(spec, err);
        main.interruption.watch();
        deadline = Deadline.in(timeout);
        return Commands.withTrace(trace.file, err, traceFile -> {
            ClientConnection connection = ClientConnection.connect(peer.url, options, Commands.observers(traceFile));
            String failure;
            try {
                failure = receive(connection, out, err);
            } catch (ClientException e) {
                failure = e.getMessage();
            }
            return Commands.finish(connection, failure, err);
        });
    }

    /** Null if all went as asked, else what did not. */
    private String receive(ClientConnection connection, PrintWriter out, PrintWriter err) {
        Await.result(connection.opened(), deadline.atMost(Commands.SETUP), "open from the peer");
        ClientSession session = Await.result(connection.begin(), deadline.atMost(Commands.SETUP), "begin from the peer");
        ClientReceiver receiver = Await.result(session.attachReceiver(address, guarantee, credit, count == null ? 0 : count),
                deadline.atMost(Commands.SETUP), "attach from the peer");
        List<CompletableFuture<Void>> settling = new ArrayList<>();
        while (count == null || received < count) {
            if (main.interruption.isRequested()) break;
            if (deadline.hasPassed()) break;
            ReceivedMessage m = receiver.receive(deadline.atMost(POLL));
            if (m == null) continue;
            MessageLine line = MessageLine.of(m);
            out.println(line.json());
            out.flush();
            if (out.checkError()) {
                m.release();
                return "cannot write to standard output; the last message was released";
            }
            if (line.warning() != null) {
                err.println("warning: " + line.warning());
                err.flush();
            }
            settling.add(m.accept());
            settling.removeIf(f -> f.isDone() && !f.isCompletedExceptionally());
            received++;
        }
        awaitSettlement(settling);
        if (count != null && received < count) {
            return main.interruption.isRequested()
                    ? "interrupted after " + received + " of " + count + " messages"
                    : "only " + received + " of " + count + " messages arrived within " + Deadline.seconds(timeout);
        }
        return null;
    }

    /** Exactly-once: the sender settles after our outcome; wait for that before closing. */
    private static void awaitSettlement(List<CompletableFuture<Void>> settling) {
        CompletableFuture<Void> all = CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new));
        Await.result(all, SETTLEMENT, "settlement from the sender of " + settling.size() + " accepted messages");
    }
}
