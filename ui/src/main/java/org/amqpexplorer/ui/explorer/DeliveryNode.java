package org.amqpexplorer.ui.explorer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.codec.BinaryValue;
import org.amqpexplorer.protocol.engine.EngineEvent.DeliveryRef;
import org.amqpexplorer.protocol.types.Composite;

/** A delivery (2.6.12) not yet settled here: its id, tag, size, state and settlement at both ends. */
public final class DeliveryNode extends ExplorerNode {
    final LinkNode link;
    private final long key;
    private final BinaryValue tag;
    private final long createdAt;
    final ReadOnlyLongWrapper deliveryId = new ReadOnlyLongWrapper(-1);
    final ReadOnlyLongWrapper size = new ReadOnlyLongWrapper();
    final ReadOnlyObjectWrapper<AmqpValue> deliveryState = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper settledHere = new ReadOnlyBooleanWrapper();
    final ReadOnlyBooleanWrapper settledThere = new ReadOnlyBooleanWrapper();
    final ReadOnlyBooleanWrapper aborted = new ReadOnlyBooleanWrapper();
    /** The tree's pulse count when it was created: its link lists it some pulses later if still unsettled. */
    long createdInPulse;

    DeliveryNode(LinkNode link, DeliveryRef ref, long createdAt) {
        this.link = link;
        this.key = ref.key();
        this.tag = ref.tag();
        this.createdAt = createdAt;
        deliveryId.set(ref.deliveryId());
    }

    public LinkNode link() {
        return link;
    }

    /** The engine's key for it, unique within the connection. */
    public long key() {
        return key;
    }

    public BinaryValue tag() {
        return tag;
    }

    /** When it came into being (engine clock, ms), for its age. */
    public long createdAt() {
        return createdAt;
    }

    @Override
    public String title() {
        return "delivery " + (deliveryId.get() >= 0 ? deliveryId.get() : "(queued)");
    }

    public ReadOnlyLongProperty deliveryIdProperty() {
        return deliveryId.getReadOnlyProperty();
    }

    /** Payload bytes transferred so far. */
    public ReadOnlyLongProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** The latest delivery state either end gave it (accepted, rejected …), or null. */
    public ReadOnlyObjectProperty<AmqpValue> deliveryStateProperty() {
        return deliveryState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty settledHereProperty() {
        return settledHere.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty settledThereProperty() {
        return settledThere.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty abortedProperty() {
        return aborted.getReadOnlyProperty();
    }

    void updateSummary() {
        AmqpValue s = deliveryState.get();
        String state = s == null ? "no state" : s instanceof Composite c ? c.compositeType().name() : String.valueOf(s);
        summary.set(size.get() + " bytes · " + state + (settledThere.get() ? " · settled by peer" : "")
                + (aborted.get() ? " · aborted" : ""));
    }
}
