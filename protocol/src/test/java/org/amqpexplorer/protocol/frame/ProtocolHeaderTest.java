package org.amqpexplorer.protocol.frame;

import static org.amqpexplorer.protocol.frame.RawFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.frame.ProtocolHeaderException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolHeaderTest {

    @Test
    void headersHaveTheBytesOfTheSpec() {
        // 2.2, 5.2.1, 5.3.1
        assertArrayEquals(bytes('A', 'M', 'Q', 'P', 0, 1, 0, 0), ProtocolHeader.AMQP.toByteArray());
        assertArrayEquals(bytes('A', 'M', 'Q', 'P', 2, 1, 0, 0), ProtocolHeader.TLS.toByteArray());
        assertArrayEquals(bytes('A', 'M', 'Q', 'P', 3, 1, 0, 0), ProtocolHeader.SASL.toByteArray());
    }

    @ParameterizedTest
    @EnumSource(ProtocolHeader.class)
    void roundTrip(ProtocolHeader header) {
        Encoder out = new Encoder();
        out.writeRawByte(0x55);
        FrameWriter.writeHeader(out, header);
        assertSame(header, ProtocolHeader.parse(out.toByteArray(), 1));
        assertSame(header, ProtocolHeader.ofProtocolId(header.protocolId()));
    }

    @Test
    void notAmqpNamesTheFirstWrongByte() {
        ProtocolHeaderException e = assertThrows(ProtocolHeaderException.class,
                () -> ProtocolHeader.parse(bytes('A', 'M', 'Q', 'X', 0, 1, 0, 0), 0));
        assertEquals(Problem.NOT_AMQP, e.problem());
        assertEquals(3, e.offset());
        assertArrayEquals(bytes('A', 'M', 'Q', 'X'), e.received());
        assertEquals(FramingException.Condition.FRAMING_ERROR, e.condition());
    }

    @Test
    void unknownProtocolIdKeepsAllEightBytes() {
        ProtocolHeaderException e = assertThrows(ProtocolHeaderException.class,
                () -> ProtocolHeader.parse(bytes('A', 'M', 'Q', 'P', 1, 1, 0, 0), 0));
        assertEquals(Problem.UNKNOWN_PROTOCOL_ID, e.problem());
        assertEquals(4, e.offset());
        assertArrayEquals(bytes('A', 'M', 'Q', 'P', 1, 1, 0, 0), e.received());
    }

    @Test
    void unsupportedVersion() {
        for (byte[] h : List.of(bytes('A', 'M', 'Q', 'P', 0, 0, 9, 1), bytes('A', 'M', 'Q', 'P', 3, 1, 0, 1),
                bytes('A', 'M', 'Q', 'P', 2, 1, 1, 0))) {
            ProtocolHeaderException e = assertThrows(ProtocolHeaderException.class, () -> ProtocolHeader.parse(h, 0));
            assertEquals(Problem.UNSUPPORTED_VERSION, e.problem());
            assertEquals(5, e.offset());
            assertArrayEquals(h, e.received());
        }
    }

    @Test
    void parseNeedsEightBytes() {
        assertThrows(IllegalArgumentException.class, () -> ProtocolHeader.parse(bytes('A', 'M', 'Q', 'P', 0, 1, 0), 0));
    }

    @Test
    void decoderFailsAtTheFirstByteThatIsNotAmqp() {
        // an HTTP request sent to an AMQP port: known to be wrong at its first byte, with no wait for 8 bytes
        RawFrames.Recorder r = new RawFrames.Recorder();
        FrameDecoder d = new FrameDecoder(r, DescribedTypes.NONE, 512);
        ProtocolHeaderException e = assertThrows(ProtocolHeaderException.class, () -> d.feed(bytes('G'), 0, 1));
        assertEquals(Problem.NOT_AMQP, e.problem());
        assertEquals(0, e.offset());
        assertArrayEquals(bytes('G'), e.received());
        assertSame(e, assertThrows(FramingException.class, () -> d.feed(bytes('E', 'T'), 0, 2)));
        assertEquals(List.of(), r.events);
    }

    @Test
    void decoderReportsTheHeaderProblemWithItsOffset() {
        byte[] stream = bytes('A', 'M', 'Q', 'P', 0, 1, 0, 0, 'A');
        assertEquals(List.of(ProtocolHeader.AMQP, "FRAMING_ERROR frame size 1095586128 exceeds max-frame-size 512 @8"),
                RawFrames.decode(RawFrames.concat(stream, bytes('M', 'Q', 'P', 0, 1, 0, 0)), 512, new int[] {1}));
        List<Object> events = RawFrames.decode(bytes('A', 'M', 'Q', 'P', 9, 1, 0, 0), 512, new int[] {3});
        assertEquals(1, events.size());
        assertEquals("FRAMING_ERROR unknown protocol id 9 (received 41 4d 51 50 09 01 00 00) @4", events.get(0));
    }
}
