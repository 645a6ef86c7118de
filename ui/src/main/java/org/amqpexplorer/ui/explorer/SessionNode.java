package org.amqpexplorer.ui.explorer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.engine.EngineEvent.SessionWindowChanged;
import org.amqpexplorer.protocol.types.Begin;

/** A session (2.5): its channels, its begin frames, and its flow-control state (2.5.6). */
public final class SessionNode extends ExplorerNode {
    final ConnectionNode connection;
    final ReadOnlyIntegerWrapper localChannel = new ReadOnlyIntegerWrapper(-1);
    final ReadOnlyIntegerWrapper remoteChannel = new ReadOnlyIntegerWrapper(-1);
    final ReadOnlyObjectWrapper<Begin> localBegin = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Begin> remoteBegin = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<SessionWindowChanged> window = new ReadOnlyObjectWrapper<>();
    final ObservableList<LinkNode> links = FXCollections.observableArrayList();
    private final ObservableList<LinkNode> linksView = FXCollections.unmodifiableObservableList(links); // kept: it listens weakly

    SessionNode(ConnectionNode connection) {
        this.connection = connection;
    }

    public ConnectionNode connection() {
        return connection;
    }

    @Override
    public String title() {
        return "session " + (localChannel.get() >= 0 ? localChannel.get() : "?") + "↔" + (remoteChannel.get() >= 0 ? remoteChannel.get() : "?");
    }

    public ReadOnlyIntegerProperty localChannelProperty() {
        return localChannel.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty remoteChannelProperty() {
        return remoteChannel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Begin> localBeginProperty() {
        return localBegin.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Begin> remoteBeginProperty() {
        return remoteBegin.getReadOnlyProperty();
    }

    /** The latest window values (from this end's point of view), or null before the first. */
    public ReadOnlyObjectProperty<SessionWindowChanged> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public ObservableList<LinkNode> links() {
        return linksView;
    }

    void window(SessionWindowChanged w) {
        window.set(w);
        summary.set("in-window " + w.incomingWindow() + " · out-window " + w.outgoingWindow()
                + " · peer in-window " + w.remoteIncomingWindow());
    }
}
