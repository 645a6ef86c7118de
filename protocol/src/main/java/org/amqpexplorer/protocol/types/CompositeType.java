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
                accessors[i] = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                                MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                                lookup.unreflect(rc.getAccessor()), MethodType.methodType(rc.getType(), javaType))
                        .getTarget().invoke();
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            constructor = lookup.unreflectConstructor(javaType.getDeclaredConstructor(types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot build the field table of " + name, t);
        }
        this.fields = List.copyOf(table);
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
            write(e, 0, accessors[0].apply(value));
            return;
        }
        int n = accessors.length;
        while (n > 0 && accessors[n - 1].apply(value) == null) n--;
        int mark = e.beginList();
        for (int i = 0; i < n; i++) {
            Object o = accessors[i].apply(value);
            if (o == null) e.writeNull();
            else write(e, i, o);
        }
        e.endList(mark, n);
    }

    private void write(Encoder e, int i, Object o) {
        try {
            codecs[i].write(e, o);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(name + "." + fields.get(i).name() + ": " + ex.getMessage(), ex);
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
