package org.amqpexplorer.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AmqpUrlTest {

    @Test
    void defaultsPortsByScheme() {
        AmqpUrl plain = AmqpUrl.parse("amqp://localhost");
        assertFalse(plain.tls());
        assertEquals(5672, plain.port());
        assertNull(plain.user());
        AmqpUrl tls = AmqpUrl.parse("AMQPS://broker.example.com");
        assertTrue(tls.tls());
        assertEquals(5671, tls.port());
        assertEquals("broker.example.com", tls.virtualHost());
    }

    @Test
    void readsUserPasswordHostPortAndOptions() {
        AmqpUrl u = AmqpUrl.parse("amqps://ali%40ce:p%3Ass@w0rd@[::1]:15671/?sasl=scram-sha-256&vhost=ns1&idle-timeout=30000&max-frame-size=65536&channel-max=7");
        assertEquals("ali@ce", u.user());
        assertArrayEquals("p:ss@w0rd".toCharArray(), u.password());
        assertEquals("::1", u.host());
        assertEquals(15671, u.port());
        assertEquals("SCRAM-SHA-256", u.saslMechanism());
        assertEquals("ns1", u.virtualHost());
        assertEquals(30000L, u.idleTimeout());
        assertEquals(65536L, u.maxFrameSize());
        assertEquals(7, u.channelMax());
    }

    @Test
    void neverShowsThePassword() {
        AmqpUrl u = AmqpUrl.parse("amqp://user:secret@host:1234");
        assertEquals("amqp://user:***@host:1234", u.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AmqpUrl.parse("amqp://user:secret@host:notaport"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "localhost:5672              | it has no scheme",
            "http://localhost            | the scheme 'http' is not amqp or amqps",
            "amqp://                     | the host is missing",
            "amqp://host:99999           | the port 99999 is not between 1 and 65535",
            "amqp://host:abc             | the port 'abc' is not a number",
            "amqp://host/queue           | it has a path",
            "amqp://host?colour=blue     | the option 'colour' is not one of",
            "amqp://host?max-frame-size=100 | the option max-frame-size=100 is not between 512",
            "amqp://[::1                 | the IPv6 address has no closing ']'",
            "amqp://@host                | the user name before '@' is empty",
    })
    void explainsWhatIsWrong(String url, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AmqpUrl.parse(url));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("expected amqp://"), e.getMessage());
    }
}
