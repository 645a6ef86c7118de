package org.amqpexplorer.protocol.codec;

import java.util.List;
import java.util.Objects;

/**
 * array: a sequence of values that share one element type (and, for arrays of described values, one
 * descriptor). The elements are held without the descriptor: for a described array, {@code elements} are the
 * described values' inner values, all of {@code elementType}. Arrays of arrays hold {@link ArrayValue}s whose
 * own element types may differ.
 *
 * @param descriptor the shared descriptor, or null for an array of plain values
 */
public record ArrayValue(AmqpType elementType, AmqpValue descriptor, List<AmqpValue> elements) implements AmqpValue {

    public ArrayValue {
        Objects.requireNonNull(elementType, "elementType");
        if (elementType == AmqpType.DESCRIBED) {
            throw new IllegalArgumentException("an array of described values gives the descriptor and the inner element type");
        }
        elements = List.copyOf(elements);
        for (int i = 0; i < elements.size(); i++) {
            AmqpType t = elements.get(i).type();
            if (t != elementType) {
                throw new IllegalArgumentException("array element " + i + " is " + t + ", not " + elementType);
            }
        }
    }

    public ArrayValue(AmqpType elementType, List<AmqpValue> elements) {
        this(elementType, null, elements);
    }

    public int size() {
        return elements.size();
    }

    public AmqpValue get(int index) {
        return elements.get(index);
    }

    @Override
    public AmqpType type() {
        return AmqpType.ARRAY;
    }
}
