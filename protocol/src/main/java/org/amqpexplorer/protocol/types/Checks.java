package org.amqpexplorer.protocol.types;

import java.util.List;

/** Checks the records' compact constructors share. */
final class Checks {
    private Checks() {
    }

    /** A mandatory field (the spec's {@code mandatory="true"}) must not be null. */
    static <T> T mandatory(T value, String field) {
        if (value == null) throw new NullPointerException(field + ": mandatory field is missing");
        return value;
    }

    /** An immutable copy of a multiple field, keeping null (absent) as null. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
