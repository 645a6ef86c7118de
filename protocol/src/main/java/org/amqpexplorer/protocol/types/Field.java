package org.amqpexplorer.protocol.types;

/**
 * One field of a composite type, as the spec declares it: what a viewer needs to label, explain and edit it.
 *
 * @param index        position in the composite's list
 * @param name         the spec's name, e.g. {@code max-frame-size}
 * @param type         the spec's type name, e.g. {@code uint}, {@code handle}, {@code role}, {@code error} or {@code *}
 * @param mandatory    whether the field must be present (not null)
 * @param multiple     whether the field holds one value or an array of them
 * @param defaultValue the value an absent field means, in the record's Java representation (a Long, Boolean,
 *                     {@link Choice} …), or null if the spec gives none
 * @param requires     for {@code *} fields, the archetype the value must provide (e.g. {@code delivery-state}), or null
 */
public record Field(int index, String name, String type, boolean mandatory, boolean multiple, Object defaultValue,
                    String requires) {
}
