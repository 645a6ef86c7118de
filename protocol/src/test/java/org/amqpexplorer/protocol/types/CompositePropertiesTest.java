package org.amqpexplorer.protocol.types;

import static org.amqpexplorer.protocol.types.CompositeCodecTest.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amqpexplorer.protocol.codec.DescribedValue;
import org.amqpexplorer.protocol.codec.Encoder;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.junit.jupiter.api.Test;

class CompositePropertiesTest {

    @Provide
    Arbitrary<Composite> composites() {
        return TypesArbitraries.ALL.anyComposite();
    }

    @Provide
    Arbitrary<Message> messages() {
        return TypesArbitraries.ALL.messages();
    }

    @Property(tries = 1000)
    void everyCompositeRoundTrips(@ForAll("composites") Composite c) {
        byte[] bytes = Encoder.encode(c);
        assertEquals(c, decode(bytes));
        // described() is exactly what encode writes, and a symbolic descriptor means the same type
        assertArrayEquals(bytes, Encoder.encode(new DescribedValue(c.descriptor(), c.described())));
        assertEquals(c, decode(Encoder.encode(new DescribedValue(
                new SymbolValue(c.compositeType().descriptorSymbol()), c.described()))));
    }

    @Property(tries = 300)
    void everyMessageRoundTrips(@ForAll("messages") Message m) {
        byte[] bytes = m.toBytes();
        assertEquals(m, Message.decode(bytes));
        int end = 0;
        for (Message.SectionAt at : Message.decodeSections(bytes, 0, bytes.length)) {
            assertEquals(end, at.offset());
            end += at.length();
        }
        assertEquals(bytes.length, end);
        assertEquals(m.sections().size(), Message.decodeSections(bytes, 0, bytes.length).size());
    }

    /** Each xOrDefault() accessor gives the table's default for field x when it is absent. */
    @Test
    void defaultAccessorsAgreeWithTheTable() throws ReflectiveOperationException {
        Set<String> checked = new HashSet<>();
        for (CompositeType<?> type : CompositeTypes.all()) {
            if (!type.isList()) continue;
            Object[] mandatoryOnly = new Object[type.fields().size()];
            Composite sample = TypesArbitraries.ALL.of(type).sample();
            for (Field f : type.fields()) if (f.mandatory()) mandatoryOnly[f.index()] = get(type, sample, f.index());
            Composite empty = type.create(mandatoryOnly);
            for (Method m : type.javaType().getMethods()) {
                if (!m.getName().endsWith("OrDefault")) continue;
                String component = m.getName().substring(0, m.getName().length() - "OrDefault".length());
                Field f = type.fields().stream().filter(x -> camel(x.name()).equals(component)).findFirst().orElseThrow();
                assertEquals(f.defaultValue(), m.invoke(empty), type.name() + "." + f.name());
                checked.add(type.name() + "." + f.name());
            }
        }
        assertTrue(checked.containsAll(Set.of("open.max-frame-size", "begin.handle-max", "attach.snd-settle-mode",
                "header.priority", "source.expiry-policy", "target.timeout")), checked.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Composite> Object get(CompositeType<T> type, Composite value, int index) {
        return type.get((T) value, index);
    }

    private static String camel(String specName) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : specName.toCharArray()) {
            if (c == '-') up = true;
            else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
