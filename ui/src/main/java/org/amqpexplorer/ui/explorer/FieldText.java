package org.amqpexplorer.ui.explorer;

import java.util.List;
import java.util.stream.Collectors;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.codec.SymbolValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.types.Choice;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.CompositeType;
import org.amqpexplorer.protocol.types.Field;

/** Field values of performatives as short text for the details pane; absent fields show the spec default. */
final class FieldText {
    private FieldText() {
    }

    /** One row per field of the composite type: name, this value, that value (either may be null). */
    record Row(String field, String ours, String theirs, boolean differs) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Row> compare(CompositeType<?> type, Composite ours, Composite theirs) {
        CompositeType raw = type;
        return type.fields().stream().map(f -> {
            String a = ours == null ? "" : text(f, raw.get(ours, f.index()));
            String b = theirs == null ? "" : text(f, raw.get(theirs, f.index()));
            return new Row(f.name(), a, b, ours != null && theirs != null && !a.equals(b));
        }).toList();
    }

    static String text(Field f, Object v) {
        if (v == null) return f.defaultValue() == null ? "—" : "(default " + plain(f.defaultValue()) + ")";
        return plain(v);
    }

    static String plain(Object v) {
        return switch (v) {
            case null -> "—";
            case StringValue s -> "\"" + s.value() + "\"";
            case SymbolValue s -> ":" + s.value();
            case BinaryValue b -> b.length() + " bytes";
            case MapValue m -> m.entries().entrySet().stream().map(e -> plain(e.getKey()) + "=" + plain(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case Composite c -> c.compositeType().name() + "(…)";
            case Choice c -> c.choiceName();
            case AmqpValue a -> TypedJson.write(a);
            case List<?> l -> l.stream().map(FieldText::plain).collect(Collectors.joining(", ", "[", "]"));
            default -> String.valueOf(v);
        };
    }
}
