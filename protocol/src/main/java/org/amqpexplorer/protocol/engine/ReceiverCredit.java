package org.amqpexplorer.protocol.engine;

/**
 * The receiver's link flow state (2.6.7): delivery-count (known once the sender's attach gives its
 * initial-delivery-count), the link-credit we granted, whether we asked for drain, and the sender's values
 * as of its last flow.
 *
 * <p>Credit can be lowered at any time, but deliveries the sender sent under the higher grant may be in
 * flight; so a delivery is refused only beyond the highest delivery-count + link-credit ever granted.
 */
final class ReceiverCredit {

    private int deliveryCount;
    private boolean deliveryCountKnown;
    private long linkCredit;
    /** The delivery-count the sender may reach under the highest grant so far. */
    private int limit;
    private boolean drain;
    private long available;
    private long remoteDeliveryCount = -1;
    private long remoteLinkCredit = -1;

    int deliveryCount() {
        return deliveryCount;
    }

    boolean isDeliveryCountKnown() {
        return deliveryCountKnown;
    }

    long linkCredit() {
        return linkCredit;
    }

    boolean drain() {
        return drain;
    }

    long available() {
        return available;
    }

    long remoteDeliveryCount() {
        return remoteDeliveryCount;
    }

    long remoteLinkCredit() {
        return remoteLinkCredit;
    }

    /** 2.6.7: the receiver's delivery-count starts at the sender's initial-delivery-count. */
    void remoteAttach(long initialDeliveryCount) {
        deliveryCount = SerialNumber.of(initialDeliveryCount);
        deliveryCountKnown = true;
        limit = SerialNumber.add(deliveryCount, linkCredit);
    }

    /** Sets the credit we grant (and whether the sender should drain it); the caller sends the flow. */
    void grant(long linkCredit, boolean drain) {
        if (linkCredit < 0 || linkCredit > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("link-credit must be a uint: " + linkCredit);
        }
        this.linkCredit = linkCredit;
        this.drain = drain;
        raiseLimit();
    }

    private void raiseLimit() {
        int granted = SerialNumber.add(deliveryCount, linkCredit);
        if (deliveryCountKnown && SerialNumber.greaterThan(granted, limit)) {
            limit = granted;
        }
    }

    /**
     * Accounts the first transfer of a new delivery. Returns false, changing nothing, if it goes beyond every
     * grant (2.6.7: amqp:link:transfer-limit-exceeded).
     */
    boolean deliveryReceived() {
        if (!SerialNumber.lessThan(deliveryCount, limit)) {
            return false;
        }
        deliveryCount = SerialNumber.add(deliveryCount, 1);
        linkCredit = Math.max(0, linkCredit - 1);
        return true;
    }

    /**
     * A flow from the sender: its delivery-count ahead of ours means it consumed that much credit without
     * transfers (a drain). Returns the credit so consumed.
     */
    long remoteFlow(long senderDeliveryCount, long senderLinkCredit, long available) {
        int sndCount = SerialNumber.of(senderDeliveryCount);
        remoteDeliveryCount = SerialNumber.toUnsigned(sndCount);
        remoteLinkCredit = senderLinkCredit;
        this.available = available;
        long advanced = 0;
        if (!deliveryCountKnown) {
            deliveryCount = sndCount;
            deliveryCountKnown = true;
            limit = SerialNumber.add(deliveryCount, linkCredit);
        } else if (SerialNumber.greaterThan(sndCount, deliveryCount)) {
            advanced = SerialNumber.difference(sndCount, deliveryCount);
            deliveryCount = sndCount;
            linkCredit = Math.max(0, linkCredit - advanced);
        }
        return advanced;
    }

    /** Whether a drain we asked for has completed: all the credit is used up. */
    boolean isDrained() {
        return drain && linkCredit == 0;
    }
}
