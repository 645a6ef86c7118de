package org.amqpexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.junit.jupiter.api.Test;

/**
 * The program as separate processes: {@code listen}, and {@code receive} without a count, both stop on SIGTERM
 * by closing their connections cleanly and exiting 0.
 */
class SignalTest {

    /** {@code java -cp <the test class path> org.amqpexplorer.app.Main args…} */
    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** SIGTERM (Process.destroy() would also close our ends of its pipes), then its exit code and standard error. */
    private static String terminate(Process p) throws Exception {
        p.toHandle().destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() + " " + err;
    }

    @Test
    void sigtermStopsListenAndReceiveCleanlyWithExitZero() throws Exception {
        Process listen = start("listen", "--port", "0");
        Process receive = null;
        try {
            BufferedReader listenOut = stdout(listen);
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(listenOut.readLine()));
            assertTrue(m.matches());
            String url = "amqp://127.0.0.1:" + m.group(1);
            Message message = Message.of(Body.value(new StringValue("before the signal")));
            Cli send = Cli.run("send", "--url", url, "--address", "q", "--message", TypedJson.write(message));
            assertEquals(0, send.exitCode, send::toString);

            receive = start("receive", "--url", url, "--address", "q");
            String line = stdout(receive).readLine();
            assertNotNull(line);
            assertEquals(message, TypedJson.readMessage(line));
            // The receiver closes with AMQP's close: the peer reports nothing on standard error.
            assertEquals("0 ", terminate(receive));
            assertEquals("0 ", terminate(listen));
            assertEquals(null, listenOut.readLine(), "exactly one line on standard output");
        } finally {
            listen.destroyForcibly();
            if (receive != null) receive.destroyForcibly();
        }
    }
}
