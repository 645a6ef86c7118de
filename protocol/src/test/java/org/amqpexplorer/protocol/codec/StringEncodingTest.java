package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aLoneSurrogateIsWrittenAsAQuestionMark() {
        // also when every other character is ASCII (the UTF-8 length then equals the string's length)
        assertEquals("a10361" + "3f" + "62", HexFormat.of().formatHex(Encoder.encode(new StringValue("a\uD800b"))));
        assertEquals("a104" + "c3a9" + "3f" + "62", HexFormat.of().formatHex(Encoder.encode(new StringValue("é\uDC00b"))));
        String longOne = "x".repeat(100) + "\uDC00";
        assertEquals(new StringValue("x".repeat(100) + "?"), Decoder.decode(Encoder.encode(new StringValue(longOne))));
    }

    @Test
    void symbolsToo() {
        assertEquals("a303616263", HexFormat.of().formatHex(Encoder.encode(new SymbolValue("abc"))));
        byte[] bytes = Encoder.encode(new SymbolValue("s".repeat(300)));
        assertEquals(FormatCode.SYM32, bytes[0] & 0xFF);
        assertEquals(new SymbolValue("s".repeat(300)), Decoder.decode(bytes));
    }
}
