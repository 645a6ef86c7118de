package org.amqpexplorer.protocol.types;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A composite's field as the spec declares it, written on the record component that holds it. The record's
 * components in order, with these annotations, are the composite's field table ({@link CompositeType#fields()});
 * the field's name is the component's name in the spec's spelling ({@code maxFrameSize} is
 * {@code max-frame-size}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Amqp {
    /** The spec's type name: a primitive ({@code uint}), a restricted type ({@code handle}), a composite or {@code *}. */
    String value();

    boolean mandatory() default false;

    boolean multiple() default false;

    /** The spec's default, as the spec writes it ({@code "4294967295"}, {@code "mixed"}); empty for none. */
    String defaultValue() default "";

    /** The archetype a {@code *} field's value must provide ({@code delivery-state}); empty for none. */
    String requires() default "";
}
