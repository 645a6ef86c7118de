package org.amqpexplorer.protocol.types;

import java.util.List;

import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;

/** The body of a message (3.2): one or more data sections, one or more amqp-sequence sections, or one amqp-value section. */
public sealed interface Body {

    /** The body's sections in order. */
    List<? extends Section> sections();

    record DataBody(List<Data> sections) implements Body {
        public DataBody {
            sections = List.copyOf(sections);
            if (sections.isEmpty()) throw new IllegalArgumentException("a data body has at least one data section");
        }
    }

    record SequenceBody(List<AmqpSequence> sections) implements Body {
        public SequenceBody {
            sections = List.copyOf(sections);
            if (sections.isEmpty()) throw new IllegalArgumentException("a sequence body has at least one amqp-sequence section");
        }
    }

    record ValueBody(AmqpValueSection section) implements Body {
        public ValueBody {
            Checks.mandatory(section, "amqp-value");
        }

        @Override
        public List<AmqpValueSection> sections() {
            return List.of(section);
        }
    }

    /** One data section with these bytes (copied). */
    static Body data(byte[] bytes) {
        return new DataBody(List.of(new Data(BinaryValue.of(bytes))));
    }

    /** One amqp-value section. */
    static Body value(AmqpValue value) {
        return new ValueBody(new AmqpValueSection(value));
    }

    /** One amqp-sequence section. */
    static Body sequence(List<AmqpValue> values) {
        return new SequenceBody(List.of(new AmqpSequence(values)));
    }
}
