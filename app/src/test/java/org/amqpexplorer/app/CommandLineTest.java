package org.amqpexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.amqpexplorer.protocol.client.DeliveryGuarantee;
import org.amqpexplorer.protocol.client.TestBroker;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.sasl.SaslUsers;
import org.amqpexplorer.protocol.transport.Listener;
import org.amqpexplorer.protocol.transport.ServerOptions;
import org.amqpexplorer.protocol.transport.TestCertificates;
import org.amqpexplorer.protocol.transport.TlsOptions;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** send and receive end to end, through the program's main, against a small broker over real sockets. */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Typed values of many kinds, to show they go out and come back exactly. */
    private static final String TYPED = """
            {"header":{"durable":true,"priority":7},"properties":{"messageId":{"ulong":42},"to":"q","contentType":"application/json"},\
            "applicationProperties":{"n":{"ubyte":7},"s":"shorthand"},\
            "body":{"amqpValue":{"map":[[{"symbol":"k"},{"list":[{"ushort":65535},{"uuid":"f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},{"binary":"AAEC"},{"timestamp":1700000000000},{"decimal64":"2238000000000001"},{"char":"€"}]}]]}}}""";
    private static final String SECOND = """
            {"messageAnnotations":[[{"symbol":"x-opt-partition"},{"int":3}]],"body":{"data":["aGVsbG8=","d29ybGQ="]}}""";

    @TempDir
    Path dir;
    private TestBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) broker.close();
    }

    private String url() throws Exception {
        broker = new TestBroker(ServerOptions.ANONYMOUS);
        return "amqp://127.0.0.1:" + broker.port();
    }

    @ParameterizedTest
    @EnumSource(DeliveryGuarantee.class)
    void typedMessagesGoOutAndComeBackInEachSettleMode(DeliveryGuarantee guarantee) throws Exception {
        String url = url();
        Path file = Files.writeString(dir.resolve("messages.jsonl"), TYPED + "\n" + SECOND + "\n");
        Cli send = Cli.run("send", "--url", url, "--address", "q", "--message-file", file.toString(), "--count", "2",
                "--settle", guarantee.text());
        assertEquals(0, send.exitCode, send::toString);
        assertEquals("", send.out.toString());
        assertEquals("", send.err());
        for (int i = 0; i < 4; i++) {
            TestBroker.Arrival a = broker.arrivals.poll(10, TimeUnit.SECONDS);
            assertNotNull(a);
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, a.presettled());
            assertEquals(guarantee.receiverSettleMode(), a.receiverSettleMode());
        }

        Cli receive = Cli.run("receive", "--url", url, "--address", "q", "--count", "4", "--credit", "3",
                "--settle", guarantee.text());
        assertEquals(0, receive.exitCode, receive::toString);
        List<String> lines = receive.lines();
        assertEquals(4, lines.size(), receive::toString);
        Message typed = TypedJson.readMessage(TYPED);
        Message second = TypedJson.readMessage(SECOND);
        for (int i = 0; i < 4; i++) {
            assertEquals(i % 2 == 0 ? typed : second, TypedJson.readMessage(lines.get(i)), lines.get(i));
            JsonNode delivery = JSON.readTree(lines.get(i)).get("delivery");
            assertEquals(guarantee == DeliveryGuarantee.AT_MOST_ONCE, delivery.get("settled").asBoolean());
            assertEquals(0, delivery.get("messageFormat").asInt());
            assertTrue(delivery.get("tag").isTextual());
            assertTrue(delivery.get("deliveryId").isIntegralNumber());
        }
        // the exact text of the typed values, as typed-json.md writes them
        assertTrue(lines.get(0).startsWith(TypedJson.write(typed).replaceAll("}$", "")), lines.get(0));
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            for (int i = 0; i < 4; i++) assertNotNull(broker.settledBySender.poll(10, TimeUnit.SECONDS));
        }
        assertEquals(0, broker.depth("q"));
    }

    @Test
    void theDefaultMessageIsAStringBody() throws Exception {
        String url = url();
        assertEquals(0, Cli.run("send", "--url", url, "--address", "q").exitCode);
        Cli receive = Cli.run("receive", "--url", url, "--address", "q", "--count", "1");
        assertEquals(Message.of(Body.value(new StringValue("hello"))), TypedJson.readMessage(receive.lines().get(0)));
    }

    @Test
    void aMessageFileMayHoldOnePrettyPrintedMessage() throws Exception {
        String url = url();
        Path file = Files.writeString(dir.resolve("one.json"), JSON.readTree(TYPED).toPrettyString());
        assertTrue(Files.readAllLines(file).size() > 3);
        assertEquals(0, Cli.run("send", "--url", url, "--address", "q", "--message-file", file.toString()).exitCode);
        Cli receive = Cli.run("receive", "--url", url, "--address", "q", "--count", "1");
        assertEquals(TypedJson.readMessage(TYPED), TypedJson.readMessage(receive.lines().get(0)));

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  \"header\": {\"priority\": 300}\n}\n");
        Cli badPretty = Cli.run("send", "--url", url, "--address", "q", "--message-file", bad.toString());
        assertEquals(2, badPretty.exitCode);
        assertTrue(badPretty.err().startsWith("Invalid value for option '--message-file': " + bad + ": $.header.priority: "),
                badPretty::toString);
        Cli missing = Cli.run("send", "--url", url, "--address", "q", "--message-file", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err().startsWith("Invalid value for option '--message-file': " + dir.resolve("nope") + ": no such file"),
                missing::toString);
    }

    @Test
    void aTimeoutPrintsWhatArrivedThenFails() throws Exception {
        String url = url();
        broker.put("q", Message.of(Body.value(new StringValue("only one"))).toBytes());
        Cli receive = Cli.run("receive", "--url", url, "--address", "q", "--count", "2", "--timeout", "0.5");
        assertEquals(1, receive.exitCode, receive::toString);
        assertEquals(1, receive.lines().size());
        assertEquals("error: only 1 of 2 messages arrived within 0.5 s\n", receive.err());
    }

    @Test
    void withoutACountItRunsUntilInterruptedThenExitsZero() throws Exception {
        String url = url();
        Cli.Started run = Cli.start("receive", "--url", url, "--address", "q");
        broker.put("q", Message.of(Body.value(new StringValue("a"))).toBytes());
        broker.put("q", Message.of(Body.value(new StringValue("b"))).toBytes());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (run.cli().lines().size() < 2 && System.nanoTime() < end) Thread.sleep(10);
        assertEquals(2, run.cli().lines().size(), run.cli()::toString);
        run.cli().interruption.request();
        assertEquals(0, run.exit().get(10, TimeUnit.SECONDS), run.cli()::toString);
        assertEquals("", run.cli().err());
    }

    @Test
    void outcomesOtherThanAcceptedFailWithOneLine() throws Exception {
        String url = url();
        Cli rejected = Cli.run("send", "--url", url, "--address", "reject-all", "--count", "3");
        assertEquals(1, rejected.exitCode);
        assertEquals("error: message 1 of 3 was rejected: amqp:not-allowed: messages to 'reject-all' are refused\n", rejected.err());
        Cli released = Cli.run("send", "--url", url, "--address", "release-me", "--settle", "exactly-once");
        assertEquals("error: message 1 was released\n", released.err());
        Cli modified = Cli.run("send", "--url", url, "--address", "modify-me");
        assertEquals("error: message 1 was modified (delivery-failed=true, undeliverable-here=true)\n", modified.err());
        Cli refused = Cli.run("receive", "--url", url, "--address", "missing-node", "--count", "1");
        assertEquals(1, refused.exitCode);
        assertEquals("error: the peer refused the link to 'missing-node': amqp:not-found: no node 'missing-node'\n", refused.err());
        Cli closed = Cli.run("send", "--url", url, "--address", "close-now");
        assertEquals(1, closed.exitCode);
        assertEquals("error: the peer closed the connection: amqp:resource-limit-exceeded: the broker is full\n", closed.err());
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() throws Exception {
        broker = new TestBroker(new ServerOptions(null, false, SaslUsers.of(Map.of("guest", "right")), ServerOptions.ANONYMOUS.handshakeTimeout()));
        String base = "127.0.0.1:" + broker.port();
        Cli wrong = Cli.run("send", "--url", "amqp://guest:wrong-secret@" + base, "--address", "q");
        assertEquals(1, wrong.exitCode);
        assertTrue(wrong.err().contains("wrong user name or password"), wrong::toString);
        assertEquals(1, wrong.err().lines().count());
        assertFalse(wrong.err().contains("wrong-secret"));
        assertEquals(0, Cli.run("send", "--url", "amqp://guest:right@" + base, "--address", "q").exitCode);
    }

    @Test
    void connectionProblemsAreOneLine() throws Exception {
        Cli unknown = Cli.run("send", "--url", "amqp://no-such-host.invalid", "--address", "q");
        assertEquals(1, unknown.exitCode);
        assertEquals("error: unknown host 'no-such-host.invalid': check the name (DNS lookup failed)\n", unknown.err());
        int port;
        try (Listener l = Listener.open("127.0.0.1", 0, s -> { })) {
            port = l.port();
        }
        Cli refused = Cli.run("receive", "--url", "amqp://127.0.0.1:" + port, "--address", "q", "--count", "1");
        assertEquals(1, refused.exitCode);
        assertEquals("error: cannot connect to 127.0.0.1:" + port
                + ": connection refused (is the peer running and listening on that port?)\n", refused.err());
    }

    @Test
    void wrongCommandLinesGetAReasonAndTheUsage() throws Exception {
        Cli malformed = Cli.run("send", "--url", "amqp://localhost", "--address", "q", "--message",
                "{\"body\":{\"amqpValue\":{\"list\":[{\"int\":1},{\"ubyte\":300}]}}}");
        assertEquals(2, malformed.exitCode);
        assertTrue(malformed.err().startsWith("Invalid value for option '--message': $.body.amqpValue.list[1]: ubyte out of range: 300\n"),
                malformed::toString);
        assertTrue(malformed.err().contains("Usage: amqp-explorer send"));

        Cli notJson = Cli.run("send", "--url", "amqp://localhost", "--address", "q", "--message", "{\"body\": ");
        assertEquals(2, notJson.exitCode);
        assertTrue(notJson.err().startsWith("Invalid value for option '--message': $.body: malformed JSON"), notJson::toString);

        Path file = Files.writeString(dir.resolve("bad.jsonl"), TYPED + "\n{\"header\":{\"priority\":300}}\n");
        Cli badFile = Cli.run("send", "--url", "amqp://localhost", "--address", "q", "--message-file", file.toString());
        assertEquals(2, badFile.exitCode);
        assertTrue(badFile.err().startsWith("Invalid value for option '--message-file': " + file + ": line 2: $.header.priority: "),
                badFile::toString);

        Cli badUrl = Cli.run("send", "--url", "amqp://user:s3cret@host:99999", "--address", "q");
        assertEquals(2, badUrl.exitCode);
        assertTrue(badUrl.err().startsWith("Invalid value for option '--url': bad URL 'amqp://user:***@host:99999': the port 99999"), badUrl::toString);
        assertFalse(badUrl.err().contains("s3cret"));

        Cli unknownOption = Cli.run("receive", "--url", "amqp://localhost", "--address", "q", "--colour");
        assertEquals(2, unknownOption.exitCode);
        assertTrue(unknownOption.err().startsWith("Unknown option: '--colour'"), unknownOption::toString);
        assertTrue(unknownOption.err().contains("Usage: amqp-explorer receive"));

        Cli noUrl = Cli.run("send", "--address", "q");
        assertEquals(2, noUrl.exitCode);
        assertTrue(noUrl.err().startsWith("Missing required option: '--url=URL'"), noUrl::toString);

        Cli settle = Cli.run("send", "--url", "amqp://localhost", "--address", "q", "--settle", "twice");
        assertEquals(2, settle.exitCode);
        assertTrue(settle.err().startsWith("Invalid value for option '--settle': 'twice' is not one of at-most-once, at-least-once, exactly-once"));

        Cli both = Cli.run("send", "--url", "amqp://localhost", "--address", "q", "--message", "{}", "--message-file", file.toString());
        assertEquals(2, both.exitCode);

        Cli count = Cli.run("receive", "--url", "amqp://localhost", "--address", "q", "--count", "0");
        assertEquals(2, count.exitCode);
        assertTrue(count.err().startsWith("--count must be at least 1, not 0"), count::toString);

        Cli insecurePlain = Cli.run("send", "--url", "amqp://localhost", "--address", "q", "--insecure");
        assertEquals(2, insecurePlain.exitCode);
        assertTrue(insecurePlain.err().startsWith("--trust-store and --insecure apply to amqps:// URLs only"));

        Cli unknownCommand = Cli.run("sned");
        assertEquals(2, unknownCommand.exitCode);
        assertFalse(malformed.err().contains("\tat "), "no stack trace");
    }

    @Test
    void theTraceHasEveryHeaderAndFrameWithFieldsByName() throws Exception {
        broker = new TestBroker(new ServerOptions(null, false, SaslUsers.of(Map.of("guest", "pw-in-trace?")), ServerOptions.ANONYMOUS.handshakeTimeout()));
        Path trace = dir.resolve("trace.jsonl");
        Cli send = Cli.run("send", "--url", "amqp://guest:pw-in-trace%3F@127.0.0.1:" + broker.port() + "?sasl=PLAIN",
                "--address", "q", "--trace", trace.toString());
        assertEquals(0, send.exitCode, send::toString);
        String text = Files.readString(trace, StandardCharsets.UTF_8);
        assertFalse(text.contains("pw-in-trace"), "the password is not in the trace");
        List<JsonNode> lines = text.lines().map(CommandLineTest::parse).toList();
        List<String> summary = lines.stream().map(l -> l.get("direction").asText() + " "
                + (l.has("protocolHeader") ? l.get("protocolHeader").asText() : l.get("performative").asText())).toList();
        assertEquals(List.of("sent AMQP 3 1.0.0", "received AMQP 3 1.0.0", "received sasl-mechanisms", "sent sasl-init",
                "received sasl-outcome", "sent AMQP 0 1.0.0", "sent open", "received AMQP 0 1.0.0", "received open",
                "sent begin", "received begin", "sent attach", "received attach", "received flow", "sent transfer",
                "received disposition", "sent close", "received close"), summary);
        JsonNode init = lines.get(3);
        assertEquals("PLAIN", init.get("fields").get("mechanism").get("symbol").asText());
        assertEquals("initial-response", init.get("redacted").get(0).asText());
        JsonNode attach = lines.get(11);
        assertEquals(0, attach.get("channel").asInt());
        assertEquals("{\"boolean\":false}", attach.get("fields").get("role").toString());
        assertEquals("{\"ubyte\":0}", attach.get("fields").get("snd-settle-mode").toString());
        assertTrue(attach.get("fields").get("name").get("string").asText().contains("send"));
        JsonNode transfer = lines.get(14);
        assertEquals(SendCommand.DEFAULT_MESSAGE.toBytes().length, transfer.get("payloadSize").asInt());
        assertTrue(transfer.get("frameSize").asInt() > transfer.get("payloadSize").asInt());
        assertEquals("{\"uint\":0}", transfer.get("fields").get("delivery-id").toString());
        for (JsonNode l : lines) assertTrue(l.get("time").asText().endsWith("Z"), l.toString());
    }

    @Test
    void aMessageTypedJsonCannotFullyWriteIsPrintedWithoutThatPartAndWithItsPayload() throws Exception {
        String url = url();
        Properties symbolTo = new Properties(new StringValue("id-1"), null, new SymbolValue("not-a-string"), "subject", null,
                null, null, null, null, null, null, null, null);
        Message m = new Message(null, null, null, symbolTo, null, Body.value(new StringValue("x")), null);
        broker.put("odd", m.toBytes());
        broker.put("odd", new byte[] {0x00, 0x53, 0x77, (byte) 0xa1}); // amqp-value whose string is cut short
        Cli receive = Cli.run("receive", "--url", url, "--address", "odd", "--count", "2");
        assertEquals(0, receive.exitCode, receive::toString);
        JsonNode first = parse(receive.lines().get(0));
        assertEquals("{\"messageId\":{\"string\":\"id-1\"},\"subject\":\"subject\"}", first.get("properties").toString());
        assertEquals("{\"amqpValue\":{\"string\":\"x\"}}", first.get("body").toString());
        assertEquals("$.properties.to: cannot be written: typed JSON does not allow a symbol here",
                first.get("delivery").get("omitted").get(0).asText());
        assertEquals(java.util.Base64.getEncoder().encodeToString(m.toBytes()), first.get("delivery").get("payload").asText());
        JsonNode second = parse(receive.lines().get(1));
        assertTrue(second.get("delivery").get("error").asText().startsWith("not a valid message"), second.toString());
        assertEquals("AFN3oQ==", second.get("delivery").get("payload").asText());
        List<String> warnings = receive.err().lines().toList();
        assertEquals(2, warnings.size(), receive::toString);
        assertTrue(warnings.get(0).matches("warning: delivery 0 \\(tag \\S+\\): \\$\\.properties\\.to: .*; printed without it, the whole payload in delivery\\.payload"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("warning: delivery 1 (tag "), warnings.get(1));
    }

    @Test
    void tlsChecksTheCertificateUnlessToldNotTo(@TempDir Path certs) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        TestCertificates.Issued cert = TestCertificates.issue(ca, "server", "localhost", "127.0.0.1");
        Path keyStore = TestCertificates.keyStore(certs, "server", cert, ca);
        TlsOptions tls = TlsOptions.DEFAULT.withKeyStore(keyStore, TestCertificates.PASSWORD);
        broker = new TestBroker(new ServerOptions(tls, true, null, ServerOptions.ANONYMOUS.handshakeTimeout()));
        String url = "amqps://localhost:" + broker.port();
        Cli untrusted = Cli.run("send", "--url", url, "--address", "q");
        assertEquals(1, untrusted.exitCode);
        assertTrue(untrusted.err().startsWith("error: TLS with localhost:" + broker.port() + " failed: the certificate is not trusted"),
                untrusted::toString);
        Path trust = TestCertificates.pem(certs, "ca", ca.certificate());
        Cli trusted = Cli.run("send", "--url", url, "--address", "q", "--trust-store", trust.toString());
        assertEquals(0, trusted.exitCode, trusted::toString);
        Cli insecure = Cli.run("send", "--url", url, "--address", "q", "--insecure");
        assertEquals(0, insecure.exitCode, insecure::toString);
        assertEquals("warning: --insecure: the peer's certificate and host name are not checked\n", insecure.err());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
