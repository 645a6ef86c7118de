package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.Resumption.ABORT;
import static org.amqpexplorer.protocol.engine.Resumption.FORGET;
import static org.amqpexplorer.protocol.engine.Resumption.RESEND;
import static org.amqpexplorer.protocol.engine.Resumption.RESTATE;
import static org.amqpexplorer.protocol.engine.Resumption.RESUME;
import static org.amqpexplorer.protocol.engine.Resumption.SETTLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Data;
import org.amqpexplorer.protocol.types.Received;
import org.amqpexplorer.protocol.types.Rejected;
import org.junit.jupiter.api.Test;

/** The cases of 3.4.6, by the delivery-tag the spec gives each: sender's state, receiver's state, what to do. */
class ResumptionTest {

    private static final AmqpValue NONE = NullValue.NULL;
    private static final AmqpValue ACCEPTED = Accepted.INSTANCE;
    private static final AmqpValue REJECTED = new Rejected(null);

    private static Received received(long section, long offset) {
        return new Received(section, offset);
    }

    private static Resumption absent(AmqpValue local) {
        return Resumption.of(local, false, null);
    }

    private static Resumption held(AmqpValue local, AmqpValue remote) {
        return Resumption.of(local, true, remote);
    }

    @Test
    void theSpecsFourteenCases() {
        assertEquals(RESEND, absent(null), "1: nothing known at either end");
        assertEquals(RESUME, held(null, NONE), "2: both hold it, nothing received");
        assertEquals(SETTLE, held(null, ACCEPTED), "3: the receiver has the outcome");
        assertEquals(RESUME, held(null, received(1, 5)), "4: the receiver has part of it");
        assertEquals(RESEND, absent(received(1, 5)), "5: the sender knew of some data, the receiver has no record");
        assertEquals(RESUME, held(received(1, 5), received(2, 0)), "6: the receiver has at least what the sender knew");
        assertEquals(ABORT, held(received(2, 0), received(1, 5)), "7: the receiver has less than the sender knew");
        assertEquals(SETTLE, held(received(1, 5), ACCEPTED), "8: the receiver has the outcome");
        assertEquals(ABORT, held(received(1, 5), NONE), "9: the receiver's null is received(0, 0)");
        assertEquals(FORGET, absent(ACCEPTED), "10: the outcome is known, the receiver has forgotten");
        assertEquals(ABORT, held(ACCEPTED, received(1, 5)), "11: the sender's outcome, the receiver part of the data");
        assertEquals(SETTLE, held(ACCEPTED, ACCEPTED), "12: the same outcome at both ends");
        assertEquals(RESTATE, held(REJECTED, ACCEPTED), "13: the outcomes differ; the sender's stands");
        assertEquals(ABORT, held(ACCEPTED, NONE), "14: as 11, with nothing received");
    }

    @Test
    void aPayloadResumesAtTheSectionAndOffsetTheReceiverGave() {
        Encoder encoder = new Encoder();
        encoder.writeValue(new Data(BinaryValue.of(new byte[] {1, 2, 3})));
        int second = encoder.size();
        encoder.writeValue(new Data(BinaryValue.of(new byte[] {4, 5, 6, 7})));
        byte[] message = encoder.toByteArray();

        assertEquals(0, Resumption.resumeOffset(message, received(0, 0)));
        assertEquals(2, Resumption.resumeOffset(message, received(0, 2)));
        assertEquals(second, Resumption.resumeOffset(message, received(1, 0)));
        assertEquals(second + 3, Resumption.resumeOffset(message, received(1, 3)));
        assertEquals(message.length, Resumption.resumeOffset(message, received(2, 0)));
        assertEquals(-1, Resumption.resumeOffset(message, received(3, 0)), "no such section");
        assertEquals(-1, Resumption.resumeOffset(new byte[] {(byte) 0xFF, 0}, received(1, 0)), "not AMQP sections");
    }
}
