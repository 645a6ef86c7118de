package org.amqpexplorer.protocol.peer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.types.DeliveryAnnotations;
import org.amqpexplorer.protocol.types.Header;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.MessageAnnotations;

/**
 * A message as a queue holds it: the payload exactly as the producer sent it, its message-format, and the
 * consumers that said it is undeliverable to them (3.4.5 undeliverable-here). Immutable: a redelivery that
 * changes the message makes a new one. Only one holder has it at a time (the queue, or one consumer between
 * acquiring and settling it), so identity is what counts.
 */
final class StoredMessage {

    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private final byte[] payload;
    private final long messageFormat;
    private final Set<Consumer> undeliverableTo;

    StoredMessage(byte[] payload, long messageFormat) {
        this(payload, messageFormat, Set.of());
    }

    private StoredMessage(byte[] payload, long messageFormat, Set<Consumer> undeliverableTo) {
        this.payload = payload;
        this.messageFormat = messageFormat;
        this.undeliverableTo = undeliverableTo;
    }

    /** The payload itself, not a copy: callers must not change it (the engine copies what it sends). */
    byte[] payload() {
        return payload;
    }

    long messageFormat() {
        return messageFormat;
    }

    int size() {
        return payload.length;
    }

    boolean isUndeliverableTo(Consumer consumer) {
        return undeliverableTo.contains(consumer);
    }

    /** The same message, never again to be offered to this consumer (3.4.5 undeliverable-here). */
    StoredMessage undeliverableTo(Consumer consumer) {
        Set<Consumer> set = new HashSet<>(undeliverableTo);
        set.add(consumer);
        return new StoredMessage(payload, messageFormat, Set.copyOf(set));
    }

    /**
     * The message as it goes back to its queue after a release or modification. 3.4.4 released: the delivery
     * count stays as it is; 3.4.5 modified: it goes up by one only when delivery-failed is set, and the
     * modification's message-annotations are merged into the message's. Whenever the header changes,
     * first-acquirer becomes false (3.2.1: another link has acquired the message). A payload that is not an AMQP
     * message (another message-format, or sections that do not decode) goes back as it was.
     */
    StoredMessage redelivered(boolean deliveryFailed, MapValue annotations) {
        if (messageFormat != 0) {
            return this;
        }
        List<Message.SectionAt> sections;
        try {
            sections = Message.decodeSections(payload, 0, payload.length);
        } catch (DecodeException e) {
            return this;
        }
        Header header = !sections.isEmpty() && sections.get(0).section() instanceof Header h ? h : null;
        boolean firstAcquirer = header != null && header.firstAcquirerOrDefault();
        boolean annotate = annotations != null && annotations.size() > 0;
        if (!deliveryFailed && !firstAcquirer && !annotate) {
            return this;
        }
        Encoder out = new Encoder(payload.length + 32);
        if (deliveryFailed || firstAcquirer || header != null) {
            long count = header == null ? 0 : header.deliveryCountOrDefault();
            if (deliveryFailed) {
                count = Math.min(UINT_MAX, count + 1);
            }
            new Header(header == null ? null : header.durable(), header == null ? null : header.priority(),
                    header == null ? null : header.ttl(), Boolean.FALSE,
                    count == 0 && (header == null || header.deliveryCount() == null) ? null : count).encode(out);
        }
        boolean merged = false;
        for (Message.SectionAt at : sections) {
            switch (at.section()) {
                case Header h -> {
                    // written above
                }
                case DeliveryAnnotations d -> out.writeRawBytes(payload, at.offset(), at.length());
                case MessageAnnotations m when annotate -> {
                    merge(m.value(), annotations).encode(out);
                    merged = true;
                }
                default -> {
                    if (annotate && !merged) {
                        // 3.2: message-annotations follow the header and delivery-annotations, before the rest.
                        merge(MapValue.EMPTY, annotations).encode(out);
                        merged = true;
                    }
                    out.writeRawBytes(payload, at.offset(), at.length());
                }
            }
        }
        if (annotate && !merged) {
            merge(MapValue.EMPTY, annotations).encode(out);
        }
        return new StoredMessage(out.toByteArray(), messageFormat, undeliverableTo);
    }

    /** 3.4.5: the modification's annotations are combined with the message's, the modification's winning. */
    private static MessageAnnotations merge(MapValue existing, MapValue changes) {
        Map<AmqpValue, AmqpValue> entries = new LinkedHashMap<>(existing.entries());
        entries.putAll(changes.entries());
        return new MessageAnnotations(new MapValue(entries));
    }
}
