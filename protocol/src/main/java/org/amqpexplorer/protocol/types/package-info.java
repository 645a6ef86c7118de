/**
 * The spec's composite types as immutable records: performatives, SASL frames, error, delivery states,
 * source and target, lifetime policies, transaction frames, and message sections with {@link
 * org.amqpexplorer.protocol.types.Message}.
 *
 * <p>A record's components are the composite's fields in order; null means the field is absent (defaults are
 * not filled in, so a decoded record is what was on the wire; {@code xOrDefault()} accessors and
 * {@link org.amqpexplorer.protocol.types.CompositeType#effective} give effective values). Each component's
 * {@code @Amqp} annotation gives the spec type, mandatory flag, default and archetype; together they are the
 * field table ({@link org.amqpexplorer.protocol.types.CompositeType#fields()}), which one generic codec uses
 * for every type. Java types by spec type: boolean → Boolean; ubyte, ushort → Integer; uint and its
 * restrictions (handle, seconds, sequence-no …) → Long in 0..2^32-1; ulong → Long (64 bits); timestamp →
 * Long millis; symbol, string → String; multiple symbols → List&lt;String&gt; (read from one symbol or an
 * array, always written as an array); binary → BinaryValue; maps (fields, annotations, filter-set …) →
 * MapValue; choices → enums implementing {@link org.amqpexplorer.protocol.types.Choice}; {@code *} →
 * AmqpValue (a known composite arrives as its record); a composite-typed field → that record.
 *
 * <p>Decoding: {@link org.amqpexplorer.protocol.types.CompositeTypes#DESCRIBED_TYPES} makes the codec's
 * {@code Decoder} produce these records for their numeric or symbolic descriptors. Encoding: every record
 * is an {@code Encodable}, written with its ulong descriptor.
 */
package org.amqpexplorer.protocol.types;
