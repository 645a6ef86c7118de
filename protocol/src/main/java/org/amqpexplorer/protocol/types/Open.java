package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.MapValue;

/** open (2.7.1): negotiates connection parameters. */
public record Open(
        @Amqp(value = "string", mandatory = true) String containerId,
        @Amqp("string") String hostname,
        @Amqp(value = "uint", defaultValue = "4294967295") Long maxFrameSize,
        @Amqp(value = "ushort", defaultValue = "65535") Integer channelMax,
        @Amqp("milliseconds") Long idleTimeOut,
        @Amqp(value = "ietf-language-tag", multiple = true) List<String> outgoingLocales,
        @Amqp(value = "ietf-language-tag", multiple = true) List<String> incomingLocales,
        @Amqp(value = "symbol", multiple = true) List<String> offeredCapabilities,
        @Amqp(value = "symbol", multiple = true) List<String> desiredCapabilities,
        @Amqp("fields") MapValue properties) implements Performative {

    public Open {
        Checks.mandatory(containerId, "open.container-id");
        outgoingLocales = Checks.copy(outgoingLocales);
        incomingLocales = Checks.copy(incomingLocales);
        offeredCapabilities = Checks.copy(offeredCapabilities);
        desiredCapabilities = Checks.copy(desiredCapabilities);
    }

    public Open(String containerId) {
        this(containerId, null, null, null, null, null, null, null, null, null);
    }

    public long maxFrameSizeOrDefault() {
        return maxFrameSize != null ? maxFrameSize : 0xFFFF_FFFFL;
    }

    public int channelMaxOrDefault() {
        return channelMax != null ? channelMax : 0xFFFF;
    }
}
