package org.amqpexplorer.protocol.codec;

/**
 * An AMQP value that keeps its exact AMQP type: {@code ubyte 7} is not {@code int 7}, a symbol is not a
 * string, an array is not a list. Equality is by type and content; how a value was encoded on the wire is
 * not part of it (see {@link Decoder#readEncoded()} for that).
 */
public sealed interface AmqpValue permits NullValue, BooleanValue, UByteValue, UShortValue, UIntValue,
        ULongValue, ByteValue, ShortValue, IntValue, LongValue, FloatValue, DoubleValue, Decimal32Value,
        Decimal64Value, Decimal128Value, CharValue, TimestampValue, UuidValue, BinaryValue, StringValue,
        SymbolValue, ListValue, MapValue, ArrayValue, Described {

    AmqpType type();
}
