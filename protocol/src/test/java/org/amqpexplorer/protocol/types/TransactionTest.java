package org.amqpexplorer.protocol.types;

import static org.amqpexplorer.protocol.types.CompositeCodecTest.decode;
import static org.amqpexplorer.protocol.types.CompositeCodecTest.decodeError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.junit.jupiter.api.Test;

/** 4.5: a transactional sender's frames and messages, as in the spec's examples. */
class TransactionTest {
    static final BinaryValue TXN = BinaryValue.of(new byte[] {0, 0, 0, 7});

    @Test
    void coordinatorLinkDeclareDischargeAndStatesRoundTrip() {
        Attach attach = new Attach("txn", 0L, Role.SENDER, null, null, Source.of(null),
                new Coordinator(List.of(Coordinator.LOCAL_TRANSACTIONS)), null, null, 0L, null, null, null, null);
        assertEquals(attach, decode(Encoder.encode(attach)));
        Message declare = Message.of(Body.value(new Declare(null)));
        assertEquals(declare, Message.decode(declare.toBytes()));
        Message discharge = Message.of(Body.value(new Discharge(TXN, true)));
        assertEquals(discharge, Message.decode(discharge.toBytes()));
        Disposition declared = new Disposition(Role.RECEIVER, 0L, null, true, new Declared(TXN), null);
        assertEquals(declared, decode(Encoder.encode(declared)));
        Transfer inTxn = new Transfer(1L, 5L, BinaryValue.of(new byte[] {5}), 0L, null, null, null,
                new TransactionalState(TXN, null), null, null, null);
        assertEquals(inTxn, decode(Encoder.encode(inTxn)));
        Disposition outcome = new Disposition(Role.RECEIVER, 5L, 5L, true, new TransactionalState(TXN, Accepted.INSTANCE), null);
        assertEquals(outcome, decode(Encoder.encode(outcome)));
    }

    @Test
    void aDischargeWithoutTxnIdIsMalformed() {
        assertEquals("discharge.txn-id: mandatory field is missing", decodeError("005332 c00302 40 41").reason());
        assertEquals("declared.txn-id: mandatory field is missing", decodeError("005333 45").reason());
    }
}
