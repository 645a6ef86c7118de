package org.amqpexplorer.protocol.codec;

/**
 * Limits that keep hostile input from costing memory or time. Every declared size is also checked against
 * the bytes actually available before anything is allocated; these bound what sizes alone cannot.
 *
 * @param maxNestingDepth           how deeply lists, maps, arrays and described values may nest
 * @param maxZeroWidthArrayElements how many elements of zero width (e.g. nulls) the arrays in one input may
 *                                  declare in total, since those occupy no bytes that could bound the count
 *                                  (a limit per array would let every ten bytes buy that many elements again)
 */
public record DecodeLimits(int maxNestingDepth, int maxZeroWidthArrayElements) {
    public static final DecodeLimits DEFAULT = new DecodeLimits(64, 65_536);

    public DecodeLimits {
        if (maxNestingDepth < 1) throw new IllegalArgumentException("maxNestingDepth must be at least 1");
        if (maxZeroWidthArrayElements < 0) throw new IllegalArgumentException("maxZeroWidthArrayElements must not be negative");
    }
}
