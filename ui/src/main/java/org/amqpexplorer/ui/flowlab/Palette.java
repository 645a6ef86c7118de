package org.amqpexplorer.ui.flowlab;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A colour per {@link Ink}, as {@code #rrggbb}: what a drawing needs to know of the theme. */
record Palette(Map<Ink, String> colours) {

    /** The light theme's colours, for drawings made without a scene (and as a fallback). */
    static final Palette LIGHT = light();

    Palette {
        colours = Map.copyOf(colours);
        for (Ink i : Ink.values()) Objects.requireNonNull(colours.get(i), i.name());
    }

    String hex(Ink ink) {
        return colours.get(ink);
    }

    private static Palette light() {
        Map<Ink, String> m = new EnumMap<>(Ink.class);
        m.put(Ink.BACKGROUND, "#ffffff");
        m.put(Ink.TEXT, "#1f2328");
        m.put(Ink.MUTED, "#5b6270");
        m.put(Ink.GRID, "#d8dce2");
        m.put(Ink.SELECTION, "#dbe7fb");
        m.put(Ink.ALERT, "#b3261e");
        m.put(Ink.ALERT_BAND, "#fde2e1");
        String[] series = {"#1757b0", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0e7490"};
        for (int i = 0; i < Ink.SERIES; i++) m.put(Ink.series(i), series[i]);
        String[] lanes = {"#1757b0", "#c2410c", "#15803d", "#7c3aed", "#0e7490", "#a16207", "#be185d", "#4b5563"};
        for (int i = 0; i < Ink.LANES; i++) m.put(Ink.lane(i), lanes[i]);
        return new Palette(m);
    }
}
