package org.amqpexplorer.ui.explorer;

import org.amqpexplorer.protocol.types.Message;

/**
 * A message a receiver link took in: the delivery that carried it, its bytes, and the message they decode to
 * ({@code message} null and {@code problem} saying why when they do not).
 */
public record ReceivedMessage(long deliveryKey, long deliveryId, String tag, long receivedAt, byte[] payload,
                              Message message, String problem) {
}
