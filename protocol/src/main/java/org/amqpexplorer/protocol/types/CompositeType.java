package org.amqpexplorer.protocol.types;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.DecodeException;
import org.amqpexplorer.protocol.codec.Decoder;
import org.amqpexplorer.protocol.codec.DescribedTypes;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.ULongValue;

/**
 * One of the spec's described types: its name, both descriptors and its field table, and the one generic
 * codec every composite is encoded and decoded with. A composite ({@link #isList()}) is a list of fields; a
 * message section like {@code data} or {@code amqp-value} is a restricted type with a descriptor, and has
 * one field, named {@code value}, of the spec's source type.
 *
 * <p>The field table is read once from the record's components and their {@link Amqp} annotations.
 */
public final class CompositeType<T extends Composite> {
    private final Class<T> javaType;
    private final String name;
    private final long code;
    private final String symbol;
    private final boolean list;
    private final ULongValue descriptor;
    private final List<Field> fields;
    private final FieldCodec[] codecs;
    private final Function<Object, Object>[] accessors;
    /** The canonical constructor, taking the fields as one Object[]. */
    private final MethodHandle constructor;
    /**
     * Writes the fields: {@code (long state, Encoder, Object value)long}, the state being the number of fields
     * up to the last present one, shifted left 32, or'ed with where that field ends in the encoder.
     */
    private final MethodHandle fieldWriter;
    /**
     * Reads the fields straight from the bytes and constructs the value: {@code (Decoder, int count)Object},
     * count being the length of a composite's list (unused for a section).
     */
    private final MethodHandle fieldReader;
    private final Decoder.ListReader<T> listReader = this::readFields;
    /** For a composite without fields (accepted, released …): its one value, which decoding gives each time. */
    private final T withoutFields;

    @SuppressWarnings("unchecked")
    CompositeType(Class<T> javaType, long code, String symbol, boolean list,
                  Map<String, Class<? extends Composite>> composites) {
        this.javaType = javaType;
        this.code = code;
        this.symbol = symbol;
        this.name = symbol.split(":")[1];
        this.list = list;
        this.descriptor = new ULongValue(code);
        RecordComponent[] components = javaType.getRecordComponents();
        if (!list && components.length != 1) throw new IllegalStateException(name + ": a section has one value");
        List<Field> table = new ArrayList<>(components.length);
        codecs = new FieldCodec[components.length];
        accessors = new Function[components.length];
        List<MethodHandle> fieldWriters = new ArrayList<>(components.length);
        List<MethodHandle> fieldReaders = new ArrayList<>(components.length);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                Amqp a = rc.getAnnotation(Amqp.class);
                if (a == null) throw new IllegalStateException(name + "." + rc.getName() + " has no @Amqp");
                FieldCodec codec = FieldCodec.of(a.value(), a.multiple(), composites);
                if (!rc.getType().isAssignableFrom(codec.javaType())) {
                    throw new IllegalStateException(name + "." + rc.getName() + " is " + rc.getType().getSimpleName()
                            + " but " + a.value() + " fields are " + codec.javaType().getSimpleName());
                }
                codecs[i] = codec;
                Object dflt = a.defaultValue().isEmpty() ? null : codec.parseDefault(a.defaultValue());
                table.add(new Field(i, specName(rc.getName()), a.value(), a.mandatory(), a.multiple(), dflt,
                        a.requires().isEmpty() ? null : a.requires()));
                MethodHandle accessor = lookup.unreflect(rc.getAccessor());
                accessors[i] = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                                MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                                accessor, MethodType.methodType(rc.getType(), javaType))
                        .getTarget().invoke();
                String field = name + "." + table.get(i).name();
                fieldWriters.add(MethodHandles.filterArguments(MethodHandles.insertArguments(WRITE_FIELD, 0, codec.writer(), i, field),
                        2, accessor.asType(MethodType.methodType(Object.class, Object.class))));
                fieldReaders.add(MethodHandles.insertArguments(READ_FIELD, 0, codec.reader(), i, a.mandatory(), field));
            }
            fieldWriter = fieldWriters.isEmpty()
                    ? MethodHandles.dropArguments(MethodHandles.identity(long.class), 1, Encoder.class, Object.class)
                    : inSequence(fieldWriters);
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            MethodHandle canonical = lookup.unreflectConstructor(javaType.getDeclaredConstructor(types));
            constructor = canonical.asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            fieldReader = list ? readInOrder(canonical, fieldReaders)
                    : MethodHandles.dropArguments(MethodHandles.filterArguments(
                            canonical.asType(MethodType.methodType(Object.class, Object.class)), 0, codecs[0].reader()),
                            1, int.class);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot build the field table of " + name, t);
        }
        this.fields = List.copyOf(table);
        this.withoutFields = list && codecs.length == 0 ? construct(new Object[0]) : null;
    }

    private static final MethodHandle WRITE_FIELD;

    static {
        try {
            WRITE_FIELD = MethodHandles.lookup().findStatic(CompositeType.class, "writeField", MethodType.methodType(
                    long.class, MethodHandle.class, int.class, String.class, long.class, Encoder.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Writes field {@code index} with {@code writer}, or a null if it is absent, and returns the new state
     * (see {@link #fieldWriter}).
     */
    private static long writeField(MethodHandle writer, int index, String field, long state, Encoder e, Object value)
            throws Throwable {
        if (value == null) {
            e.writeNull();
            return state;
        }
        try {
            writer.invokeExact(e, value);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(field + ": " + ex.getMessage(), ex);
        }
        return (long) (index + 1) << 32 | e.size();
    }

    /**
     * One handle running the field writers one after the other, joined as a balanced tree: once the JIT has
     * customized the handle of a type, its accessors and writers compile into one piece of code, without a
     * call per field.
     */
    private static MethodHandle inSequence(List<MethodHandle> writers) {
        if (writers.size() == 1) return writers.get(0);
        int half = writers.size() / 2;
        MethodHandle first = inSequence(writers.subList(0, half));
        MethodHandle then = inSequence(writers.subList(half, writers.size()));
        // then(first(state, e, value), e, value)
        return MethodHandles.foldArguments(MethodHandles.dropArguments(then, 1, long.class), first);
    }

    private static final MethodHandle READ_FIELD;

    static {
        try {
            READ_FIELD = MethodHandles.lookup().findStatic(CompositeType.class, "readField", MethodType.methodType(
                    Object.class, MethodHandle.class, int.class, boolean.class, String.class, Decoder.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Reads field {@code index} of a list of {@code count} with {@code reader}: null if it is absent. */
    private static Object readField(MethodHandle reader, int index, boolean mandatory, String field, Decoder d, int count)
            throws Throwable {
        if (index < count && !d.tryReadNull()) return (Object) reader.invokeExact(d);
        if (mandatory) throw new DecodeException(field + ": mandatory field is missing");
        return null;
    }

    /**
     * One handle reading the fields in order, each with its reader, and passing them to the canonical
     * constructor; like {@link #inSequence}, it compiles into one piece of code per type.
     */
    private static MethodHandle readInOrder(MethodHandle canonical, List<MethodHandle> readers) {
        int n = readers.size();
        MethodHandle h = MethodHandles.dropArguments(canonical.asType(canonical.type().generic()), n, Decoder.class, int.class);
        // from the last field to the first: (a0..a[k-1], a[k], Decoder, int) becomes (a0..a[k-1], Decoder, int)
        for (int k = n - 1; k >= 0; k--) h = MethodHandles.foldArguments(h, k, readers.get(k));
        return h;
    }

    /** {@code maxFrameSize} → {@code max-frame-size}. */
    private static String specName(String component) {
        StringBuilder b = new StringBuilder(component.length() + 4);
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) b.append('-').append(Character.toLowerCase(c));
            else b.append(c);
        }
        return b.toString();
    }

    /** The spec's name, e.g. {@code open}. */
    public String name() {
        return name;
    }

    /** The numeric descriptor, e.g. {@code 0x10} for open (domain 0, the AMQP domain). */
    public long descriptorCode() {
        return code;
    }

    /** The symbolic descriptor, e.g. {@code amqp:open:list}. */
    public String descriptorSymbol() {
        return symbol;
    }

    /** The numeric descriptor as a value. */
    public ULongValue descriptor() {
        return descriptor;
    }

    public Class<T> javaType() {
        return javaType;
    }

    /** True for composites (a described list of fields), false for sections that describe a single value. */
    public boolean isList() {
        return list;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The field with this spec name, or null. */
    public Field field(String fieldName) {
        for (Field f : fields) if (f.name().equals(fieldName)) return f;
        return null;
    }

    /** The Java value of field {@code index} of {@code value} (null if absent). */
    public Object get(T value, int index) {
        return accessors[index].apply(value);
    }

    /** The value field {@code index} has in {@code value}, or its default if it is absent. */
    public Object effective(T value, int index) {
        Object v = accessors[index].apply(value);
        return v != null ? v : fields.get(index).defaultValue();
    }

    /**
     * A value from its fields' Java values, in table order (null for absent): for building a composite the
     * table describes, e.g. one edited field by field.
     *
     * @throws IllegalArgumentException if a value is not the field's Java type or a mandatory one is null
     */
    public T create(Object... fieldValues) {
        if (fieldValues.length != codecs.length) {
            throw new IllegalArgumentException(name + " has " + codecs.length + " fields, not " + fieldValues.length);
        }
        for (int i = 0; i < codecs.length; i++) {
            Object v = fieldValues[i];
            String field = name + "." + fields.get(i).name();
            if (v == null && fields.get(i).mandatory()) throw new IllegalArgumentException(field + ": mandatory field is missing");
            if (v != null && !codecs[i].javaType().isInstance(v)) {
                throw new IllegalArgumentException(field + ": expected " + codecs[i].javaType().getSimpleName()
                        + ", got " + v.getClass().getSimpleName());
            }
        }
        try {
            return javaType.cast((Object) constructor.invokeExact(fieldValues.clone()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Writes {@code value}: constructor 0x00, the ulong descriptor, then the fields without the trailing absent ones. */
    public void encode(T value, Encoder encoder) {
        encodeValue(value, encoder);
    }

    void encodeValue(Object value, Encoder e) {
        e.writeDescriptor(code);
        if (!list) {
            writeFields(value, e);
            return;
        }
        int mark = e.beginList();
        if (codecs.length == 0) {
            e.endList(mark, 0);
            return;
        }
        long state = writeFields(value, e);
        e.truncate((int) state); // trailing absent fields are left out
        e.endList(mark, (int) (state >>> 32));
    }

    private long writeFields(Object value, Encoder e) {
        try {
            return (long) fieldWriter.invokeExact((long) e.size(), e, value);
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The described value of {@code value}: its fields as a list (trailing absent ones left out), or a section's value. */
    public AmqpValue described(T value) {
        return describedOf(value);
    }

    AmqpValue describedOf(Object value) {
        if (!list) return codecs[0].toValue(accessors[0].apply(value));
        int n = accessors.length;
        while (n > 0 && accessors[n - 1].apply(value) == null) n--;
        List<AmqpValue> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object o = accessors[i].apply(value);
            elements.add(o == null ? NullValue.NULL : codecs[i].toValue(o));
        }
        return new ListValue(elements);
    }

    /**
     * The typed value of a described value with this type's descriptor.
     *
     * @throws DecodeException naming this type and the field if the value does not fit
     */
    public T fromValue(AmqpValue described) {
        Object[] args = new Object[codecs.length];
        if (!list) {
            args[0] = decode(0, described);
        } else if (described instanceof ListValue l) {
            int n = l.size();
            if (n > codecs.length) {
                throw new DecodeException(name + ": list has " + n + " fields, but " + name + " has " + codecs.length);
            }
            for (int i = 0; i < codecs.length; i++) {
                AmqpValue v = i < n ? l.get(i) : NullValue.NULL;
                if (v != NullValue.NULL) {
                    args[i] = decode(i, v);
                } else if (fields.get(i).mandatory()) {
                    throw new DecodeException(name + "." + fields.get(i).name() + ": mandatory field is missing");
                }
            }
        } else {
            throw new DecodeException(name + ": expected a list, got " + FieldCodec.describe(described));
        }
        return construct(args);
    }

    /**
     * Reads a value of this type straight from the bytes, the decoder standing after the descriptor: what
     * {@link #fromValue} gives for the value the decoder would read (see {@link DescribedTypes#read}).
     */
    T read(Decoder d) {
        return list ? d.readList(listReader) : readFields(d, 1);
    }

    private T readFields(Decoder d, int count) {
        if (count > codecs.length) {
            throw new DecodeException(name + ": list has " + count + " fields, but " + name + " has " + codecs.length);
        }
        if (withoutFields != null) return withoutFields;
        try {
            return javaType.cast((Object) fieldReader.invokeExact(d, count));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record's own check (e.g. a list with a null element) on values that passed the table
            throw new DecodeException(name + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private Object decode(int i, AmqpValue v) {
        try {
            return codecs[i].decode(v);
        } catch (DecodeException e) {
            throw new DecodeException(list ? name + "." + fields.get(i).name() + ": " + e.getMessage() : name + ": " + e.getMessage());
        }
    }

    private T construct(Object[] args) {
        try {
            return javaType.cast((Object) constructor.invokeExact(args));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record's own check (e.g. a list with a null element) on values that passed the table
            throw new DecodeException(name + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public String toString() {
        return name + String.format(" (0x%02x, %s)", code, symbol);
    }
}
