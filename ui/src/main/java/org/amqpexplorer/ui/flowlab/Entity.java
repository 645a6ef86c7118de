package org.amqpexplorer.ui.flowlab;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.amqpexplorer.protocol.types.Role;

/** A session or link the charts can show, with its recent history. Lives on the FX thread. */
final class Entity {
    /** Ten minutes at ten samples a second. */
    static final int HISTORY = 6000;

    final int id;
    final boolean link;
    final int channel;
    final String name;
    final Role role;
    long handle = -1;
    long remoteHandle = -1;
    boolean closed;
    final SampleRing ring = new SampleRing(HISTORY, Figures.SERIES);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();

    Entity(FlowMeter.Sample first) {
        this.id = first.id();
        this.link = first.link();
        this.channel = first.channel();
        this.name = first.name();
        this.role = first.role();
        update(first);
    }

    void update(FlowMeter.Sample s) {
        handle = s.handle();
        remoteHandle = s.remoteHandle();
        closed = s.closed();
        String t = link
                ? "  " + (role == Role.SENDER ? "sender" : "receiver") + " '" + name + "'" + (handle >= 0 ? " h" + handle : "")
                : "session " + channel;
        title.set(closed ? t + " (closed)" : t);
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    String title() {
        return title.get();
    }

    /** Whether {@code name} (a link's name, or "session N") names this entity. */
    boolean isNamed(String wanted) {
        return link ? name.equals(wanted) : ("session " + channel).equals(wanted);
    }

    @Override
    public String toString() {
        return title();
    }
}
