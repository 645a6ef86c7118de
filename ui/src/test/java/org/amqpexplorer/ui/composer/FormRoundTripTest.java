package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.ArrayValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.ByteValue;
import org.amqpexplorer.protocol.codec.CharValue;
import org.amqpexplorer.protocol.codec.Decimal128Value;
import org.amqpexplorer.protocol.codec.Decimal32Value;
import org.amqpexplorer.protocol.codec.Decimal64Value;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.DoubleValue;
import org.amqpexplorer.protocol.codec.FloatValue;
import org.amqpexplorer.protocol.codec.IntValue;
import org.amqpexplorer.protocol.codec.ListValue;
import org.amqpexplorer.protocol.codec.LongValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.NullValue;
import org.amqpexplorer.protocol.codec.ShortValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.TimestampValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UShortValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Body;
import org.amqpexplorer.protocol.types.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random values of every type, nested, put in the form and taken out again: the form's texts (floats, ulongs,
 * timestamps, strings holding "${", lone surrogates …) give back exactly the value, and so does its JSON.
 */
class FormRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void randomValuesSurviveTheForm() {
        Random random = new Random(20240501);
        ComposerViewModel vm = composer(dir);
        ComposerViewModel fromJson = composer(dir);
        for (int i = 0; i < 300; i++) {
            Message m = Message.of(Body.value(value(random, 3)));
            vm.loadMessage(m);
            assertEquals(List.of(), vm.problemTexts(), "problems for " + TypedJson.write(m));
            assertEquals(m, vm.message());
            fromJson.jsonTextProperty().set(vm.jsonTextProperty().get());
            assertEquals(null, fromJson.jsonErrorProperty().get());
            assertEquals(m, fromJson.message());
        }
    }

    private static AmqpValue value(Random r, int depth) {
        AmqpType t = AmqpType.values()[r.nextInt(depth > 0 ? AmqpType.values().length : AmqpType.LIST.ordinal())];
        return switch (t) {
            case LIST -> {
                List<AmqpValue> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) l.add(value(r, depth - 1));
                yield new ListValue(l);
            }
            case MAP -> {
                Map<AmqpValue, AmqpValue> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) m.put(value(r, depth - 1), value(r, depth - 1));
                yield new MapValue(m);
            }
            case ARRAY -> {
                AmqpType e;
                do {
                    e = AmqpType.values()[r.nextInt(AmqpType.LIST.ordinal())];
                } while (e == AmqpType.NULL && r.nextBoolean());
                List<AmqpValue> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) l.add(primitive(r, e));
                yield new ArrayValue(e, r.nextInt(4) == 0 ? new SymbolValue("d") : null, l);
            }
            case DESCRIBED -> new DescribedValue(r.nextBoolean() ? new ULongValue(0x10000L + r.nextInt(1000)) : new SymbolValue("x:" + r.nextInt(9)),
                    value(r, depth - 1));
            default -> primitive(r, t);
        };
    }

    private static AmqpValue primitive(Random r, AmqpType t) {
        return switch (t) {
            case NULL -> NullValue.NULL;
            case BOOLEAN -> BooleanValue.of(r.nextBoolean());
            case UBYTE -> new UByteValue(r.nextInt(256));
            case USHORT -> new UShortValue(r.nextInt(65536));
            case UINT -> new UIntValue(r.nextLong() >>> 32);
            case ULONG -> new ULongValue(r.nextLong());
            case BYTE -> new ByteValue((byte) r.nextInt());
            case SHORT -> new ShortValue((short) r.nextInt());
            case INT -> new IntValue(r.nextInt());
            case LONG -> new LongValue(r.nextLong());
            case FLOAT -> new FloatValue(r.nextInt(8) == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian() * 1e6f);
            case DOUBLE -> new DoubleValue(r.nextInt(8) == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian());
            case DECIMAL32 -> new Decimal32Value(r.nextInt());
            case DECIMAL64 -> new Decimal64Value(r.nextLong());
            case DECIMAL128 -> new Decimal128Value(r.nextLong(), r.nextLong());
            case CHAR -> new CharValue(r.nextInt(4) == 0 ? 0xE000 + r.nextInt(0x800) : r.nextInt(0xD800)); // surrogates are no chars
            case TIMESTAMP -> new TimestampValue(r.nextBoolean() ? r.nextLong() : 1_700_000_000_000L + r.nextInt());
            case UUID -> new UuidValue(new UUID(r.nextLong(), r.nextLong()));
            case BINARY -> {
                byte[] b = new byte[r.nextInt(6)];
                r.nextBytes(b);
                yield BinaryValue.of(b);
            }
            case STRING -> new StringValue(text(r));
            case SYMBOL -> new SymbolValue(text(r).chars().map(c -> c & 0x7F).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append).toString());
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static String text(Random r) {
        String[] parts = {"a", "${seq}", "$${x}", "$", "{", "}", "é", "😀", "\n", " ", "\"", "\\"};
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(5); i > 0; i--) sb.append(parts[r.nextInt(parts.length)]);
        return sb.toString();
    }
}
