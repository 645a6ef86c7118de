package org.amqpexplorer.ui.explorer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.types.ErrorCondition;

/**
 * One entity of the live tree: a connection, session, link or unsettled delivery. Updated on the FX thread
 * from engine events; knows no controls.
 */
public abstract sealed class ExplorerNode permits ConnectionNode, SessionNode, LinkNode, DeliveryNode {
    /** State changes kept per entity, at most. */
    static final int MAX_HISTORY = 50;

    final ReadOnlyObjectWrapper<EndpointState> state = new ReadOnlyObjectWrapper<>(EndpointState.UNOPENED);
    final ReadOnlyObjectWrapper<ErrorCondition> error = new ReadOnlyObjectWrapper<>();
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<StateChange> history = FXCollections.observableArrayList();
    private final ObservableList<StateChange> historyView = FXCollections.unmodifiableObservableList(history); // kept: it listens weakly

    /** A state this entity entered, and when (engine clock, ms). */
    public record StateChange(long timestamp, EndpointState state, ErrorCondition error) {
    }

    /** The name shown in the tree, e.g. "session 0". */
    public abstract String title();

    public ReadOnlyObjectProperty<EndpointState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public EndpointState state() {
        return state.get();
    }

    /** The error that closed (or is closing) it, if any. */
    public ReadOnlyObjectProperty<ErrorCondition> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A compact live figure for the tree: windows for a session, credit for a link, state for a delivery. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<StateChange> history() {
        return historyView;
    }

    void enter(long timestamp, EndpointState next, ErrorCondition cause) {
        if (cause != null) error.set(cause);
        if (next == state.get()) return;
        state.set(next);
        history.add(new StateChange(timestamp, next, cause));
        if (history.size() > MAX_HISTORY) history.remove(0, history.size() - MAX_HISTORY);
    }

    /** Whether the entity has ended, so the tree may drop it when it needs room. */
    public boolean isClosed() {
        return state.get() == EndpointState.CLOSED;
    }
}
