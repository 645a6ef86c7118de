package org.amqpexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartTest {
    @Test
    void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
        assertEquals(8, Start.feature("1.8"));
        assertEquals(17, Start.feature("17"));
        assertEquals(21, Start.feature("21"));
        assertEquals(25, Start.feature("25"));
        assertEquals(0, Start.feature("unknown"));
    }
}
