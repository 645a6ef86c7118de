package org.amqpexplorer.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.amqpexplorer.protocol.client.Await;
import org.amqpexplorer.protocol.client.ClientConnection;
import org.amqpexplorer.protocol.client.ClientException;
import org.amqpexplorer.protocol.client.ClientSender;
import org.amqpexplorer.protocol.client.ClientSession;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.client.DeliveryOutcome;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.transport.ClientOptions;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code send}: attach a sending link and send messages, exiting 0 only if every one was accepted. */
@Command(name = "send", sortOptions = false, description = {
        "Sends messages to ADDRESS.",
        "Connects, attaches a sending link and sends the message(s) --count times. Exits 0 only when every "
                + "message was sent and (unless at-most-once) settled with the accepted outcome; otherwise names the "
                + "outcome or the error on standard error and exits 1."})
final class SendCommand implements Callable<Integer> {
    static final Message DEFAULT_MESSAGE = Message.of(Body.value(new StringValue("hello")));
    /** Deliveries sent and not yet settled, at most: a large --count does not queue everything at once. */
    private static final int IN_FLIGHT = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions peer;

    @Option(names = "--address", required = true, paramLabel = "ADDRESS", description = "the node to send to")
    String address;

    static final class MessageChoice {
        @Option(names = "--message", paramLabel = "JSON", converter = Converters.InlineMessage.class,
                description = "the message in typed JSON (default: an amqp-value string body \"hello\")")
        Converters.Messages inline;

        @Option(names = "--message-file", paramLabel = "FILE", converter = Converters.MessageFile.class,
                description = "a file of one message in typed JSON, or JSON Lines of several (sent in order)")
        Converters.Messages file;
    }

    @ArgGroup(exclusive = true)
    MessageChoice message;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "how many times to send the message(s) (default: ${DEFAULT-VALUE})")
    long count;

    @Option(names = "--settle", paramLabel = "MODE", defaultValue = "at-least-once", converter = Converters.Guarantee.class,
            description = "at-most-once, at-least-once or exactly-once (default: ${DEFAULT-VALUE})")
    DeliveryGuarantee guarantee;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Converters.Seconds.class,
            description = "give up (exit 1) if not done in this many seconds (default: no limit)")
    Duration timeout;

    @Mixin
    TraceOption trace;

    private Deadline deadline;

    @Override
    public Integer call() {
        if (count < 1) throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        PrintWriter err = spec.commandLine().getErr();
        List<Message> messages = message == null ? List.of(DEFAULT_MESSAGE)
                : (message.inline != null ? message.inline : message.file).list();
        ClientOptions options = peer.clientOptions(spec, err);
        deadline = Deadline.in(timeout);
        return Commands.withTrace(trace.file, err, traceFile -> {
            ClientConnection connection = ClientConnection.connect(peer.url, options, Commands.observers(traceFile));
            String failure;
            try {
                failure = sendAll(connection, messages);
            } catch (ClientException e) {
                failure = e.getMessage();
            }
            return Commands.finish(connection, failure, err);
        });
    }

    /** Null if every message ended well, else what went wrong first. */
    private String sendAll(ClientConnection connection, List<Message> messages) {
        Await.result(connection.opened(), deadline.atMost(Commands.SETUP), "open from the peer");
        ClientSession session = Await.result(connection.begin(), deadline.atMost(Commands.SETUP), "begin from the peer");
        ClientSender sender = Await.result(session.attachSender(address, guarantee), deadline.atMost(Commands.SETUP),
                "attach from the peer");
        long total = count * messages.size();
        ArrayDeque<CompletableFuture<DeliveryOutcome>> inFlight = new ArrayDeque<>();
        long settled = 0;
        for (long i = 0; i < total; i++) {
            if (inFlight.size() >= IN_FLIGHT) {
                String problem = outcome(inFlight.poll(), ++settled, total);
                if (problem != null) return problem;
            }
            inFlight.add(sender.send(messages.get((int) (i % messages.size()))));
        }
        while (!inFlight.isEmpty()) {
            String problem = outcome(inFlight.poll(), ++settled, total);
            if (problem != null) return problem;
        }
        return null;
    }

    private String outcome(CompletableFuture<DeliveryOutcome> f, long number, long total) {
        DeliveryOutcome o;
        try {
            o = Await.result(f, deadline.isSet() ? deadline.atMost(Duration.ofDays(1)) : null, "outcome");
        } catch (ClientException e) {
            if (deadline.hasPassed()) {
                return "only " + (number - 1) + " of " + total + " messages were settled within " + Deadline.seconds(timeout);
            }
            throw e;
        }
        if (o.isSuccess()) return null;
        return "message " + number + (total > 1 ? " of " + total : "") + " was " + o.describe();
    }
}
