package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.MapValue;

/**
 * attach (2.7.3): attaches a link to a session. {@code source} and {@code target} are usually a
 * {@code Source} and a {@code Target} (or a {@code Coordinator} for transactions), but the spec types them
 * {@code *}, so any value is kept.
 */
public record Attach(
        @Amqp(value = "string", mandatory = true) String name,
        @Amqp(value = "handle", mandatory = true) Long handle,
        @Amqp(value = "role", mandatory = true) Role role,
        @Amqp(value = "sender-settle-mode", defaultValue = "mixed") SenderSettleMode sndSettleMode,
        @Amqp(value = "receiver-settle-mode", defaultValue = "first") ReceiverSettleMode rcvSettleMode,
        @Amqp(value = "*", requires = "source") AmqpValue source,
        @Amqp(value = "*", requires = "target") AmqpValue target,
        @Amqp("map") MapValue unsettled,
        @Amqp(value = "boolean", defaultValue = "false") Boolean incompleteUnsettled,
        @Amqp("sequence-no") Long initialDeliveryCount,
        @Amqp("ulong") Long maxMessageSize,
        @Amqp(value = "symbol", multiple = true) List<String> offeredCapabilities,
        @Amqp(value = "symbol", multiple = true) List<String> desiredCapabilities,
        @Amqp("fields") MapValue properties) implements Performative {

    public Attach {
        Checks.mandatory(name, "attach.name");
        Checks.mandatory(handle, "attach.handle");
        Checks.mandatory(role, "attach.role");
        offeredCapabilities = Checks.copy(offeredCapabilities);
        desiredCapabilities = Checks.copy(desiredCapabilities);
    }

    public SenderSettleMode sndSettleModeOrDefault() {
        return sndSettleMode != null ? sndSettleMode : SenderSettleMode.MIXED;
    }

    public ReceiverSettleMode rcvSettleModeOrDefault() {
        return rcvSettleMode != null ? rcvSettleMode : ReceiverSettleMode.FIRST;
    }

    public boolean incompleteUnsettledOrDefault() {
        return incompleteUnsettled != null && incompleteUnsettled;
    }
}
