package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;

/**
 * properties (3.2.4): the message's immutable properties. {@code messageId} and {@code correlationId} are a
 * ulong, uuid, binary or string value; {@code to} and {@code replyTo} usually a string. Timestamps are
 * milliseconds since the Unix epoch.
 */
public record Properties(
        @Amqp(value = "*", requires = "message-id") AmqpValue messageId,
        @Amqp("binary") BinaryValue userId,
        @Amqp(value = "*", requires = "address") AmqpValue to,
        @Amqp("string") String subject,
        @Amqp(value = "*", requires = "address") AmqpValue replyTo,
        @Amqp(value = "*", requires = "message-id") AmqpValue correlationId,
        @Amqp("symbol") String contentType,
        @Amqp("symbol") String contentEncoding,
        @Amqp("timestamp") Long absoluteExpiryTime,
        @Amqp("timestamp") Long creationTime,
        @Amqp("string") String groupId,
        @Amqp("sequence-no") Long groupSequence,
        @Amqp("string") String replyToGroupId) implements Section {
}
