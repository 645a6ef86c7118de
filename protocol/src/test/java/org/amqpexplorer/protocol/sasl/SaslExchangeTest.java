package org.amqpexplorer.protocol.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.SaslChallenge;
import org.amqpexplorer.protocol.types.SaslCode;
import org.amqpexplorer.protocol.types.SaslFrame;
import org.amqpexplorer.protocol.types.SaslInit;
import org.amqpexplorer.protocol.types.SaslMechanisms;
import org.amqpexplorer.protocol.types.SaslOutcome;
import org.amqpexplorer.protocol.types.SaslResponse;
import org.junit.jupiter.api.Test;

/** 5.3.2: the frames of a whole exchange, client and server both ours. */
class SaslExchangeTest {
    private static final SaslUsers USERS = SaslUsers.of(Map.of("guest", "guest-pw"));

    /** Runs the exchange and returns every frame in the order it was sent. */
    private static List<SaslFrame> exchange(SaslClient client, SaslServer server) throws SaslException {
        List<SaslFrame> frames = new ArrayList<>();
        SaslFrame toClient = server.mechanisms();
        while (toClient != null) {
            frames.add(toClient);
            SaslFrame toServer = client.onFrame(toClient);
            if (toServer == null) break;
            frames.add(toServer);
            toClient = server.onFrame(toServer);
        }
        return frames;
    }

    private static SaslCredentials user(String name, String password, String mechanism) {
        return new SaslCredentials(name, password.toCharArray(), false, mechanism);
    }

    @Test
    void scramIsPreferredWhenAUserAndPasswordAreGiven() throws SaslException {
        SaslClient client = new SaslClient(user("guest", "guest-pw", null), "broker");
        SaslServer server = SaslServer.of(USERS, null);
        List<SaslFrame> frames = exchange(client, server);
        assertEquals(List.of(SaslMechanisms.class, SaslInit.class, SaslChallenge.class, SaslResponse.class, SaslOutcome.class),
                frames.stream().map(Object::getClass).toList());
        assertEquals(List.of("SCRAM-SHA-256", "PLAIN"), ((SaslMechanisms) frames.get(0)).saslServerMechanisms());
        SaslInit init = (SaslInit) frames.get(1);
        assertEquals("SCRAM-SHA-256", init.mechanism());
        assertEquals("broker", init.hostname());
        assertTrue(client.succeeded());
        assertTrue(server.succeeded());
        assertEquals("guest", server.identity());
    }

    @Test
    void plainWhenAskedFor() throws SaslException {
        SaslClient client = new SaslClient(user("guest", "guest-pw", "plain"), null);
        List<SaslFrame> frames = exchange(client, SaslServer.of(USERS, null));
        assertEquals("PLAIN", ((SaslInit) frames.get(1)).mechanism());
        assertEquals(SaslCode.OK, ((SaslOutcome) frames.get(2)).code());
        assertTrue(client.succeeded());
    }

    @Test
    void aWrongPasswordEndsWithTheAuthCodeAndSaysSo() throws SaslException {
        SaslClient client = new SaslClient(user("guest", "nope", null), null);
        SaslServer server = SaslServer.of(USERS, null);
        exchange(client, server);
        assertTrue(client.isDone());
        assertFalse(client.succeeded());
        assertEquals(SaslCode.AUTH, client.outcome());
        assertTrue(client.failure().contains("wrong user name or password"), client.failure());
        assertEquals("wrong password for user 'guest'", server.failure());
    }

    @Test
    void anonymousWithoutCredentials() throws SaslException {
        SaslClient client = new SaslClient(SaslCredentials.ANONYMOUS, null);
        SaslServer server = SaslServer.of(null, null);
        assertEquals(List.of("ANONYMOUS"), server.offered());
        exchange(client, server);
        assertTrue(client.succeeded());
        assertEquals("ANONYMOUS", client.mechanism());
    }

    @Test
    void externalWithAClientCertificate() throws SaslException {
        SaslClient client = new SaslClient(new SaslCredentials(null, null, true, null), null);
        SaslServer server = SaslServer.of(null, "CN=client");
        exchange(client, server);
        assertEquals("EXTERNAL", client.mechanism());
        assertEquals("CN=client", server.identity());
    }

    @Test
    void aUserWhoGaveANameIsNotQuietlyAnonymous() {
        SaslClient client = new SaslClient(user("guest", "pw", null), null);
        SaslException e = assertThrows(SaslException.class, () -> client.onFrame(new SaslMechanisms(List.of("ANONYMOUS"))));
        assertTrue(e.getMessage().contains("no usable SASL mechanism"), e.getMessage());
    }

    @Test
    void aRequestedMechanismTheServerDoesNotOfferIsNamed() {
        SaslClient client = new SaslClient(user("guest", "pw", "SCRAM-SHA-256"), null);
        SaslException e = assertThrows(SaslException.class, () -> client.onFrame(new SaslMechanisms(List.of("PLAIN", "ANONYMOUS"))));
        assertEquals("the peer offers [PLAIN, ANONYMOUS], not the requested SCRAM-SHA-256", e.getMessage());
    }

    @Test
    void framesOutOfTurnAreRefused() throws SaslException {
        SaslClient client = new SaslClient(SaslCredentials.ANONYMOUS, null);
        assertThrows(SaslException.class, () -> client.onFrame(new SaslChallenge(BinaryValue.EMPTY)));
        assertThrows(SaslException.class, () -> client.onFrame(new SaslInit("PLAIN", null, null)));
        SaslServer server = SaslServer.of(null, null);
        assertThrows(SaslException.class, () -> server.onFrame(new SaslResponse(BinaryValue.EMPTY)));
        assertInstanceOf(SaslOutcome.class, server.onFrame(new SaslInit("ANONYMOUS", null, null)));
        assertThrows(SaslException.class, () -> server.onFrame(new SaslInit("ANONYMOUS", null, null)));
    }

    @Test
    void anUnofferedMechanismFailsAuthentication() throws SaslException {
        SaslServer server = SaslServer.of(USERS, null);
        SaslOutcome outcome = assertInstanceOf(SaslOutcome.class, server.onFrame(new SaslInit("ANONYMOUS", null, null)));
        assertEquals(SaslCode.AUTH, outcome.code());
        assertNull(server.identity());
        assertEquals("mechanism ANONYMOUS was not offered", server.failure());
    }
}
