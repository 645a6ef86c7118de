package org.amqpexplorer.protocol.codec;

/**
 * A described value that writes itself directly (the spec's composite types do, from their field tables),
 * rather than through a generic {@link #described()} value built first.
 */
public interface Encodable extends Described {
    /** Writes the whole described value: constructor, descriptor and fields. */
    void encode(Encoder encoder);
}
