package org.amqpexplorer.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example in the contract, typed-json.md, reads and writes back to the same JSON. */
class TypedJsonDocExamplesTest {
    static final ObjectMapper PLAIN = new ObjectMapper();

    static String doc() throws IOException {
        return Files.readString(Path.of(System.getProperty("amqp.shared.dir", "../../shared"), "docs", "typed-json.md"));
    }

    /** The example column of the value table, plus the values the introduction shows. */
    static List<String> valueExamples(String doc) {
        List<String> examples = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\|[^|\\n]*\\|[^\\n]*\\|\\s*`(\\{.*})`\\s*\\|\\s*$").matcher(doc);
        while (row.find()) examples.add(row.group(1));
        Matcher intro = Pattern.compile("`(\\{\"(?:ubyte|int)\": 7})`").matcher(doc);
        while (intro.find()) examples.add(intro.group(1));
        return examples;
    }

    static JsonNode tree(String json) throws IOException {
        return PLAIN.readTree(json);
    }

    @TestFactory
    Stream<DynamicTest> everyValueExampleReadsAndWritesBackUnchanged() throws IOException {
        List<String> examples = valueExamples(doc());
        assertEquals(20, examples.size(), "examples found in typed-json.md: " + examples);
        return examples.stream().map(json -> DynamicTest.dynamicTest(json, () -> {
            AmqpValue value = TypedJson.readValue(json);
            assertEquals(tree(json), tree(TypedJson.write(value)));
            assertEquals(value, TypedJson.readValue(TypedJson.write(value)));
            assertEquals(value, TypedJson.readValue(TypedJson.toJson(value)));
        }));
    }
}
