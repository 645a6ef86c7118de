package org.amqpexplorer.protocol.types;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.Encodable;
import org.amqpexplorer.protocol.codec.Encoder;

/**
 * A value of one of the spec's described types: a composite (performative, SASL frame, error, delivery state,
 * source, target, transaction frame) or a message section. Each is a record whose components are the fields,
 * null meaning absent; {@link #compositeType()} is its field table, which also encodes and decodes it.
 */
public sealed interface Composite extends Encodable permits Performative, SaslFrame, ErrorCondition,
        DeliveryState, Source, Target, LifetimePolicy, Section, Coordinator, Declare, Discharge {

    /** This value's type: name, descriptors and field table. */
    default CompositeType<?> compositeType() {
        return CompositeTypes.of(getClass());
    }

    /** The numeric descriptor, a ulong. */
    @Override
    default AmqpValue descriptor() {
        return compositeType().descriptor();
    }

    /** The fields as a list with trailing absent fields left out (for a section: its value), as encoded. */
    @Override
    default AmqpValue described() {
        return compositeType().describedOf(this);
    }

    @Override
    default void encode(Encoder encoder) {
        compositeType().encodeValue(this, encoder);
    }
}
