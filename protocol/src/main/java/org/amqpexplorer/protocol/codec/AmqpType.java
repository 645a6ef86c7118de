package org.amqpexplorer.protocol.codec;

import java.util.HashMap;
import java.util.Map;

/** The AMQP 1.0 types (part 1.6), named as the spec and typed JSON spell them. */
public enum AmqpType {
    NULL("null"),
    BOOLEAN("boolean"),
    UBYTE("ubyte"),
    USHORT("ushort"),
    UINT("uint"),
    ULONG("ulong"),
    BYTE("byte"),
    SHORT("short"),
    INT("int"),
    LONG("long"),
    FLOAT("float"),
    DOUBLE("double"),
    DECIMAL32("decimal32"),
    DECIMAL64("decimal64"),
    DECIMAL128("decimal128"),
    CHAR("char"),
    TIMESTAMP("timestamp"),
    UUID("uuid"),
    BINARY("binary"),
    STRING("string"),
    SYMBOL("symbol"),
    LIST("list"),
    MAP("map"),
    ARRAY("array"),
    /** A described value: descriptor plus value. Not a primitive type, but a value kind of its own. */
    DESCRIBED("described");

    private static final Map<String, AmqpType> BY_NAME = new HashMap<>();
    static {
        for (AmqpType t : values()) BY_NAME.put(t.specName, t);
    }

    private final String specName;

    AmqpType(String specName) {
        this.specName = specName;
    }

    /** The name as the spec writes it, e.g. {@code "ubyte"}. */
    public String specName() {
        return specName;
    }

    /** The type with this spec name, or null. */
    public static AmqpType ofSpecName(String name) {
        return BY_NAME.get(name);
    }

    /** True for list, map and array: types that contain other values. */
    public boolean isCompound() {
        return this == LIST || this == MAP || this == ARRAY;
    }

    @Override
    public String toString() {
        return specName;
    }
}
