package org.amqpexplorer.protocol.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads AMQP encodings (part 1.6) from a byte range. Every declared size and count is checked against the
 * bytes actually available before anything is allocated; nesting is bounded by {@link DecodeLimits}. Any
 * malformed input ends in a {@link DecodeException} naming the byte offset, never another exception.
 * Not thread-safe; one instance reads one input.
 */
public final class Decoder {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] buf;
    private final int start;
    private int pos;
    private int limit;
    private int depth;
    /** Zero-width array elements declared so far in this input, against {@link DecodeLimits#maxZeroWidthArrayElements()}. */
    private int zeroWidthElements;
    private final DecodeLimits limits;
    private final DescribedTypes describedTypes;
    /** Collects where each value was encoded, only while {@link #readEncoded()} runs. */
    private List<EncodedValue> spans;
    /** How described values of known types are read now: one of the three below. */
    private int describedMode = OUTERMOST_DIRECT;
    /** Directly; a failure makes this reading start again the generic way. */
    private static final int OUTERMOST_DIRECT = 0;
    /** Directly, inside another direct reading, to which a failure goes. */
    private static final int INNER_DIRECT = 1;
    /** The generic way, after a direct reading failed. */
    private static final int GENERIC = 2;

    public Decoder(byte[] buf, int offset, int length, DecodeLimits limits, DescribedTypes describedTypes) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside array of " + buf.length);
        }
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.limit = offset + length;
        this.limits = limits;
        this.describedTypes = describedTypes;
    }

    public Decoder(byte[] buf, DescribedTypes describedTypes) {
        this(buf, 0, buf.length, DecodeLimits.DEFAULT, describedTypes);
    }

    /** Decodes exactly one value filling the whole array, leaving described types generic. */
    public static AmqpValue decode(byte[] bytes) {
        Decoder d = new Decoder(bytes, DescribedTypes.NONE);
        AmqpValue v = d.readValue();
        d.expectEnd();
        return v;
    }

    /** Offset of the next byte, relative to the start of the input. */
    public int position() {
        return pos - start;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    public int remaining() {
        return limit - pos;
    }

    /** Fails unless all input was consumed. */
    public void expectEnd() {
        if (pos != limit) throw error((limit - pos) + " bytes left after the value", pos);
    }

    private DecodeException error(String reason, int at) {
        return new DecodeException(reason, at - start);
    }

    private void need(int n, String what) {
        if (n < 0 || limit - pos < n) {
            throw error(what + " needs " + Integer.toUnsignedString(n) + " bytes but " + (limit - pos) + " remain", pos);
        }
    }

    private int u8() {
        need(1, "value");
        return buf[pos++] & 0xFF;
    }

    private int i32() {
        need(4, "value");
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    private long i64() {
        need(8, "value");
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    private short i16() {
        need(2, "value");
        short v = (short) SHORT.get(buf, pos);
        pos += 2;
        return v;
    }

    /** Reads one value with its constructor. */
    public AmqpValue readValue() {
        int at = pos;
        int code = u8();
        if (code == FormatCode.DESCRIBED) return readDescribed(at);
        AmqpValue v = readPayload(code, at);
        if (spans != null && !isCompound(code)) span(v, code, at);
        return v;
    }

    /** list8/32, map8/32 and array8/32 record their own spans, with their children's. */
    private static boolean isCompound(int code) {
        return switch (code) {
            case FormatCode.LIST8, FormatCode.LIST32, FormatCode.MAP8, FormatCode.MAP32, FormatCode.ARRAY8,
                 FormatCode.ARRAY32 -> true;
            default -> false;
        };
    }

    /** Reads one value and where each part of it was encoded. */
    public EncodedValue readEncoded() {
        List<EncodedValue> outer = spans;
        spans = new ArrayList<>(1);
        try {
            readValue();
            return spans.get(0);
        } finally {
            spans = outer;
        }
    }

    /** Records the span of a value without children. */
    private void span(AmqpValue v, int code, int at) {
        spans.add(new EncodedValue(v, code, at - start, pos - at, List.of()));
    }

    private AmqpValue readDescribed(int at) {
        if (spans == null && describedMode != GENERIC) {
            Described typed = readDirectly(at);
            if (typed != null) return typed;
        }
        return readDescribedValue(at);
    }

    /**
     * Reads a described value with a numeric descriptor that {@link #describedTypes} reads straight from the
     * bytes (with {@link DescribedTypes#read}), or returns null having read nothing. If that direct reading
     * fails anywhere, the outermost one under way reads its value again the generic way, so a value read
     * directly is always what the generic way gives, and any error is the one it reports.
     */
    private Described readDirectly(int at) {
        long code;
        int descriptorLength;
        if (pos + 2 <= limit && (buf[pos] & 0xFF) == FormatCode.SMALLULONG) {
            code = buf[pos + 1] & 0xFF;
            descriptorLength = 2;
        } else if (pos + 9 <= limit && (buf[pos] & 0xFF) == FormatCode.ULONG) {
            code = (long) LONG.get(buf, pos + 1);
            descriptorLength = 9;
        } else {
            return null;
        }
        if (describedMode == INNER_DIRECT) return readKnown(code, descriptorLength, at);
        int savedLimit = limit;
        int savedDepth = depth;
        describedMode = INNER_DIRECT;
        try {
            return readKnown(code, descriptorLength, at);
        } catch (DecodeException e) {
            pos = at + 1;
            limit = savedLimit;
            depth = savedDepth;
            describedMode = GENERIC;
            return (Described) readDescribedValue(at);
        } finally {
            describedMode = OUTERMOST_DIRECT;
        }
    }

    /** The direct reading of a described value whose descriptor (at {@code at}) is {@code code}; null if unknown. */
    private Described readKnown(long code, int descriptorLength, int at) {
        enter(at);
        pos += descriptorLength;
        Described typed = describedTypes.read(code, this);
        if (typed == null) pos -= descriptorLength; // not a type read directly: nothing else was read
        depth--;
        return typed;
    }

    /** Reads a described value the generic way: descriptor and value, then {@link DescribedTypes#toTyped}. */
    private AmqpValue readDescribedValue(int at) {
        List<EncodedValue> outer = spans;
        if (outer != null) spans = new ArrayList<>(2);
        enter(at);
        AmqpValue descriptor = readValue();
        AmqpValue described = readValue();
        depth--;
        Described typed;
        try {
            typed = describedTypes.toTyped(descriptor, described);
        } catch (DecodeException e) {
            throw e.offset() >= 0 ? e : error(e.getMessage(), at);
        }
        AmqpValue result = typed != null ? typed : new DescribedValue(descriptor, described);
        if (outer != null) {
            outer.add(new EncodedValue(result, FormatCode.DESCRIBED, at - start, pos - at, spans));
            spans = outer;
        }
        return result;
    }

    private void enter(int at) {
        if (++depth > limits.maxNestingDepth()) {
            throw error("nesting deeper than " + limits.maxNestingDepth() + " (limit maxNestingDepth)", at);
        }
    }

    /** Reads the value after its format code {@code code} (read at {@code at}). */
    private AmqpValue readPayload(int code, int at) {
        return switch (code) {
            case FormatCode.NULL -> NullValue.NULL;
            case FormatCode.BOOLEAN -> {
                int b = u8();
                if (b > 1) throw error("boolean byte must be 0 or 1, was " + b, pos - 1);
                yield BooleanValue.of(b == 1);
            }
            case FormatCode.BOOLEAN_TRUE -> BooleanValue.TRUE;
            case FormatCode.BOOLEAN_FALSE -> BooleanValue.FALSE;
            case FormatCode.UBYTE -> new UByteValue(u8());
            case FormatCode.USHORT -> new UShortValue(i16() & 0xFFFF);
            case FormatCode.UINT -> new UIntValue(i32() & 0xFFFF_FFFFL);
            case FormatCode.SMALLUINT -> new UIntValue(u8());
            case FormatCode.UINT0 -> new UIntValue(0);
            case FormatCode.ULONG -> new ULongValue(i64());
            case FormatCode.SMALLULONG -> new ULongValue(u8());
            case FormatCode.ULONG0 -> new ULongValue(0);
            case FormatCode.BYTE -> new ByteValue((byte) u8());
            case FormatCode.SHORT -> new ShortValue(i16());
            case FormatCode.INT -> new IntValue(i32());
            case FormatCode.SMALLINT -> new IntValue((byte) u8());
            case FormatCode.LONG -> new LongValue(i64());
            case FormatCode.SMALLLONG -> new LongValue((byte) u8());
            case FormatCode.FLOAT -> new FloatValue(Float.intBitsToFloat(i32()));
            case FormatCode.DOUBLE -> new DoubleValue(Double.longBitsToDouble(i64()));
            case FormatCode.DECIMAL32 -> new Decimal32Value(i32());
            case FormatCode.DECIMAL64 -> new Decimal64Value(i64());
            case FormatCode.DECIMAL128 -> {
                need(16, "decimal128");
                yield new Decimal128Value(i64(), i64());
            }
            case FormatCode.CHAR -> {
                int cp = i32();
                if (!CharValue.isScalarValue(cp)) throw error(String.format("char is not a Unicode scalar value: 0x%x", cp), pos - 4);
                yield new CharValue(cp);
            }
            case FormatCode.TIMESTAMP -> new TimestampValue(i64());
            case FormatCode.UUID -> {
                need(16, "uuid");
                yield new UuidValue(new UUID(i64(), i64()));
            }
            case FormatCode.VBIN8 -> binary(u8());
            case FormatCode.VBIN32 -> binary(i32());
            case FormatCode.STR8 -> new StringValue(utf8(u8()));
            case FormatCode.STR32 -> new StringValue(utf8(i32()));
            case FormatCode.SYM8 -> new SymbolValue(ascii(u8()));
            case FormatCode.SYM32 -> new SymbolValue(ascii(i32()));
            case FormatCode.LIST0 -> ListValue.EMPTY;
            case FormatCode.LIST8 -> list(code, at, u8(), 1);
            case FormatCode.LIST32 -> list(code, at, i32(), 4);
            case FormatCode.MAP8 -> map(code, at, u8(), 1);
            case FormatCode.MAP32 -> map(code, at, i32(), 4);
            case FormatCode.ARRAY8 -> array(code, at, u8(), 1);
            case FormatCode.ARRAY32 -> array(code, at, i32(), 4);
            default -> throw error(String.format("unknown format code 0x%02x", code), at);
        };
    }

    private BinaryValue binary(int length) {
        need(length, "binary");
        BinaryValue v = BinaryValue.of(buf, pos, length);
        pos += length;
        return v;
    }

    private String utf8(int length) {
        need(length, "string");
        int at = pos;
        pos += length;
        boolean ascii = true;
        for (int i = at; i < pos; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(buf, at, length, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(buf, at, length)).toString();
        } catch (CharacterCodingException e) {
            throw error("string is not valid UTF-8", at);
        }
    }

    private String ascii(int length) {
        need(length, "symbol");
        int at = pos;
        for (int i = 0; i < length; i++) {
            if (buf[at + i] < 0) throw error("symbol is not ASCII", at + i);
        }
        pos += length;
        return new String(buf, at, length, StandardCharsets.ISO_8859_1);
    }

    /** Checks that the declared {@code size} bytes of a compound's content are there; returns where it ends. */
    private int compoundEnd(int size, String what) {
        need(size, what);
        return pos + size;
    }

    private int count(int width) {
        return width == 1 ? u8() : i32();
    }

    private AmqpValue list(int code, int at, int size, int width) {
        List<EncodedValue> outer = beginChildren();
        ListValue v = listContent(at, size, width, ELEMENTS);
        endChildren(outer, v, code, at);
        return v;
    }

    /** Reads a list's elements as values. */
    private static final ListReader<ListValue> ELEMENTS = (d, count) -> {
        AmqpValue[] elements = new AmqpValue[count];
        for (int i = 0; i < count; i++) elements[i] = d.readValue();
        return new ListValue(List.of(elements)); // immutable already: ListValue keeps it without a copy
    };

    /**
     * Reads the content of a list whose constructor (at {@code at}) and size are read: its count, then its
     * elements through {@code reader}, which must read exactly that many values from the content.
     */
    private <T> T listContent(int at, int size, int width, ListReader<T> reader) {
        int end = compoundEnd(size, "list");
        int savedLimit = limit;
        limit = end;
        int count = count(width);
        // each element takes at least one byte (its constructor)
        if (count < 0 || count > end - pos) throw error("list declares " + Integer.toUnsignedString(count) + " elements in " + (end - pos) + " bytes", at);
        enter(at);
        T v = reader.read(this, count);
        depth--;
        endOfCompound(end, "list", at);
        limit = savedLimit;
        return v;
    }

    /** Reads the elements of a list, for {@link #readList}. */
    @FunctionalInterface
    public interface ListReader<T> {
        /** Reads exactly {@code count} values from {@code decoder} (e.g. with {@link #readValue()}) and returns the result. */
        T read(Decoder decoder, int count);
    }

    // ---- direct reading, for DescribedTypes.read: each reads one value of the type it names, null not included

    /**
     * Reads a list (list0, list8 or list32) with the checks {@link #readValue()} makes, its elements read by
     * {@code reader} within the list's content.
     */
    public <T> T readList(ListReader<T> reader) {
        int at = pos;
        return switch (u8()) {
            case FormatCode.LIST0 -> reader.read(this, 0);
            case FormatCode.LIST8 -> listContent(at, u8(), 1, reader);
            case FormatCode.LIST32 -> listContent(at, i32(), 4, reader);
            default -> throw expected("list", at);
        };
    }

    /** Reads a null if one is next; tells whether it did. */
    public boolean tryReadNull() {
        if (pos < limit && (buf[pos] & 0xFF) == FormatCode.NULL) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean readBoolean() {
        int at = pos;
        return switch (u8()) {
            case FormatCode.BOOLEAN_TRUE -> true;
            case FormatCode.BOOLEAN_FALSE -> false;
            case FormatCode.BOOLEAN -> {
                int b = u8();
                if (b > 1) throw error("boolean byte must be 0 or 1, was " + b, pos - 1);
                yield b == 1;
            }
            default -> throw expected("boolean", at);
        };
    }

    public int readUByte() {
        int at = pos;
        if (u8() != FormatCode.UBYTE) throw expected("ubyte", at);
        return u8();
    }

    public int readUShort() {
        int at = pos;
        if (u8() != FormatCode.USHORT) throw expected("ushort", at);
        return i16() & 0xFFFF;
    }

    /** A uint as 0 to 2^32-1. */
    public long readUInt() {
        int at = pos;
        return switch (u8()) {
            case FormatCode.UINT0 -> 0;
            case FormatCode.SMALLUINT -> u8();
            case FormatCode.UINT -> i32() & 0xFFFF_FFFFL;
            default -> throw expected("uint", at);
        };
    }

    /** A ulong as the 64 bits of a long. */
    public long readULong() {
        int at = pos;
        return switch (u8()) {
            case FormatCode.ULONG0 -> 0;
            case FormatCode.SMALLULONG -> u8();
            case FormatCode.ULONG -> i64();
            default -> throw expected("ulong", at);
        };
    }

    /** A timestamp as milliseconds since the Unix epoch. */
    public long readTimestamp() {
        int at = pos;
        if (u8() != FormatCode.TIMESTAMP) throw expected("timestamp", at);
        return i64();
    }

    public String readString() {
        int at = pos;
        return switch (u8()) {
            case FormatCode.STR8 -> utf8(u8());
            case FormatCode.STR32 -> utf8(i32());
            default -> throw expected("string", at);
        };
    }

    public String readSymbol() {
        int at = pos;
        return switch (u8()) {
            case FormatCode.SYM8 -> ascii(u8());
            case FormatCode.SYM32 -> ascii(i32());
            default -> throw expected("symbol", at);
        };
    }

    public BinaryValue readBinary() {
        int at = pos;
        return switch (u8()) {
            case FormatCode.VBIN8 -> binary(u8());
            case FormatCode.VBIN32 -> binary(i32());
            default -> throw expected("binary", at);
        };
    }

    private DecodeException expected(String type, int at) {
        int code = buf[at] & 0xFF;
        String name = FormatCode.encodingName(code);
        return error("expected " + type + ", got " + (name != null ? name : String.format("format code 0x%02x", code)), at);
    }

    private AmqpValue map(int code, int at, int size, int width) {
        int end = compoundEnd(size, "map");
        int savedLimit = limit;
        limit = end;
        int count = count(width);
        if (count < 0 || count > end - pos) throw error("map declares " + Integer.toUnsignedString(count) + " elements in " + (end - pos) + " bytes", at);
        if ((count & 1) != 0) throw error("map has an odd number of elements: " + count, at);
        List<EncodedValue> outer = beginChildren();
        enter(at);
        ValueMap.Builder entries = new ValueMap.Builder(count / 2);
        for (int i = 0; i < count; i += 2) {
            int keyAt = pos;
            AmqpValue key = readValue();
            AmqpValue value = readValue();
            if (!entries.putIfAbsent(key, value)) throw error("map has a duplicate key", keyAt);
        }
        depth--;
        endOfCompound(end, "map", at);
        limit = savedLimit;
        MapValue v = new MapValue(entries.build());
        endChildren(outer, v, code, at);
        return v;
    }

    private AmqpValue array(int code, int at, int size, int width) {
        int end = compoundEnd(size, "array");
        int savedLimit = limit;
        limit = end;
        int count = count(width);
        if (count < 0) throw error("array declares " + Integer.toUnsignedString(count) + " elements", at);
        List<EncodedValue> outer = beginChildren();
        enter(at);
        ArrayValue v = arrayBody(at, end, count);
        depth--;
        endOfCompound(end, "array", at);
        limit = savedLimit;
        endChildren(outer, v, code, at);
        return v;
    }

    /** The constructor (possibly described) and {@code count} payloads, up to {@code end}. */
    private ArrayValue arrayBody(int at, int end, int count) {
        AmqpValue descriptor = null;
        int constructorAt = pos;
        int code = u8();
        if (code == FormatCode.DESCRIBED) {
            List<EncodedValue> saved = spans;
            spans = null; // the descriptor's own span is not an element
            descriptor = readValue();
            spans = saved;
            constructorAt = pos;
            code = u8();
            if (code == FormatCode.DESCRIBED) throw error("array element constructor is described twice", constructorAt);
        }
        int width = fixedWidth(code, constructorAt);
        if (width > 0 && (long) count * width > end - pos) {
            throw error("array declares " + count + " elements of " + width + " bytes in " + (end - pos) + " bytes", at);
        }
        if (width < 0 && count > end - pos) {
            throw error("array declares " + count + " elements in " + (end - pos) + " bytes", at);
        }
        if (width == 0) {
            if (count > limits.maxZeroWidthArrayElements() - zeroWidthElements) {
                throw error("array declares " + count + " zero-width elements, more than the " + (limits.maxZeroWidthArrayElements() - zeroWidthElements) + " left of " + limits.maxZeroWidthArrayElements() + " for this input (limit maxZeroWidthArrayElements)", at);
            }
            zeroWidthElements += count;
        }
        List<AmqpValue> elements = new ArrayList<>(count);
        AmqpType type = null;
        for (int i = 0; i < count; i++) {
            int elementAt = pos;
            AmqpValue e = readPayload(code, elementAt);
            if (spans != null && !isCompound(code)) span(e, code, elementAt);
            elements.add(e);
            type = e.type();
        }
        if (type == null) type = typeOf(code, constructorAt);
        return new ArrayValue(type, descriptor, elements);
    }

    /** Payload width of a fixed-width constructor, 0 for zero-width ones, -1 for variable width. */
    private int fixedWidth(int code, int at) {
        return switch (code) {
            case FormatCode.NULL, FormatCode.BOOLEAN_TRUE, FormatCode.BOOLEAN_FALSE, FormatCode.UINT0,
                 FormatCode.ULONG0, FormatCode.LIST0 -> 0;
            case FormatCode.BOOLEAN, FormatCode.UBYTE, FormatCode.SMALLUINT, FormatCode.SMALLULONG, FormatCode.BYTE,
                 FormatCode.SMALLINT, FormatCode.SMALLLONG -> 1;
            case FormatCode.USHORT, FormatCode.SHORT -> 2;
            case FormatCode.UINT, FormatCode.INT, FormatCode.FLOAT, FormatCode.DECIMAL32, FormatCode.CHAR -> 4;
            case FormatCode.ULONG, FormatCode.LONG, FormatCode.DOUBLE, FormatCode.DECIMAL64, FormatCode.TIMESTAMP -> 8;
            case FormatCode.DECIMAL128, FormatCode.UUID -> 16;
            case FormatCode.VBIN8, FormatCode.VBIN32, FormatCode.STR8, FormatCode.STR32, FormatCode.SYM8,
                 FormatCode.SYM32, FormatCode.LIST8, FormatCode.LIST32, FormatCode.MAP8, FormatCode.MAP32,
                 FormatCode.ARRAY8, FormatCode.ARRAY32 -> -1;
            default -> throw error(String.format("unknown format code 0x%02x", code), at);
        };
    }

    private AmqpType typeOf(int code, int at) {
        return switch (code) {
            case FormatCode.NULL -> AmqpType.NULL;
            case FormatCode.BOOLEAN, FormatCode.BOOLEAN_TRUE, FormatCode.BOOLEAN_FALSE -> AmqpType.BOOLEAN;
            case FormatCode.UBYTE -> AmqpType.UBYTE;
            case FormatCode.USHORT -> AmqpType.USHORT;
            case FormatCode.UINT, FormatCode.SMALLUINT, FormatCode.UINT0 -> AmqpType.UINT;
            case FormatCode.ULONG, FormatCode.SMALLULONG, FormatCode.ULONG0 -> AmqpType.ULONG;
            case FormatCode.BYTE -> AmqpType.BYTE;
            case FormatCode.SHORT -> AmqpType.SHORT;
            case FormatCode.INT, FormatCode.SMALLINT -> AmqpType.INT;
            case FormatCode.LONG, FormatCode.SMALLLONG -> AmqpType.LONG;
            case FormatCode.FLOAT -> AmqpType.FLOAT;
            case FormatCode.DOUBLE -> AmqpType.DOUBLE;
            case FormatCode.DECIMAL32 -> AmqpType.DECIMAL32;
            case FormatCode.DECIMAL64 -> AmqpType.DECIMAL64;
            case FormatCode.DECIMAL128 -> AmqpType.DECIMAL128;
            case FormatCode.CHAR -> AmqpType.CHAR;
            case FormatCode.TIMESTAMP -> AmqpType.TIMESTAMP;
            case FormatCode.UUID -> AmqpType.UUID;
            case FormatCode.VBIN8, FormatCode.VBIN32 -> AmqpType.BINARY;
            case FormatCode.STR8, FormatCode.STR32 -> AmqpType.STRING;
            case FormatCode.SYM8, FormatCode.SYM32 -> AmqpType.SYMBOL;
            case FormatCode.LIST0, FormatCode.LIST8, FormatCode.LIST32 -> AmqpType.LIST;
            case FormatCode.MAP8, FormatCode.MAP32 -> AmqpType.MAP;
            case FormatCode.ARRAY8, FormatCode.ARRAY32 -> AmqpType.ARRAY;
            default -> throw error(String.format("unknown format code 0x%02x", code), at);
        };
    }

    private void endOfCompound(int end, String what, int at) {
        if (pos != end) throw error(what + " content is " + (end - pos) + " bytes longer than its elements", at);
    }

    private List<EncodedValue> beginChildren() {
        List<EncodedValue> outer = spans;
        if (outer != null) spans = new ArrayList<>();
        return outer;
    }

    private void endChildren(List<EncodedValue> outer, AmqpValue v, int code, int at) {
        if (outer != null) {
            outer.add(new EncodedValue(v, code, at - start, pos - at, spans));
            spans = outer;
        }
    }
}
