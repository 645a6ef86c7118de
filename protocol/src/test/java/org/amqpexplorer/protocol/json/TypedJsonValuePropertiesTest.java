package org.amqpexplorer.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amqpexplorer.protocol.codec.AmqpValue;

class TypedJsonValuePropertiesTest {

    @Provide
    Arbitrary<AmqpValue> values() {
        return JsonValueArbitraries.values();
    }

    @Property(tries = 500)
    void everyValueReadsBackExactlyFromItsText(@ForAll("values") AmqpValue value) {
        String json = TypedJson.write(value);
        assertEquals(value, TypedJson.readValue(json), json);
        assertEquals(json, TypedJson.write(TypedJson.readValue(json)));
        assertEquals(-1, json.indexOf('\n'), "one line, for JSON Lines");
    }

    @Property(tries = 500)
    void everyValueReadsBackExactlyFromItsTree(@ForAll("values") AmqpValue value) {
        assertEquals(value, TypedJson.readValue(TypedJson.toJson(value)));
    }
}
