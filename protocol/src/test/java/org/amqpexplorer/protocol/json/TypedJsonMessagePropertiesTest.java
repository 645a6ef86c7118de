package org.amqpexplorer.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amqpexplorer.protocol.types.Message;

class TypedJsonMessagePropertiesTest {

    @Provide
    Arbitrary<Message> messages() {
        return JsonValueArbitraries.messages();
    }

    @Provide
    Arbitrary<List<Message>> messageStreams() {
        // Edge cases of a list of messages are costly to build and add nothing the single-message property lacks.
        return JsonValueArbitraries.messages().list().ofMaxSize(5).withoutEdgeCases();
    }

    @Property(tries = 200)
    void everyMessageReadsBackExactlyFromItsText(@ForAll("messages") Message message) {
        String json = TypedJson.write(message);
        assertEquals(message, TypedJson.readMessage(json), json);
        assertEquals(message, TypedJson.readMessage(TypedJson.toJson(message)));
        assertEquals(-1, json.indexOf('\n'), "one line, for JSON Lines");
    }

    @Property(tries = 25)
    void messagesWrittenOnePerLineReadBackAsJsonLines(@ForAll("messageStreams") List<Message> messages) {
        StringBuilder lines = new StringBuilder();
        for (Message m : messages) lines.append(TypedJson.write(m)).append('\n');
        assertEquals(messages, TypedJson.readMessageLines(lines.toString()));
    }
}
