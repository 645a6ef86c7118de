package org.amqpexplorer.protocol.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes AMQP encodings (part 1.6) into a growing byte array, choosing the smallest encoding for each value.
 * Reusable: {@link #reset()} keeps the buffer. Not thread-safe.
 */
public final class Encoder {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Bytes of a compound value's header, before its elements: format code, size and count, 32-bit form. */
    private static final int COMPOUND32_HEADER = 9;
    /** The same for the 8-bit form. */
    private static final int COMPOUND8_HEADER = 3;

    private byte[] buf;
    private int pos;

    public Encoder() {
        this(256);
    }

    public Encoder(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Encodes one value into a new array. */
    public static byte[] encode(AmqpValue value) {
        Encoder e = new Encoder();
        e.writeValue(value);
        return e.toByteArray();
    }

    public int size() {
        return pos;
    }

    public void reset() {
        pos = 0;
    }

    /** Drops what was written after the first {@code size} bytes (e.g. trailing nulls a list leaves out). */
    public void truncate(int size) {
        if (size < 0 || size > pos) throw new IllegalArgumentException("cannot truncate " + pos + " bytes to " + size);
        pos = size;
    }

    /** The internal buffer; valid up to {@link #size()} until the next write. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            long wanted = Math.max((long) buf.length * 2, (long) pos + n);
            if (wanted > Integer.MAX_VALUE - 16) throw new IllegalStateException("encoding larger than 2 GiB");
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    // ---- raw big-endian writes

    public void writeRawByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    public void writeRawShort(int v) {
        ensure(2);
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    public void writeRawInt(int v) {
        ensure(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    public void writeRawLong(long v) {
        ensure(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    public void writeRawBytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, buf, pos, length);
        pos += length;
    }

    /** Overwrites 4 bytes at an earlier position. */
    public void setRawInt(int at, int v) {
        INT.set(buf, at, v);
    }

    // ---- primitives, smallest encoding

    public void writeNull() {
        writeRawByte(FormatCode.NULL);
    }

    public void writeBoolean(boolean v) {
        writeRawByte(v ? FormatCode.BOOLEAN_TRUE : FormatCode.BOOLEAN_FALSE);
    }

    public void writeUByte(int v) {
        ensure(2);
        buf[pos++] = (byte) FormatCode.UBYTE;
        buf[pos++] = (byte) v;
    }

    public void writeUShort(int v) {
        ensure(3);
        buf[pos++] = (byte) FormatCode.USHORT;
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    /** uint, given as 0 to 2^32-1 (only the low 32 bits are used). */
    public void writeUInt(long v) {
        ensure(5);
        int i = (int) v;
        if (i == 0) {
            buf[pos++] = (byte) FormatCode.UINT0;
        } else if ((i & 0xFFFFFF00) == 0) {
            buf[pos++] = (byte) FormatCode.SMALLUINT;
            buf[pos++] = (byte) i;
        } else {
            buf[pos++] = (byte) FormatCode.UINT;
            INT.set(buf, pos, i);
            pos += 4;
        }
    }

    /** ulong, given as the 64 bits of a long. */
    public void writeULong(long v) {
        ensure(9);
        if (v == 0) {
            buf[pos++] = (byte) FormatCode.ULONG0;
        } else if ((v & 0xFFFFFFFFFFFFFF00L) == 0) {
            buf[pos++] = (byte) FormatCode.SMALLULONG;
            buf[pos++] = (byte) v;
        } else {
            buf[pos++] = (byte) FormatCode.ULONG;
            LONG.set(buf, pos, v);
            pos += 8;
        }
    }

    public void writeByte(byte v) {
        ensure(2);
        buf[pos++] = (byte) FormatCode.BYTE;
        buf[pos++] = v;
    }

    public void writeShort(short v) {
        ensure(3);
        buf[pos++] = (byte) FormatCode.SHORT;
        SHORT.set(buf, pos, v);
        pos += 2;
    }

    public void writeInt(int v) {
        ensure(5);
        if (v >= -128 && v <= 127) {
            buf[pos++] = (byte) FormatCode.SMALLINT;
            buf[pos++] = (byte) v;
        } else {
            buf[pos++] = (byte) FormatCode.INT;
            INT.set(buf, pos, v);
            pos += 4;
        }
    }

    public void writeLong(long v) {
        ensure(9);
        if (v >= -128 && v <= 127) {
            buf[pos++] = (byte) FormatCode.SMALLLONG;
            buf[pos++] = (byte) v;
        } else {
            buf[pos++] = (byte) FormatCode.LONG;
            LONG.set(buf, pos, v);
            pos += 8;
        }
    }

    public void writeFloat(float v) {
        ensure(5);
        buf[pos++] = (byte) FormatCode.FLOAT;
        INT.set(buf, pos, Float.floatToRawIntBits(v));
        pos += 4;
    }

    public void writeDouble(double v) {
        ensure(9);
        buf[pos++] = (byte) FormatCode.DOUBLE;
        LONG.set(buf, pos, Double.doubleToRawLongBits(v));
        pos += 8;
    }

    public void writeDecimal32(int bits) {
        writeRawByte(FormatCode.DECIMAL32);
        writeRawInt(bits);
    }

    public void writeDecimal64(long bits) {
        writeRawByte(FormatCode.DECIMAL64);
        writeRawLong(bits);
    }

    public void writeDecimal128(long high, long low) {
        writeRawByte(FormatCode.DECIMAL128);
        writeRawLong(high);
        writeRawLong(low);
    }

    public void writeChar(int codePoint) {
        writeRawByte(FormatCode.CHAR);
        writeRawInt(codePoint);
    }

    public void writeTimestamp(long millis) {
        ensure(9);
        buf[pos++] = (byte) FormatCode.TIMESTAMP;
        LONG.set(buf, pos, millis);
        pos += 8;
    }

    public void writeUuid(UUID v) {
        ensure(17);
        buf[pos++] = (byte) FormatCode.UUID;
        LONG.set(buf, pos, v.getMostSignificantBits());
        LONG.set(buf, pos + 8, v.getLeastSignificantBits());
        pos += 16;
    }

    public void writeBinary(byte[] src, int offset, int length) {
        if (length <= 0xFF) {
            ensure(2 + length);
            buf[pos++] = (byte) FormatCode.VBIN8;
            buf[pos++] = (byte) length;
        } else {
            ensure(5 + length);
            buf[pos++] = (byte) FormatCode.VBIN32;
            INT.set(buf, pos, length);
            pos += 4;
        }
        System.arraycopy(src, offset, buf, pos, length);
        pos += length;
    }

    public void writeBinary(BinaryValue v) {
        int length = v.length();
        if (length <= 0xFF) {
            ensure(2 + length);
            buf[pos++] = (byte) FormatCode.VBIN8;
            buf[pos++] = (byte) length;
        } else {
            ensure(5 + length);
            buf[pos++] = (byte) FormatCode.VBIN32;
            INT.set(buf, pos, length);
            pos += 4;
        }
        v.copyTo(buf, pos);
        pos += length;
    }

    /** @throws IllegalArgumentException if {@code s} has an unpaired surrogate, which UTF-8 cannot encode */
    public void writeString(String s) {
        writeText(s, FormatCode.STR8, FormatCode.STR32);
    }

    /** symbol; the caller guarantees ASCII (as {@link SymbolValue} does). */
    public void writeSymbol(String s) {
        writeText(s, FormatCode.SYM8, FormatCode.SYM32);
    }

    private void writeText(String s, int code8, int code32) {
        int utf8 = utf8Length(s);
        if (utf8 <= 0xFF) {
            ensure(2 + utf8);
            buf[pos++] = (byte) code8;
            buf[pos++] = (byte) utf8;
        } else {
            ensure(5 + utf8);
            buf[pos++] = (byte) code32;
            INT.set(buf, pos, utf8);
            pos += 4;
        }
        writeUtf8(s, utf8);
    }

    private static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for 2 chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // no UTF-8 for it: refusing beats sending something else than was given
                    throw new IllegalArgumentException("string has an unpaired surrogate at index " + i);
                } else {
                    bytes += 2; // 3 bytes
                }
            }
        }
        return bytes;
    }

    /** Writes exactly {@code utf8} bytes (as computed by utf8Length); room is ensured by the caller. */
    private void writeUtf8(String s, int utf8) {
        int n = s.length();
        if (utf8 == n) {
            for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    // ---- compounds

    /**
     * Starts a list whose elements the caller then writes; {@link #endList(int, int)} with the returned mark
     * and the element count finishes it in its smallest encoding (list0, list8 or list32).
     */
    public int beginList() {
        return reserve(COMPOUND8_HEADER);
    }

    public void endList(int mark, int count) {
        endCompound(mark, COMPOUND8_HEADER, count, FormatCode.LIST8, FormatCode.LIST32, true);
    }

    /** As {@link #beginList()}, for a map; the count given to {@link #endMap} is keys plus values. */
    public int beginMap() {
        return reserve(COMPOUND8_HEADER);
    }

    public void endMap(int mark, int count) {
        endCompound(mark, COMPOUND8_HEADER, count, FormatCode.MAP8, FormatCode.MAP32, false);
    }

    /**
     * The room a compound of {@code count} elements reserves for its header before its content: the 8-bit
     * form's unless the count rules it out. Most compounds are small; the content of one that turns out too
     * large for the 8-bit form is moved, which costs little next to writing it.
     */
    private static int headerFor(int count) {
        return count <= 0xFF ? COMPOUND8_HEADER : COMPOUND32_HEADER;
    }

    private int reserve(int header) {
        ensure(header);
        int mark = pos;
        pos += header;
        return mark;
    }

    /** Writes the header of the compound at {@code mark}, with {@code header} bytes reserved, in its smallest form. */
    private void endCompound(int mark, int header, int count, int code8, int code32, boolean list0) {
        int contentStart = mark + header;
        int contentLength = pos - contentStart;
        if (count == 0 && list0) {
            buf[mark] = (byte) FormatCode.LIST0;
            pos = mark + 1;
        } else if (contentLength + 1 <= 0xFF && count <= 0xFF) {
            if (header != COMPOUND8_HEADER) {
                System.arraycopy(buf, contentStart, buf, mark + COMPOUND8_HEADER, contentLength);
                pos = mark + COMPOUND8_HEADER + contentLength;
            }
            buf[mark] = (byte) code8;
            buf[mark + 1] = (byte) (contentLength + 1);
            buf[mark + 2] = (byte) count;
        } else {
            if (header != COMPOUND32_HEADER) {
                ensure(COMPOUND32_HEADER - header);
                System.arraycopy(buf, contentStart, buf, mark + COMPOUND32_HEADER, contentLength);
                pos = mark + COMPOUND32_HEADER + contentLength;
            }
            buf[mark] = (byte) code32;
            INT.set(buf, mark + 1, contentLength + 4);
            INT.set(buf, mark + 5, count);
        }
    }

    /** Writes the described-type constructor {@code 0x00} and a ulong descriptor; the described value follows. */
    public void writeDescriptor(long code) {
        if (code > 0 && code <= 0xFF) { // every descriptor of the spec: a smallulong
            ensure(3);
            buf[pos] = (byte) FormatCode.DESCRIBED;
            buf[pos + 1] = (byte) FormatCode.SMALLULONG;
            buf[pos + 2] = (byte) code;
            pos += 3;
            return;
        }
        writeRawByte(FormatCode.DESCRIBED);
        writeULong(code);
    }

    public void writeList(List<AmqpValue> elements) {
        int header = headerFor(elements.size());
        int mark = reserve(header);
        for (AmqpValue v : elements) writeValue(v);
        endCompound(mark, header, elements.size(), FormatCode.LIST8, FormatCode.LIST32, true);
    }

    public void writeMap(Map<AmqpValue, AmqpValue> entries) {
        int header = headerFor(entries.size() * 2);
        int mark = reserve(header);
        for (Map.Entry<AmqpValue, AmqpValue> e : entries.entrySet()) {
            writeValue(e.getKey());
            writeValue(e.getValue());
        }
        endCompound(mark, header, entries.size() * 2, FormatCode.MAP8, FormatCode.MAP32, false);
    }

    public void writeArray(ArrayValue array) {
        int header = headerFor(array.size());
        int mark = reserve(header);
        writeArrayBody(array);
        endCompound(mark, header, array.size(), FormatCode.ARRAY8, FormatCode.ARRAY32, false);
    }

    /** The element constructor (with the descriptor, if any) and every element's payload. */
    private void writeArrayBody(ArrayValue array) {
        if (array.descriptor() != null) {
            writeRawByte(FormatCode.DESCRIBED);
            writeValue(array.descriptor());
        }
        List<AmqpValue> elements = array.elements();
        int code = arrayElementCode(array.elementType(), elements);
        writeRawByte(code);
        for (AmqpValue v : elements) writePayload(code, v);
    }

    /**
     * One constructor that can hold every element: the smallest fixed width, or 8/32-bit variable width.
     * Zero-width constructors (true, false, uint0, ulong0, list0) would be smaller still for arrays whose
     * elements are all alike, but are not used: such an array declares more elements than it has bytes, which
     * other decoders (Proton-J among them) reject.
     */
    private static int arrayElementCode(AmqpType type, List<AmqpValue> elements) {
        return switch (type) {
            case NULL -> FormatCode.NULL;
            case BOOLEAN -> FormatCode.BOOLEAN;
            case UBYTE -> FormatCode.UBYTE;
            case USHORT -> FormatCode.USHORT;
            case UINT -> allMatch(elements, v -> ((UIntValue) v).value() <= 0xFF) ? FormatCode.SMALLUINT : FormatCode.UINT;
            case ULONG -> allMatch(elements, v -> Long.compareUnsigned(((ULongValue) v).value(), 0xFF) <= 0) ? FormatCode.SMALLULONG : FormatCode.ULONG;
            case BYTE -> FormatCode.BYTE;
            case SHORT -> FormatCode.SHORT;
            case INT -> allMatch(elements, v -> { int i = ((IntValue) v).value(); return i >= -128 && i <= 127; }) ? FormatCode.SMALLINT : FormatCode.INT;
            case LONG -> allMatch(elements, v -> { long l = ((LongValue) v).value(); return l >= -128 && l <= 127; }) ? FormatCode.SMALLLONG : FormatCode.LONG;
            case FLOAT -> FormatCode.FLOAT;
            case DOUBLE -> FormatCode.DOUBLE;
            case DECIMAL32 -> FormatCode.DECIMAL32;
            case DECIMAL64 -> FormatCode.DECIMAL64;
            case DECIMAL128 -> FormatCode.DECIMAL128;
            case CHAR -> FormatCode.CHAR;
            case TIMESTAMP -> FormatCode.TIMESTAMP;
            case UUID -> FormatCode.UUID;
            case BINARY -> allMatch(elements, v -> ((BinaryValue) v).length() <= 0xFF) ? FormatCode.VBIN8 : FormatCode.VBIN32;
            case STRING -> allMatch(elements, v -> utf8Length(((StringValue) v).value()) <= 0xFF) ? FormatCode.STR8 : FormatCode.STR32;
            case SYMBOL -> allMatch(elements, v -> ((SymbolValue) v).value().length() <= 0xFF) ? FormatCode.SYM8 : FormatCode.SYM32;
            // Compound elements take their 32-bit form: sizes are not known before they are written.
            case LIST -> FormatCode.LIST32;
            case MAP -> FormatCode.MAP32;
            case ARRAY -> FormatCode.ARRAY32;
            case DESCRIBED -> throw new IllegalArgumentException("array element type cannot be 'described'");
        };
    }

    private static boolean allMatch(List<AmqpValue> elements, java.util.function.Predicate<AmqpValue> p) {
        for (AmqpValue v : elements) if (!p.test(v)) return false;
        return true;
    }

    /** Writes a value's payload without its constructor, as an array element with constructor {@code code}. */
    private void writePayload(int code, AmqpValue v) {
        switch (code) {
            case FormatCode.NULL -> { }
            case FormatCode.BOOLEAN -> writeRawByte(((BooleanValue) v).value() ? 1 : 0);
            case FormatCode.UBYTE -> writeRawByte(((UByteValue) v).value());
            case FormatCode.USHORT -> writeRawShort(((UShortValue) v).value());
            case FormatCode.SMALLUINT -> writeRawByte((int) ((UIntValue) v).value());
            case FormatCode.UINT -> writeRawInt((int) ((UIntValue) v).value());
            case FormatCode.SMALLULONG -> writeRawByte((int) ((ULongValue) v).value());
            case FormatCode.ULONG -> writeRawLong(((ULongValue) v).value());
            case FormatCode.BYTE -> writeRawByte(((ByteValue) v).value());
            case FormatCode.SHORT -> writeRawShort(((ShortValue) v).value());
            case FormatCode.SMALLINT -> writeRawByte(((IntValue) v).value());
            case FormatCode.INT -> writeRawInt(((IntValue) v).value());
            case FormatCode.SMALLLONG -> writeRawByte((int) ((LongValue) v).value());
            case FormatCode.LONG -> writeRawLong(((LongValue) v).value());
            case FormatCode.FLOAT -> writeRawInt(Float.floatToRawIntBits(((FloatValue) v).value()));
            case FormatCode.DOUBLE -> writeRawLong(Double.doubleToRawLongBits(((DoubleValue) v).value()));
            case FormatCode.DECIMAL32 -> writeRawInt(((Decimal32Value) v).bits());
            case FormatCode.DECIMAL64 -> writeRawLong(((Decimal64Value) v).bits());
            case FormatCode.DECIMAL128 -> {
                writeRawLong(((Decimal128Value) v).high());
                writeRawLong(((Decimal128Value) v).low());
            }
            case FormatCode.CHAR -> writeRawInt(((CharValue) v).codePoint());
            case FormatCode.TIMESTAMP -> writeRawLong(((TimestampValue) v).millis());
            case FormatCode.UUID -> {
                writeRawLong(((UuidValue) v).value().getMostSignificantBits());
                writeRawLong(((UuidValue) v).value().getLeastSignificantBits());
            }
            case FormatCode.VBIN8, FormatCode.VBIN32 -> {
                BinaryValue b = (BinaryValue) v;
                if (code == FormatCode.VBIN8) writeRawByte(b.length()); else writeRawInt(b.length());
                ensure(b.length());
                b.copyTo(buf, pos);
                pos += b.length();
            }
            case FormatCode.STR8, FormatCode.STR32 -> writeTextPayload(((StringValue) v).value(), code == FormatCode.STR8);
            case FormatCode.SYM8, FormatCode.SYM32 -> writeTextPayload(((SymbolValue) v).value(), code == FormatCode.SYM8);
            case FormatCode.LIST32 -> {
                List<AmqpValue> elements = ((ListValue) v).elements();
                int start = pos;
                writeRawInt(0);
                writeRawInt(elements.size());
                for (AmqpValue e : elements) writeValue(e);
                setRawInt(start, pos - start - 4);
            }
            case FormatCode.MAP32 -> {
                Map<AmqpValue, AmqpValue> entries = ((MapValue) v).entries();
                int start = pos;
                writeRawInt(0);
                writeRawInt(entries.size() * 2);
                for (Map.Entry<AmqpValue, AmqpValue> e : entries.entrySet()) {
                    writeValue(e.getKey());
                    writeValue(e.getValue());
                }
                setRawInt(start, pos - start - 4);
            }
            case FormatCode.ARRAY32 -> {
                ArrayValue a = (ArrayValue) v;
                int start = pos;
                writeRawInt(0);
                writeRawInt(a.size());
                writeArrayBody(a);
                setRawInt(start, pos - start - 4);
            }
            default -> throw new IllegalStateException("no array payload for format code " + code);
        }
    }

    private void writeTextPayload(String s, boolean small) {
        int utf8 = utf8Length(s);
        if (small) writeRawByte(utf8); else writeRawInt(utf8);
        ensure(utf8);
        writeUtf8(s, utf8);
    }

    /** Writes any value in its smallest encoding. */
    public void writeValue(AmqpValue value) {
        switch (value) {
            case NullValue n -> writeNull();
            case BooleanValue b -> writeBoolean(b.value());
            case UByteValue v -> writeUByte(v.value());
            case UShortValue v -> writeUShort(v.value());
            case UIntValue v -> writeUInt(v.value());
            case ULongValue v -> writeULong(v.value());
            case ByteValue v -> writeByte(v.value());
            case ShortValue v -> writeShort(v.value());
            case IntValue v -> writeInt(v.value());
            case LongValue v -> writeLong(v.value());
            case FloatValue v -> writeFloat(v.value());
            case DoubleValue v -> writeDouble(v.value());
            case Decimal32Value v -> writeDecimal32(v.bits());
            case Decimal64Value v -> writeDecimal64(v.bits());
            case Decimal128Value v -> writeDecimal128(v.high(), v.low());
            case CharValue v -> writeChar(v.codePoint());
            case TimestampValue v -> writeTimestamp(v.millis());
            case UuidValue v -> writeUuid(v.value());
            case BinaryValue v -> writeBinary(v);
            case StringValue v -> writeString(v.value());
            case SymbolValue v -> writeSymbol(v.value());
            case ListValue v -> writeList(v.elements());
            case MapValue v -> writeMap(v.entries());
            case ArrayValue v -> writeArray(v);
            case Encodable v -> v.encode(this);
            case Described v -> {
                writeRawByte(FormatCode.DESCRIBED);
                writeValue(v.descriptor());
                writeValue(v.described());
            }
        }
    }
}
