package org.amqpexplorer.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class StringEncodingTest {

    @Test
    void aLoneSurrogateIsWrittenAsAQuestionMark() {
        // also when every other character is ASCII (the UTF-8 length then equals the string's length)
        assertEquals("a10361" + "3f" + "62", HexFormat.of().formatHex(Encoder.encode(new StringValue("a\uD800b"))));
        assertEquals("a104" + "c3a9" + "3f" + "62", HexFormat.of().formatHex(Encoder.encode(new StringValue("é\uDC00b"))));
        String longOne = "x".repeat(100) + "\uDC00";
        assertEquals(new StringValue("x".repeat(100) + "?"), Decoder.decode(Encoder.encode(new StringValue(longOne))));
    }
}
