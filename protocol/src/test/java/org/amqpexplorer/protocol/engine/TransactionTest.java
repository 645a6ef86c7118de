package org.amqpexplorer.protocol.engine;

import static org.amqpexplorer.protocol.engine.ScriptedPeer.payload;
import static org.amqpexplorer.protocol.engine.ScriptedPeer.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.AmqpValueSection;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Coordinator;
import org.amqpexplorer.protocol.types.Declare;
import org.amqpexplorer.protocol.types.Declared;
import org.amqpexplorer.protocol.types.Discharge;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.TransactionalState;
import org.junit.jupiter.api.Test;

/**
 * Part 4 over the engine: a coordinator link carries declare and discharge as messages, declared is their
 * outcome, and work joins the transaction through a transactional-state on its transfer.
 */
class TransactionTest {

    private static byte[] message(AmqpValue value) {
        return Message.of(new Body.ValueBody(new AmqpValueSection(value))).toBytes();
    }

    @Test
    void declarePostAndDischargeALocalTransaction() {
        try (ScriptedPeer p = ScriptedPeer.initiator()) {
            Session session = p.openSession();
            p.peer.expectCoordinatorAttach().respond();
            p.peer.remoteFlow().withDeliveryCount(0).withLinkCredit(2).queue();
            Sender coordinator = session.sender(new Attach("txn-controller", 0L, Role.SENDER, null, null,
                    Source.of(null), new Coordinator(List.of(Coordinator.LOCAL_TRANSACTIONS)), null, null, null, null,
                    null, null, null));
            coordinator.attach();
            p.verify();

            byte[] txnId = {1, 2, 3, 4};
            p.peer.expectDeclare().declared(txnId);
            OutgoingDelivery declare = coordinator.send(tag(0), message(new Declare(null)));
            p.verify();
            Declared declared = (Declared) declare.remoteState();
            assertEquals(BinaryValue.of(txnId), declared.txnId());
            assertTrue(declare.isSettled());

            Sender sender = p.sender(session, "queue", 1);
            List<Object> states = new ArrayList<>();
            p.peer.expectTransfer().withCapture(t -> states.add(t.getState()));
            sender.send(tag(1), payload(10), 0, false, new TransactionalState(declared.txnId(), null));
            p.verify();
            var state = (org.apache.qpid.protonj2.test.driver.codec.transactions.TransactionalState) states.get(0);
            assertArrayEquals(txnId, state.getTxnId().arrayCopy());

            p.peer.expectDischarge().withFail(false).withTxnId(txnId).accept();
            OutgoingDelivery discharge = coordinator.send(tag(2), message(new Discharge(declared.txnId(), false)));
            p.verify();
            assertEquals(Accepted.INSTANCE, discharge.remoteState());
        }
    }
}
