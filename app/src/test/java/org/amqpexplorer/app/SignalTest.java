package org.amqpexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.client.TestBroker;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.transport.TransportEvent;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.junit.jupiter.api.Test;

/** The program as a separate process: SIGTERM stops a command that runs until interrupted, cleanly, with exit 0. */
class SignalTest {

    /** {@code java -cp <the test class path> org.amqpexplorer.app.Main args…} */
    static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    @Test
    void sigtermClosesTheConnectionAndExitsZero() throws Exception {
        try (TestBroker broker = new TestBroker(ServerOptions.ANONYMOUS)) {
            Message m = Message.of(Body.value(new StringValue("before the signal")));
            broker.put("q", m.toBytes());
            Process p = start("receive", "--url", "amqp://127.0.0.1:" + broker.port(), "--address", "q");
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertNotNull(line);
                assertEquals(m, TypedJson.readMessage(line));
                p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our ends of its pipes
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), err);
                assertEquals("", err);
                // The broker saw the connection closed with AMQP's close, not just the socket going away.
                Thread.sleep(100);
                assertFalse(broker.events.stream().anyMatch(e -> e instanceof TransportEvent.Failed), broker.events::toString);
                assertEquals(0, broker.depth("q"), "the message was accepted");
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
