package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.MapValue;

/** flow (2.7.4): updates the session's windows and, with a handle, a link's flow state. */
public record Flow(
        @Amqp("transfer-number") Long nextIncomingId,
        @Amqp(value = "uint", mandatory = true) Long incomingWindow,
        @Amqp(value = "transfer-number", mandatory = true) Long nextOutgoingId,
        @Amqp(value = "uint", mandatory = true) Long outgoingWindow,
        @Amqp("handle") Long handle,
        @Amqp("sequence-no") Long deliveryCount,
        @Amqp("uint") Long linkCredit,
        @Amqp("uint") Long available,
        @Amqp(value = "boolean", defaultValue = "false") Boolean drain,
        @Amqp(value = "boolean", defaultValue = "false") Boolean echo,
        @Amqp("fields") MapValue properties) implements Performative {

    public Flow {
        Checks.mandatory(incomingWindow, "flow.incoming-window");
        Checks.mandatory(nextOutgoingId, "flow.next-outgoing-id");
        Checks.mandatory(outgoingWindow, "flow.outgoing-window");
    }

    public boolean drainOrDefault() {
        return drain != null && drain;
    }

    public boolean echoOrDefault() {
        return echo != null && echo;
    }
}
