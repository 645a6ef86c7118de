package org.amqpexplorer.ui.explorer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.List;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.StringValue;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Role;
import org.amqpexplorer.protocol.types.Source;
import org.amqpexplorer.protocol.types.Target;
import org.amqpexplorer.ui.fx.RingList;

/** A link (2.6): its attach frames, its flow state at both ends (2.6.7), and its unsettled deliveries. */
public final class LinkNode extends ExplorerNode {
    /** Unsettled deliveries listed per link, at most; {@link #unsettledCountProperty()} counts them all. */
    public static final int MAX_LISTED_DELIVERIES = 1_000;

    final SessionNode session;
    private final String name;
    private final Role role;
    final ReadOnlyLongWrapper handle = new ReadOnlyLongWrapper(-1);
    final ReadOnlyLongWrapper remoteHandle = new ReadOnlyLongWrapper(-1);
    final ReadOnlyObjectWrapper<Attach> localAttach = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Attach> remoteAttach = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<FlowState> localFlow = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<FlowState> remoteFlow = new ReadOnlyObjectWrapper<>();
    final ReadOnlyIntegerWrapper unsettledCount = new ReadOnlyIntegerWrapper();
    final ObservableList<DeliveryNode> deliveries = FXCollections.observableArrayList();
    private final ObservableList<DeliveryNode> deliveriesView = FXCollections.unmodifiableObservableList(deliveries); // kept: it listens weakly
    boolean closedByDetach;
    /** Messages a receiver took in, newest last, at most {@link #MAX_RECEIVED}. */
    public static final int MAX_RECEIVED = 1_000;
    final RingList<ReceivedMessage> received = new RingList<>();
    private final ObservableList<ReceivedMessage> receivedView = FXCollections.unmodifiableObservableList(received);

    LinkNode(SessionNode session, String name, Role role) {
        this.session = session;
        this.name = name;
        this.role = role;
    }

    public SessionNode session() {
        return session;
    }

    public String name() {
        return name;
    }

    /** Our role on this link. */
    public Role role() {
        return role;
    }

    @Override
    public String title() {
        String address = address();
        return (role == Role.SENDER ? "sender " : "receiver ") + name + (address == null ? "" : " → " + address);
    }

    /** The node address: the target's for a sender, the source's for a receiver (ours, else the peer's). */
    public String address() {
        String a = addressOf(localAttach.get());
        return a != null ? a : addressOf(remoteAttach.get());
    }

    private String addressOf(Attach attach) {
        if (attach == null) return null;
        AmqpValue v = role == Role.SENDER
                ? (attach.target() instanceof Target t ? t.address() : null)
                : (attach.source() instanceof Source s ? s.address() : null);
        return v instanceof StringValue s ? s.value() : v == null ? null : String.valueOf(v);
    }

    public ReadOnlyLongProperty handleProperty() {
        return handle.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty remoteHandleProperty() {
        return remoteHandle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Attach> localAttachProperty() {
        return localAttach.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Attach> remoteAttachProperty() {
        return remoteAttach.getReadOnlyProperty();
    }

    /** This end's delivery-count, link-credit, available and drain. */
    public ReadOnlyObjectProperty<FlowState> localFlowProperty() {
        return localFlow.getReadOnlyProperty();
    }

    /** The peer's, as its last flow gave them (null before one). */
    public ReadOnlyObjectProperty<FlowState> remoteFlowProperty() {
        return remoteFlow.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unsettledCountProperty() {
        return unsettledCount.getReadOnlyProperty();
    }

    /** The unsettled deliveries (up to {@link #MAX_LISTED_DELIVERIES}), oldest first. */
    public ObservableList<DeliveryNode> deliveries() {
        return deliveriesView;
    }

    /** What this receiver took in (newest last, bounded); open one in the viewer. */
    public ObservableList<ReceivedMessage> received() {
        return receivedView;
    }

    void receive(List<ReceivedMessage> messages) {
        int over = Math.max(0, received.size() + messages.size() - MAX_RECEIVED);
        received.addAll(messages, over);
    }

    void flow(FlowState local, FlowState remote) {
        localFlow.set(local);
        if (remote != null) remoteFlow.set(remote);
        updateSummary();
    }

    void updateSummary() {
        FlowState f = localFlow.get();
        StringBuilder b = new StringBuilder();
        if (f != null) {
            b.append("credit ").append(f.linkCredit()).append(" · delivery-count ").append(f.deliveryCount());
            if (f.drain()) b.append(" · drain");
        }
        if (unsettledCount.get() > 0) b.append(b.isEmpty() ? "" : " · ").append(unsettledCount.get()).append(" unsettled");
        summary.set(b.toString());
    }
}
