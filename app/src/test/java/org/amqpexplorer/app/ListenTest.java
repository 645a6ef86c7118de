package org.amqpexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.transport.Listener;
import org.amqpexplorer.protocol.transport.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code listen} (the built-in peer) with {@code send} and {@code receive} against it, all through main. */
class ListenTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String TYPED = """
            {"header":{"priority":9},"properties":{"messageId":{"uuid":"f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},"groupSequence":4},\
            "applicationProperties":{"big":{"ulong":"18446744073709551615"},"f":{"float":0.5}},\
            "body":{"amqpSequence":[[{"symbol":"a"},{"array":{"type":"int","values":[1,2,3]}}],[{"null":null}]]}}""";

    @TempDir
    Path dir;
    private Cli.Started listener;

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.cli().interruption.request();
            listener.exit().get(10, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code listen --port 0 …} and returns the port it printed. */
    private int listen(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("listen", "--port", "0"));
        args.addAll(List.of(more));
        listener = Cli.start(args.toArray(String[]::new));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.cli().lines().isEmpty() && System.nanoTime() < end && !listener.exit().isDone()) Thread.sleep(10);
        List<String> lines = listener.cli().lines();
        assertEquals(1, lines.size(), listener.cli()::toString);
        Matcher m = LISTENING.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        return Integer.parseInt(m.group(1));
    }

    @Test
    void sendAndReceiveThroughTheBuiltInPeerInEachSettleMode() throws Exception {
        Path trace = dir.resolve("peer-trace.jsonl");
        int port = listen("--trace", trace.toString());
        String url = "amqp://127.0.0.1:" + port;
        for (DeliveryGuarantee g : DeliveryGuarantee.values()) {
            String address = "q-" + g.text();
            Cli send = Cli.run("send", "--url", url, "--address", address, "--message", TYPED, "--count", "3", "--settle", g.text());
            assertEquals(0, send.exitCode, send::toString);
            Cli receive = Cli.run("receive", "--url", url, "--address", address, "--count", "3", "--credit", "2",
                    "--settle", g.text(), "--timeout", "10");
            assertEquals(0, receive.exitCode, receive::toString);
            assertEquals(3, receive.lines().size());
            for (String line : receive.lines()) {
                assertEquals(TypedJson.readMessage(TYPED), TypedJson.readMessage(line));
                assertEquals(g == DeliveryGuarantee.AT_MOST_ONCE, json(line).get("delivery").get("settled").asBoolean(), line);
            }
        }
        // nothing left behind: a receive with a short timeout finds no message
        Cli empty = Cli.run("receive", "--url", url, "--address", "q-at-least-once", "--count", "1", "--timeout", "0.3");
        assertEquals(1, empty.exitCode);
        assertEquals("error: only 0 of 1 messages arrived within 0.3 s\n", empty.err());

        listener.cli().interruption.request();
        assertEquals(0, listener.exit().get(10, TimeUnit.SECONDS));
        assertEquals(1, listener.cli().lines().size(), "exactly one line on standard output");
        listener = null;
        List<JsonNode> lines = Files.readAllLines(trace).stream().map(ListenTest::json).toList();
        assertEquals(7, lines.stream().map(l -> l.get("connection").asLong()).distinct().count(), "every connection traced");
        assertTrue(lines.stream().anyMatch(l -> "transfer".equals(l.path("performative").asText())
                && "sent".equals(l.get("direction").asText())));
        assertTrue(lines.stream().allMatch(l -> l.has("time") && l.has("direction")));
    }

    @Test
    void withUsersAuthenticationIsRequired() throws Exception {
        int port = listen("--user", "alice:s3cret:with:colons", "--user", "bob:pw");
        Cli right = Cli.run("send", "--url", "amqp://alice:s3cret%3Awith%3Acolons@127.0.0.1:" + port, "--address", "q");
        assertEquals(0, right.exitCode, right::toString);
        Cli scram = Cli.run("send", "--url", "amqp://bob:pw@127.0.0.1:" + port + "?sasl=SCRAM-SHA-256", "--address", "q");
        assertEquals(0, scram.exitCode, scram::toString);
        Cli wrong = Cli.run("send", "--url", "amqp://alice:guess@127.0.0.1:" + port, "--address", "q");
        assertEquals(1, wrong.exitCode);
        assertTrue(wrong.err().startsWith("error: ") && wrong.err().contains("wrong user name or password"), wrong::toString);
        assertFalse(wrong.err().contains("guess"));
        Cli anonymous = Cli.run("receive", "--url", "amqp://127.0.0.1:" + port, "--address", "q", "--count", "1");
        assertEquals(1, anonymous.exitCode);
        assertTrue(anonymous.err().startsWith("error: "), anonymous::toString);
        assertEquals(1, anonymous.err().lines().count(), anonymous::toString);
    }

    @Test
    void tlsWithAPkcs12KeyStore(@TempDir Path certs) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        Path keyStore = TestCertificates.keyStore(certs, "server", TestCertificates.issue(ca, "server", "localhost"), ca);
        Path trust = TestCertificates.pem(certs, "ca", ca.certificate());
        int port = listen("--tls-keystore", keyStore.toString(), "--tls-password", new String(TestCertificates.PASSWORD));
        Cli send = Cli.run("send", "--url", "amqps://localhost:" + port, "--address", "q", "--trust-store", trust.toString());
        assertEquals(0, send.exitCode, send::toString);
        Cli receive = Cli.run("receive", "--url", "amqps://localhost:" + port, "--address", "q", "--count", "1",
                "--trust-store", trust.toString());
        assertEquals(0, receive.exitCode, receive::toString);
        Cli plain = Cli.run("send", "--url", "amqp://localhost:" + port, "--address", "q", "--timeout", "5");
        assertEquals(1, plain.exitCode, plain::toString);
        assertTrue(plain.err().startsWith("error: "), plain::toString);
    }

    @Test
    void listenProblemsAreReported() throws Exception {
        try (Listener taken = Listener.open("127.0.0.1", 0, s -> { })) {
            Cli busy = Cli.run("listen", "--port", String.valueOf(taken.port()));
            assertEquals(1, busy.exitCode);
            assertTrue(busy.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.port() + ": the address is already in use"),
                    busy::toString);
            assertEquals("", busy.out.toString());
        }
        Cli noPassword = Cli.run("listen", "--user", "alice");
        assertEquals(2, noPassword.exitCode);
        assertTrue(noPassword.err().startsWith("--user wants NAME:PASSWORD, not 'alice' alone"), noPassword::toString);
        Cli half = Cli.run("listen", "--tls-keystore", "x.p12");
        assertEquals(2, half.exitCode);
        assertTrue(half.err().contains("--tls-password"), half::toString);
        assertTrue(half.err().contains("Usage: amqp-explorer listen"), half::toString);
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");
        Cli bad = Cli.run("listen", "--tls-keystore", junk.toString(), "--tls-password", "pw");
        assertEquals(2, bad.exitCode);
        assertTrue(bad.err().startsWith("--tls-keystore " + junk + ": cannot read it as PKCS12 with that password"), bad::toString);
        Cli port = Cli.run("listen", "--port", "70000");
        assertEquals(2, port.exitCode);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
