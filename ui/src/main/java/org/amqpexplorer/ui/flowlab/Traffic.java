package org.amqpexplorer.ui.flowlab;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.engine.OutgoingDelivery;
import org.amqpexplorer.protocol.engine.Sender;
import org.amqpexplorer.protocol.engine.Session;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Properties;
import org.amqpexplorer.protocol.types.ReceiverSettleMode;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;

/** What the scenarios send and attach with: numbered messages, link templates, and filling a queue. */
final class Traffic {
    private Traffic() {
    }

    /** A sending link's attach. */
    static Attach sender(String name, String address, SenderSettleMode snd, ReceiverSettleMode rcv) {
        return new Attach(name, 0L, Role.SENDER, snd, rcv, Source.of(null), Target.of(address), null, null, null,
                null, null, null, null);
    }

    /** A receiving link's attach. */
    static Attach receiver(String name, String address, SenderSettleMode snd, ReceiverSettleMode rcv) {
        return new Attach(name, 0L, Role.RECEIVER, snd, rcv, Source.of(address), Target.of(null), null, null, null,
                null, null, null, null);
    }

    /** A message whose message-id is {@code id}, with a data body of {@code size} bytes. */
    static byte[] message(String id, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return new Message(null, null, null, new Properties(new StringValue(id), null, null, null, null, null, null,
                null, null, null, null, null, null), null, Body.data(body), null).toBytes();
    }

    /** The message-id of an encoded message, or null. */
    static String id(byte[] payload) {
        Message m = Message.decode(payload);
        return m.properties() != null && m.properties().messageId() instanceof StringValue s ? s.value() : null;
    }

    static BinaryValue tag(long n) {
        return BinaryValue.wrap(ByteBuffer.allocate(8).putLong(n).array());
    }

    /**
     * Sends {@code count} messages {@code prefix-1 …} of {@code size} bytes to {@code address} over a new link on
     * {@code session}, and waits until the peer has taken every one (its accepted outcomes, at least once).
     */
    static Sender fill(ScenarioRun run, LabClient producer, Session session, String linkName, String address,
                       String prefix, int count, int size) {
        Sender sender = producer.attach(c -> session.sender(sender(linkName, address, SenderSettleMode.UNSETTLED,
                ReceiverSettleMode.FIRST)));
        OutgoingDelivery[] sent = producer.call(c -> {
            OutgoingDelivery[] ds = new OutgoingDelivery[count];
            for (int i = 0; i < count; i++) ds[i] = sender.send(tag(i), message(prefix + "-" + (i + 1), size));
            return ds;
        });
        run.until(producer.name + ": the peer's outcomes for " + count + " messages", () -> producer.call(c -> {
            for (OutgoingDelivery d : sent) if (!d.isRemotelySettled()) return false;
            return true;
        }));
        return sender;
    }
}
