package org.amqpexplorer.protocol.sasl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.amqpexplorer.protocol.sasl.SaslServerMechanism.Step;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {
    private static final SaslUsers USERS = SaslUsers.of(Map.of("user", "pencil", "a,b=c", "s3cret"));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void scramClientMatchesTheRfc7677TestVector() throws SaslException {
        ScramSha256 client = new ScramSha256("user", "pencil".toCharArray(), "rOprNGfwEbeRWgbNEkqO");
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", new String(client.initialResponse(), StandardCharsets.UTF_8));
        byte[] clientFinal = client.challenge(utf8(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                new String(clientFinal, StandardCharsets.UTF_8));
        client.verifyOutcome(utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    @Test
    void scramServerMatchesTheRfc7677TestVector() {
        ScramSha256.Server server = new ScramSha256.Server(USERS, "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        Step first = server.respond(utf8("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        assertArrayEquals(utf8("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"),
                assertInstanceOf(Step.Challenge.class, first).data());
        Step last = server.respond(utf8("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        Step.Success success = assertInstanceOf(Step.Success.class, last);
        assertEquals("user", success.identity());
        assertArrayEquals(utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="), success.additionalData());
    }

    @Test
    void scramClientAndServerAgreeAndEscapeNames() throws SaslException {
        ScramSha256 client = new ScramSha256("a,b=c", "s3cret".toCharArray());
        SaslServerMechanism server = ScramSha256.server(USERS);
        Step first = server.respond(client.initialResponse());
        Step last = server.respond(client.challenge(assertInstanceOf(Step.Challenge.class, first).data()));
        Step.Success success = assertInstanceOf(Step.Success.class, last);
        assertEquals("a,b=c", success.identity());
        client.verifyOutcome(success.additionalData());
    }

    @Test
    void scramRejectsAWrongPasswordWithoutSayingWhatItIs() throws SaslException {
        ScramSha256 client = new ScramSha256("user", "wrong".toCharArray());
        SaslServerMechanism server = ScramSha256.server(USERS);
        Step first = server.respond(client.initialResponse());
        Step last = server.respond(client.challenge(((Step.Challenge) first).data()));
        Step.Failure failure = assertInstanceOf(Step.Failure.class, last);
        assertEquals("wrong password for user 'user'", failure.reason());
        assertTrue(!failure.reason().contains("wrong\u0000") && !failure.reason().contains("pencil"));
    }

    @Test
    void scramClientCatchesAServerThatDoesNotKnowThePassword() throws SaslException {
        ScramSha256 client = new ScramSha256("user", "pencil".toCharArray());
        SaslServerMechanism impostor = ScramSha256.server(SaslUsers.of(Map.of("user", "other")));
        Step first = impostor.respond(client.initialResponse());
        client.challenge(((Step.Challenge) first).data());
        SaslException e = assertThrows(SaslException.class,
                () -> client.verifyOutcome(utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
        assertTrue(e.getMessage().contains("server signature does not match"));
    }

    @Test
    void scramClientRejectsMalformedChallenges() {
        ScramSha256 client = new ScramSha256("user", "pencil".toCharArray(), "abc");
        client.initialResponse();
        assertThrows(SaslException.class, () -> client.challenge(utf8("r=xyz,s=AAAA,i=4096")), "nonce must extend ours");
        assertThrows(SaslException.class, () -> client.challenge(utf8("garbage")));
        assertThrows(SaslException.class, () -> client.challenge(utf8("r=abcd,s=AAAA,i=0")));
        assertThrows(SaslException.class, () -> client.challenge(utf8("r=abcd,s=AAAA,i=99999999")));
        assertThrows(SaslException.class, () -> client.challenge(utf8("r=abcd,s=@@@,i=4096")));
    }

    @Test
    void plainSendsAuthzidAuthcidPasswordAndTheServerChecksIt() {
        Plain client = new Plain("user", "pencil".toCharArray());
        assertArrayEquals(utf8("\u0000user\u0000pencil"), client.initialResponse());
        SaslServerMechanism server = Plain.server(USERS);
        assertEquals("user", assertInstanceOf(Step.Success.class, server.respond(client.initialResponse())).identity());
        assertEquals("wrong password for user 'user'",
                assertInstanceOf(Step.Failure.class, Plain.server(USERS).respond(utf8("\u0000user\u0000pen"))).reason());
        assertEquals("unknown user 'nobody'",
                assertInstanceOf(Step.Failure.class, Plain.server(USERS).respond(utf8("\u0000nobody\u0000x"))).reason());
        assertInstanceOf(Step.Failure.class, Plain.server(USERS).respond(utf8("no-nuls")));
        assertInstanceOf(Step.Failure.class, Plain.server(USERS).respond(null));
    }

    @Test
    void externalNeedsATransportIdentity() {
        assertEquals(0, new External().initialResponse().length);
        assertEquals("CN=client", assertInstanceOf(Step.Success.class, External.server("CN=client").respond(new byte[0])).identity());
        assertInstanceOf(Step.Failure.class, External.server(null).respond(new byte[0]));
    }

    @Test
    void anonymousAcceptsEveryone() {
        assertInstanceOf(Step.Success.class, Anonymous.server().respond(new Anonymous().initialResponse()));
    }
}
