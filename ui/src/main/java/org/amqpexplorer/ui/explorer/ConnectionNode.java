package org.amqpexplorer.ui.explorer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.types.Open;

/** A connection: ours to a peer, or one our listener accepted. */
public final class ConnectionNode extends ExplorerNode {
    private final String id;
    private final String peer;
    private final boolean accepted;
    final ReadOnlyObjectWrapper<Open> localOpen = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Open> remoteOpen = new ReadOnlyObjectWrapper<>();
    final ReadOnlyStringWrapper transport = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    final ObservableList<SessionNode> sessions = FXCollections.observableArrayList();
    private final ObservableList<SessionNode> sessionsView = FXCollections.unmodifiableObservableList(sessions); // kept: it listens weakly

    ConnectionNode(String id, String peer, boolean accepted) {
        this.id = id;
        this.peer = peer;
        this.accepted = accepted;
    }

    /** Unique within the explorer, e.g. "c3". */
    public String id() {
        return id;
    }

    /** Where the other end is, e.g. "localhost:5672". */
    public String peer() {
        return peer;
    }

    /** True if our listener accepted it, false if we connected. */
    public boolean isAccepted() {
        return accepted;
    }

    @Override
    public String title() {
        return (accepted ? "accepted from " : "") + peer;
    }

    public ReadOnlyObjectProperty<Open> localOpenProperty() {
        return localOpen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Open> remoteOpenProperty() {
        return remoteOpen.getReadOnlyProperty();
    }

    /** TCP/TLS/SASL facts, e.g. "TLSv1.3 …, SASL PLAIN", and "INSECURE" when checks are off. */
    public ReadOnlyStringProperty transportProperty() {
        return transport.getReadOnlyProperty();
    }

    /** Why the transport failed (refused, TLS, authentication …), in words; null while it has not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ObservableList<SessionNode> sessions() {
        return sessionsView;
    }
}
