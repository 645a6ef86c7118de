package org.amqpexplorer.ui.flowlab;

import java.util.function.Predicate;

/**
 * What the sequence diagram shows: every frame, or those of one session, one link, one performative, or with some
 * text in their label or effect.
 *
 * @param session      a session's channel at this end, or -1 for all
 * @param link         one link, or null for all
 * @param performative e.g. "transfer", or null for all
 * @param text         text the label or effect must contain (ignoring case), or empty
 */
record LadderFilter(int session, LinkChoice link, String performative, String text) implements Predicate<LadderEntry> {

    static final LadderFilter ALL = new LadderFilter(-1, null, null, "");

    /** A link as the diagram tells its frames apart: by session and by each end's handle. */
    record LinkChoice(int channel, String name, long handle, long remoteHandle) {
        boolean matches(LadderEntry e) {
            if (e.localChannel() != channel || e.handle() < 0) return false;
            return e.sent() ? e.handle() == handle : e.handle() == remoteHandle;
        }

        @Override
        public String toString() {
            return "'" + name + "' (s" + channel + " h" + handle + ")";
        }
    }

    @Override
    public boolean test(LadderEntry e) {
        if (session >= 0 && e.localChannel() != session) return false;
        if (link != null && !link.matches(e)) return false;
        if (performative != null && !performative.equals(e.performative())) return false;
        if (text != null && !text.isBlank()) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            return e.label().toLowerCase(java.util.Locale.ROOT).contains(t)
                    || e.effect().toLowerCase(java.util.Locale.ROOT).contains(t);
        }
        return true;
    }
}
