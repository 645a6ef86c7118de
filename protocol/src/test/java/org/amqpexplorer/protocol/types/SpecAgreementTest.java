package org.amqpexplorer.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.amqpexplorer.protocol.codec.BooleanValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.codec.UByteValue;
import org.amqpexplorer.protocol.codec.UIntValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks the field tables against the spec's XML definitions in {@code <amqp.shared.dir>/spec}. */
class SpecAgreementTest {
    /** Every {@code <type>} element of the spec, by name. */
    static final Map<String, Element> TYPES = new LinkedHashMap<>();

    @BeforeAll
    static void readSpec() throws Exception {
        Path dir = Path.of(System.getProperty("amqp.shared.dir"), "spec");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertEquals(5, files.size(), "spec files in " + dir);
        for (Path file : files) {
            NodeList types = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getElementsByTagName("type");
            for (int i = 0; i < types.getLength(); i++) {
                Element e = (Element) types.item(i);
                TYPES.put(e.getAttribute("name"), e);
            }
        }
    }

    static List<Element> children(Element e, String tag) {
        List<Element> l = new ArrayList<>();
        NodeList nodes = e.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) l.add((Element) nodes.item(i));
        return l;
    }

    /** {@code 0x00000000:0x00000010} → 0x10. */
    static long code(String text) {
        String[] parts = text.split(":");
        return Long.parseLong(parts[0].substring(2), 16) << 32 | Long.parseLong(parts[1].substring(2), 16);
    }

    static String specText(Object defaultValue) {
        return defaultValue instanceof Choice c ? c.choiceName() : String.valueOf(defaultValue);
    }

    @Test
    void everyDescribedTypeOfTheSpecIsModelledAndNothingElse() {
        Set<String> described = new HashSet<>();
        TYPES.forEach((name, e) -> {
            if (!children(e, "descriptor").isEmpty()) described.add(name);
        });
        Set<String> modelled = new HashSet<>();
        for (CompositeType<?> t : CompositeTypes.all()) modelled.add(t.name());
        assertEquals(described, modelled);
        long composites = TYPES.values().stream().filter(e -> e.getAttribute("class").equals("composite")).count();
        assertEquals(composites, CompositeTypes.all().stream().filter(CompositeType::isList).count());
        assertEquals(33, composites);
    }

    @Test
    void namesDescriptorsAndFieldsAgree() {
        for (CompositeType<?> t : CompositeTypes.all()) {
            Element e = TYPES.get(t.name());
            assertNotNull(e, t.name());
            Element d = children(e, "descriptor").get(0);
            assertEquals(d.getAttribute("name"), t.descriptorSymbol(), t.name());
            assertEquals(code(d.getAttribute("code")), t.descriptorCode(), t.name());
            assertSame(t, CompositeTypes.byCode(t.descriptorCode()));
            assertSame(t, CompositeTypes.bySymbol(t.descriptorSymbol()));
            assertSame(t, CompositeTypes.of(t.javaType()));
            assertEquals(e.getAttribute("class").equals("composite"), t.isList(), t.name());
            if (!t.isList()) {
                // a section that is a restricted type: one value of the spec's source type
                assertEquals(1, t.fields().size());
                assertEquals(e.getAttribute("source"), t.fields().get(0).type(), t.name());
                continue;
            }
            List<Element> specFields = children(e, "field");
            List<String> specNames = specFields.stream().map(f -> f.getAttribute("name")).toList();
            assertEquals(specNames, t.fields().stream().map(Field::name).toList(), t.name() + " field names");
            for (int i = 0; i < specFields.size(); i++) {
                Element sf = specFields.get(i);
                Field f = t.fields().get(i);
                String where = t.name() + "." + f.name();
                assertEquals(i, f.index(), where);
                assertEquals(sf.getAttribute("type"), f.type(), where + " type");
                assertEquals(sf.getAttribute("mandatory").equals("true"), f.mandatory(), where + " mandatory");
                assertEquals(sf.getAttribute("multiple").equals("true"), f.multiple(), where + " multiple");
                String dflt = sf.getAttribute("default");
                assertEquals(dflt.isEmpty() ? null : dflt, f.defaultValue() == null ? null : specText(f.defaultValue()),
                        where + " default");
                String requires = sf.getAttribute("requires");
                assertEquals(requires.isEmpty() ? null : requires, f.requires(), where + " requires");
            }
        }
    }

    @Test
    void enumsHaveTheSpecsChoicesAndValues() {
        for (Map.Entry<String, Class<? extends Choice>> entry : FieldCodec.CHOICES.entrySet()) {
            Element e = TYPES.get(entry.getKey());
            List<String> expected = new ArrayList<>();
            for (Element c : children(e, "choice")) expected.add(c.getAttribute("name") + "=" + c.getAttribute("value"));
            List<String> actual = new ArrayList<>();
            for (Choice c : entry.getValue().getEnumConstants()) {
                String v = switch (c.value()) {
                    case BooleanValue b -> String.valueOf(b.value());
                    case UByteValue u -> String.valueOf(u.value());
                    case UIntValue u -> String.valueOf(u.value());
                    case SymbolValue s -> s.value();
                    default -> throw new AssertionError(c.value());
                };
                assertEquals(e.getAttribute("source"), c.value().type().specName(), entry.getKey());
                actual.add(c.choiceName() + "=" + v);
            }
            assertEquals(expected, actual, entry.getKey());
        }
    }

    @Test
    void constantsCoverTheSpecsSymbolChoices() throws IOException, ReflectiveOperationException {
        Map<String, Class<?>> holders = Map.of("amqp-error", ErrorCondition.class, "connection-error", ErrorCondition.class,
                "session-error", ErrorCondition.class, "link-error", ErrorCondition.class,
                "transaction-error", ErrorCondition.class, "txn-capability", Coordinator.class,
                "std-dist-mode", Source.class);
        for (Map.Entry<String, Class<?>> h : holders.entrySet()) {
            Set<Object> constants = new HashSet<>();
            for (java.lang.reflect.Field f : h.getValue().getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) constants.add(f.get(null));
            }
            for (Element c : children(TYPES.get(h.getKey()), "choice")) {
                assertTrue(constants.contains(c.getAttribute("value")), h.getKey() + " " + c.getAttribute("value"));
            }
        }
    }
}
