package org.amqpexplorer.protocol.codec;

/** The format codes of part 1.6, and the spec's name for each encoding. */
public final class FormatCode {
    private FormatCode() {
    }

    public static final int DESCRIBED = 0x00;
    public static final int NULL = 0x40;
    public static final int BOOLEAN = 0x56;
    public static final int BOOLEAN_TRUE = 0x41;
    public static final int BOOLEAN_FALSE = 0x42;
    public static final int UBYTE = 0x50;
    public static final int USHORT = 0x60;
    public static final int UINT = 0x70;
    public static final int SMALLUINT = 0x52;
    public static final int UINT0 = 0x43;
    public static final int ULONG = 0x80;
    public static final int SMALLULONG = 0x53;
    public static final int ULONG0 = 0x44;
    public static final int BYTE = 0x51;
    public static final int SHORT = 0x61;
    public static final int INT = 0x71;
    public static final int SMALLINT = 0x54;
    public static final int LONG = 0x81;
    public static final int SMALLLONG = 0x55;
    public static final int FLOAT = 0x72;
    public static final int DOUBLE = 0x82;
    public static final int DECIMAL32 = 0x74;
    public static final int DECIMAL64 = 0x84;
    public static final int DECIMAL128 = 0x94;
    public static final int CHAR = 0x73;
    public static final int TIMESTAMP = 0x83;
    public static final int UUID = 0x98;
    public static final int VBIN8 = 0xa0;
    public static final int VBIN32 = 0xb0;
    public static final int STR8 = 0xa1;
    public static final int STR32 = 0xb1;
    public static final int SYM8 = 0xa3;
    public static final int SYM32 = 0xb3;
    public static final int LIST0 = 0x45;
    public static final int LIST8 = 0xc0;
    public static final int LIST32 = 0xd0;
    public static final int MAP8 = 0xc1;
    public static final int MAP32 = 0xd1;
    public static final int ARRAY8 = 0xe0;
    public static final int ARRAY32 = 0xf0;

    /** The spec's encoding name for a format code, e.g. {@code "smalluint"}, or null if it is not one. */
    public static String encodingName(int code) {
        return switch (code) {
            case DESCRIBED -> "described";
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case BOOLEAN_TRUE -> "true";
            case BOOLEAN_FALSE -> "false";
            case UBYTE -> "ubyte";
            case USHORT -> "ushort";
            case UINT -> "uint";
            case SMALLUINT -> "smalluint";
            case UINT0 -> "uint0";
            case ULONG -> "ulong";
            case SMALLULONG -> "smallulong";
            case ULONG0 -> "ulong0";
            case BYTE -> "byte";
            case SHORT -> "short";
            case INT -> "int";
            case SMALLINT -> "smallint";
            case LONG -> "long";
            case SMALLLONG -> "smalllong";
            case FLOAT -> "ieee-754 float";
            case DOUBLE -> "ieee-754 double";
            case DECIMAL32 -> "ieee-754 decimal32";
            case DECIMAL64 -> "ieee-754 decimal64";
            case DECIMAL128 -> "ieee-754 decimal128";
            case CHAR -> "utf32";
            case TIMESTAMP -> "ms64";
            case UUID -> "uuid";
            case VBIN8 -> "vbin8";
            case VBIN32 -> "vbin32";
            case STR8 -> "str8-utf8";
            case STR32 -> "str32-utf8";
            case SYM8 -> "sym8";
            case SYM32 -> "sym32";
            case LIST0 -> "list0";
            case LIST8 -> "list8";
            case LIST32 -> "list32";
            case MAP8 -> "map8";
            case MAP32 -> "map32";
            case ARRAY8 -> "array8";
            case ARRAY32 -> "array32";
            default -> null;
        };
    }
}
