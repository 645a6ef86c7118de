package org.amqpexplorer.protocol.codec;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Decimal128;
import org.apache.qpid.proton.amqp.Decimal32;
import org.apache.qpid.proton.amqp.Decimal64;
import org.apache.qpid.proton.amqp.DescribedType;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnknownDescribedType;
import org.apache.qpid.proton.amqp.UnsignedByte;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.UnsignedShort;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;

/**
 * Qpid Proton-J as an independent codec: encodes and decodes its Java objects, and converts between those
 * objects and our values. Each Java class stands for exactly one AMQP type (Proton-J's own mapping), so
 * converting Proton-J's result back to our value and comparing with {@code equals} compares types too.
 *
 * <p>Proton-J's Java objects cannot say everything our values can; {@link #cannotEncode} and
 * {@link #cannotDecode} name those cases, and the tests skip exactly those.
 */
final class ProtonJ {
    private ProtonJ() {
    }

    /** Descriptors (as our values) that Proton-J turns into its own typed objects after registerAllTypes. */
    static final Set<AmqpValue> KNOWN_DESCRIPTORS = knownDescriptors();

    private static Set<AmqpValue> knownDescriptors() {
        DecoderImpl decoder = new DecoderImpl();
        AMQPDefinedTypes.registerAllTypes(decoder, new EncoderImpl(decoder));
        Set<AmqpValue> known = new HashSet<>();
        for (String field : List.of("_dynamicTypeConstructors", "_fastPathTypeConstructors")) {
            try {
                Field f = DecoderImpl.class.getDeclaredField(field);
                f.setAccessible(true);
                for (Object descriptor : ((Map<?, ?>) f.get(decoder)).keySet()) known.add(fromJava(descriptor));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Proton-J's DecoderImpl has changed: " + field, e);
            }
        }
        if (known.isEmpty()) throw new IllegalStateException("no described types registered");
        return Set.copyOf(known);
    }

    // ---- encoding and decoding with Proton-J

    static byte[] encode(Object javaValue) {
        DecoderImpl decoder = new DecoderImpl();
        EncoderImpl encoder = new EncoderImpl(decoder);
        AMQPDefinedTypes.registerAllTypes(decoder, encoder);
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        encoder.setByteBuffer(buf);
        encoder.writeObject(javaValue);
        buf.flip();
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return bytes;
    }

    /** Decodes one value that must fill all of {@code bytes}. */
    static Object decode(byte[] bytes) {
        DecoderImpl decoder = new DecoderImpl();
        AMQPDefinedTypes.registerAllTypes(decoder, new EncoderImpl(decoder));
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        decoder.setByteBuffer(buf);
        Object value = decoder.readObject();
        if (buf.hasRemaining()) throw new AssertionError("Proton-J left " + buf.remaining() + " bytes");
        return value;
    }

    // ---- what Proton-J's objects cannot say

    /** Why Proton-J cannot decode our encoding of this value to an equal Java object, or null if it can. */
    static String cannotDecode(AmqpValue value) {
        return find(value, false);
    }

    /** Why Proton-J cannot encode the Java object for this value, or null if it can. */
    static String cannotEncode(AmqpValue value) {
        return find(value, true);
    }

    private static String find(AmqpValue value, boolean encoding) {
        String own = reason(value, encoding);
        if (own != null) return own;
        for (AmqpValue child : children(value)) {
            String r = find(child, encoding);
            if (r != null) return r;
        }
        return null;
    }

    private static String reason(AmqpValue value, boolean encoding) {
        switch (value) {
            // Proton-J's char is a Java char: a code point above U+FFFF loses its high bits.
            case CharValue c when c.codePoint() > 0xFFFF -> {
                return "char above U+FFFF";
            }
            // A descriptor Proton-J knows becomes its typed object (Header, Open, ...) with its own field rules.
            case Described d when KNOWN_DESCRIPTORS.contains(d.descriptor()) -> {
                return "descriptor known to Proton-J";
            }
            case ArrayValue a when a.descriptor() != null && KNOWN_DESCRIPTORS.contains(a.descriptor()) -> {
                return "descriptor known to Proton-J";
            }
            // Proton-J decodes an array into a Java array whose component class names the element type; an
            // empty array of arrays comes back as Object[0], and an empty described array as a described-type
            // array with no element to carry the descriptor.
            case ArrayValue a when a.size() == 0 && (a.elementType() == AmqpType.ARRAY || a.descriptor() != null) -> {
                return "empty array whose element type Proton-J's Java array cannot name";
            }
            default -> {
            }
        }
        if (value instanceof ArrayValue a && a.size() > 0 && a.elementType() == AmqpType.NULL) {
            // Decoding, Proton-J rejects an element count above the bytes left, though nulls take none;
            // encoding, it picks the element encoding from val[0].getClass(), and null has no class.
            return "non-empty array of nulls";
        }
        if (encoding && value instanceof ArrayValue a) {
            // Proton-J's DynamicDescribedType has no canonical encoding, and its array encoder dereferences it.
            if (a.descriptor() != null) return "Proton-J cannot encode arrays of described values";
            // Proton-J's array encodings keep the array being written in the encoding object, which the
            // outer and inner arrays share: sizes come out wrong once inner arrays differ.
            if (a.elementType() == AmqpType.ARRAY) return "Proton-J cannot encode arrays of arrays";
        }
        return null;
    }

    private static List<AmqpValue> children(AmqpValue value) {
        return switch (value) {
            case ListValue l -> l.elements();
            case MapValue m -> {
                List<AmqpValue> c = new ArrayList<>();
                m.entries().forEach((k, v) -> {
                    c.add(k);
                    c.add(v);
                });
                yield c;
            }
            case ArrayValue a -> {
                List<AmqpValue> c = new ArrayList<>(a.elements());
                if (a.descriptor() != null) c.add(a.descriptor());
                yield c;
            }
            case Described d -> List.of(d.descriptor(), d.described());
            default -> List.of();
        };
    }

    // ---- our values to Proton-J's Java objects

    static Object toJava(AmqpValue value) {
        return switch (value) {
            case NullValue n -> null;
            case BooleanValue v -> v.value();
            case UByteValue v -> UnsignedByte.valueOf((byte) v.value());
            case UShortValue v -> UnsignedShort.valueOf((short) v.value());
            case UIntValue v -> UnsignedInteger.valueOf(v.value());
            case ULongValue v -> UnsignedLong.valueOf(v.value());
            case ByteValue v -> v.value();
            case ShortValue v -> v.value();
            case IntValue v -> v.value();
            case LongValue v -> v.value();
            case FloatValue v -> v.value();
            case DoubleValue v -> v.value();
            case Decimal32Value v -> new Decimal32(v.bits());
            case Decimal64Value v -> new Decimal64(v.bits());
            case Decimal128Value v -> new Decimal128(v.high(), v.low());
            case CharValue v -> {
                if (v.codePoint() > 0xFFFF) throw new IllegalArgumentException("no Java char for " + v);
                yield (char) v.codePoint();
            }
            case TimestampValue v -> new Date(v.millis());
            case UuidValue v -> v.value();
            case BinaryValue v -> new Binary(v.toByteArray());
            case StringValue v -> v.value();
            case SymbolValue v -> Symbol.valueOf(v.value());
            case ListValue v -> {
                List<Object> l = new ArrayList<>();
                for (AmqpValue e : v.elements()) l.add(toJava(e));
                yield l;
            }
            case MapValue v -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                v.entries().forEach((k, e) -> m.put(toJava(k), toJava(e)));
                if (m.size() != v.size()) throw new IllegalArgumentException("keys collide as Java objects: " + v);
                yield m;
            }
            case ArrayValue v -> toJavaArray(v);
            case Described v -> new UnknownDescribedType(toJava(v.descriptor()), toJava(v.described()));
        };
    }

    private static Object toJavaArray(ArrayValue array) {
        if (array.descriptor() != null) {
            Object descriptor = toJava(array.descriptor());
            UnknownDescribedType[] a = new UnknownDescribedType[array.size()];
            for (int i = 0; i < a.length; i++) a[i] = new UnknownDescribedType(descriptor, toJava(array.get(i)));
            return a;
        }
        Object[] a = (Object[]) Array.newInstance(javaClass(array.elementType()), array.size());
        for (int i = 0; i < a.length; i++) a[i] = toJava(array.get(i));
        return a;
    }

    /** The class of Proton-J's Java objects for an AMQP type. */
    private static Class<?> javaClass(AmqpType type) {
        return switch (type) {
            case NULL -> Void.class;
            case BOOLEAN -> Boolean.class;
            case UBYTE -> UnsignedByte.class;
            case USHORT -> UnsignedShort.class;
            case UINT -> UnsignedInteger.class;
            case ULONG -> UnsignedLong.class;
            case BYTE -> Byte.class;
            case SHORT -> Short.class;
            case INT -> Integer.class;
            case LONG -> Long.class;
            case FLOAT -> Float.class;
            case DOUBLE -> Double.class;
            case DECIMAL32 -> Decimal32.class;
            case DECIMAL64 -> Decimal64.class;
            case DECIMAL128 -> Decimal128.class;
            case CHAR -> Character.class;
            case TIMESTAMP -> Date.class;
            case UUID -> UUID.class;
            case BINARY -> Binary.class;
            case STRING -> String.class;
            case SYMBOL -> Symbol.class;
            case LIST -> List.class;
            case MAP -> Map.class;
            case ARRAY -> Object[].class;
            case DESCRIBED -> DescribedType.class;
        };
    }

    // ---- Proton-J's Java objects to our values

    static AmqpValue fromJava(Object o) {
        return switch (o) {
            case null -> NullValue.NULL;
            case Boolean v -> BooleanValue.of(v);
            case UnsignedByte v -> new UByteValue(v.intValue());
            case UnsignedShort v -> new UShortValue(v.intValue());
            case UnsignedInteger v -> new UIntValue(v.longValue());
            case UnsignedLong v -> new ULongValue(v.longValue());
            case Byte v -> new ByteValue(v);
            case Short v -> new ShortValue(v);
            case Integer v -> new IntValue(v);
            case Long v -> new LongValue(v);
            case Float v -> new FloatValue(v);
            case Double v -> new DoubleValue(v);
            case Decimal32 v -> new Decimal32Value(v.getBits());
            case Decimal64 v -> new Decimal64Value(v.getBits());
            case Decimal128 v -> new Decimal128Value(v.getMostSignificantBits(), v.getLeastSignificantBits());
            case Character v -> new CharValue(v);
            case Date v -> new TimestampValue(v.getTime());
            case UUID v -> new UuidValue(v);
            case Binary v -> BinaryValue.of(v.getArray(), v.getArrayOffset(), v.getLength());
            case String v -> new StringValue(v);
            case Symbol v -> new SymbolValue(v.toString());
            case List<?> v -> new ListValue(v.stream().map(ProtonJ::fromJava).toList());
            case Map<?, ?> v -> {
                Map<AmqpValue, AmqpValue> m = new LinkedHashMap<>();
                v.forEach((k, e) -> m.put(fromJava(k), fromJava(e)));
                if (m.size() != v.size()) throw new AssertionError("Java keys decode to equal values: " + v);
                yield new MapValue(m);
            }
            case DescribedType v -> new DescribedValue(fromJava(v.getDescriptor()), fromJava(v.getDescribed()));
            default -> {
                if (o.getClass().isArray()) yield fromJavaArray(o);
                throw new IllegalArgumentException("no AMQP type for " + o.getClass().getName());
            }
        };
    }

    private static ArrayValue fromJavaArray(Object array) {
        Class<?> component = array.getClass().getComponentType();
        int n = Array.getLength(array);
        List<AmqpValue> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) elements.add(fromJava(Array.get(array, i)));
        if (DescribedType.class.isAssignableFrom(component)) {
            if (n == 0) throw new IllegalArgumentException("empty described array: no descriptor to read");
            AmqpValue descriptor = ((Described) elements.get(0)).descriptor();
            List<AmqpValue> inner = new ArrayList<>(n);
            for (AmqpValue e : elements) {
                Described d = (Described) e;
                if (!d.descriptor().equals(descriptor)) throw new AssertionError("descriptors differ in one array");
                inner.add(d.described());
            }
            return new ArrayValue(inner.get(0).type(), descriptor, inner);
        }
        return new ArrayValue(elementType(component, elements), elements);
    }

    private static AmqpType elementType(Class<?> component, List<AmqpValue> elements) {
        if (component == boolean.class) return AmqpType.BOOLEAN;
        if (component == byte.class) return AmqpType.BYTE;
        if (component == short.class) return AmqpType.SHORT;
        if (component == int.class) return AmqpType.INT;
        if (component == long.class) return AmqpType.LONG;
        if (component == float.class) return AmqpType.FLOAT;
        if (component == double.class) return AmqpType.DOUBLE;
        if (component == char.class) return AmqpType.CHAR;
        if (component.isArray()) return AmqpType.ARRAY;
        // Proton-J reads an array of arrays into an Object[] holding the inner arrays.
        if (component == Object.class) {
            if (elements.isEmpty()) throw new IllegalArgumentException("Object[0]: element type unknown");
            return elements.get(0).type();
        }
        for (AmqpType t : AmqpType.values()) {
            if (t != AmqpType.DESCRIBED && javaClass(t) == component) return t;
        }
        throw new IllegalArgumentException("no AMQP type for array of " + component.getName());
    }
}
