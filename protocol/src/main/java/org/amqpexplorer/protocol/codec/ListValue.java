package org.amqpexplorer.protocol.codec;

import java.util.List;

/** list: a sequence of values of any types. */
public record ListValue(List<AmqpValue> elements) implements AmqpValue {
    public static final ListValue EMPTY = new ListValue(List.of());

    public ListValue {
        elements = List.copyOf(elements);
    }

    public static ListValue of(AmqpValue... elements) {
        return new ListValue(List.of(elements));
    }

    public int size() {
        return elements.size();
    }

    public AmqpValue get(int index) {
        return elements.get(index);
    }

    @Override
    public AmqpType type() {
        return AmqpType.LIST;
    }
}
