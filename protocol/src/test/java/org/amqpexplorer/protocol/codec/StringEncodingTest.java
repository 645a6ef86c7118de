package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Strings are written as UTF-8 in one pass when they are short enough to be str8 whatever their characters. */
class StringEncodingTest {

    private static void roundTrip(String s, int code) {
        byte[] bytes = Encoder.encode(new StringValue(s));
        assertEquals(code, bytes[0] & 0xFF, s.length() + " chars");
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int header = code == FormatCode.STR8 ? 2 : 5;
        assertEquals(utf8.length, bytes.length - header);
        assertEquals(HexFormat.of().formatHex(utf8), HexFormat.of().formatHex(bytes, header, bytes.length));
        assertEquals(new StringValue(s), Decoder.decode(bytes));
    }

    @Test
    void shortAndLongStringsOfOneTwoThreeAndFourByteCharacters() {
        roundTrip("", FormatCode.STR8);
        roundTrip("queue-a", FormatCode.STR8);
        roundTrip("é".repeat(85), FormatCode.STR8);
        roundTrip("€".repeat(85), FormatCode.STR8);        // 255 bytes
        roundTrip("€".repeat(86), FormatCode.STR32);       // 258 bytes
        roundTrip("a".repeat(255), FormatCode.STR8);
        roundTrip("a".repeat(256), FormatCode.STR32);
        roundTrip("中😀x".repeat(20), FormatCode.STR8);    // 3 + 4 + 1 bytes, 80 chars
        roundTrip("中😀x".repeat(40), FormatCode.STR32);
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndNothingIsWritten() {
        for (String s : new String[] {"a\uD800b", "é\uDC00b", "x".repeat(100) + "\uDC00"}) {
            Encoder e = new Encoder();
            e.writeNull();
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.writeString(s));
            assertEquals("string has an unpaired surrogate at index " + (s.length() == 3 ? 1 : s.length() - 1), x.getMessage());
            assertEquals(1, e.size());
        }
    }

    @Test
    void symbolsToo() {
        assertEquals("a303616263", HexFormat.of().formatHex(Encoder.encode(new SymbolValue("abc"))));
        byte[] bytes = Encoder.encode(new SymbolValue("s".repeat(300)));
        assertEquals(FormatCode.SYM32, bytes[0] & 0xFF);
        assertEquals(new SymbolValue("s".repeat(300)), Decoder.decode(bytes));
    }
}
