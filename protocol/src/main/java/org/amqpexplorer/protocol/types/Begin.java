package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.MapValue;

/** begin (2.7.2): begins a session on a channel. */
public record Begin(
        @Amqp("ushort") Integer remoteChannel,
        @Amqp(value = "transfer-number", mandatory = true) Long nextOutgoingId,
        @Amqp(value = "uint", mandatory = true) Long incomingWindow,
        @Amqp(value = "uint", mandatory = true) Long outgoingWindow,
        @Amqp(value = "handle", defaultValue = "4294967295") Long handleMax,
        @Amqp(value = "symbol", multiple = true) List<String> offeredCapabilities,
        @Amqp(value = "symbol", multiple = true) List<String> desiredCapabilities,
        @Amqp("fields") MapValue properties) implements Performative {

    public Begin {
        Checks.mandatory(nextOutgoingId, "begin.next-outgoing-id");
        Checks.mandatory(incomingWindow, "begin.incoming-window");
        Checks.mandatory(outgoingWindow, "begin.outgoing-window");
        offeredCapabilities = Checks.copy(offeredCapabilities);
        desiredCapabilities = Checks.copy(desiredCapabilities);
    }

    public long handleMaxOrDefault() {
        return handleMax != null ? handleMax : 0xFFFF_FFFFL;
    }
}
