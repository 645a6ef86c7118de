package org.amqpexplorer.protocol.engine;

/**
 * The sender's link flow state (2.6.7): delivery-count, link-credit, available, drain, and the receiver's
 * values as of its last flow. Only the first transfer of a delivery uses credit.
 */
final class SenderCredit {

    private int initialDeliveryCount;
    private int deliveryCount;
    private long linkCredit;
    private long available;
    private boolean drain;
    private boolean flowReceived;
    private long remoteDeliveryCount = -1;
    private long remoteLinkCredit = -1;

    SenderCredit(int initialDeliveryCount) {
        this.initialDeliveryCount = initialDeliveryCount;
        this.deliveryCount = initialDeliveryCount;
    }

    int initialDeliveryCount() {
        return initialDeliveryCount;
    }

    /**
     * Sets the initial-delivery-count our attach announces; only before the first delivery. A receiver's
     * flow that came earlier had no delivery-count to compare, so the credit it gave stands.
     */
    void initialDeliveryCount(int initial) {
        if (deliveryCount != initialDeliveryCount) {
            throw new IllegalStateException("deliveries already sent");
        }
        initialDeliveryCount = initial;
        deliveryCount = initial;
    }

    int deliveryCount() {
        return deliveryCount;
    }

    long linkCredit() {
        return linkCredit;
    }

    long available() {
        return available;
    }

    void available(long available) {
        this.available = available;
    }

    boolean drain() {
        return drain;
    }

    /** The receiver's delivery-count as of its last flow (uint), or -1 before it said. */
    long remoteDeliveryCount() {
        return remoteDeliveryCount;
    }

    /** The receiver's link-credit as of its last flow, or -1 before its first flow. */
    long remoteLinkCredit() {
        return remoteLinkCredit;
    }

    boolean flowReceived() {
        return flowReceived;
    }

    /**
     * 2.6.7: link-credit(snd) := delivery-count(rcv) + link-credit(rcv) - delivery-count(snd). A receiver that
     * has not seen our attach omits delivery-count; our initial-delivery-count stands in. Deliveries in
     * flight when the receiver lowers its credit make the sum negative, which means no credit.
     */
    void remoteFlow(Long receiverDeliveryCount, long receiverLinkCredit, boolean drain) {
        int rcvCount = receiverDeliveryCount == null ? initialDeliveryCount : SerialNumber.of(receiverDeliveryCount);
        remoteDeliveryCount = receiverDeliveryCount == null ? -1 : SerialNumber.toUnsigned(rcvCount);
        remoteLinkCredit = receiverLinkCredit;
        linkCredit = SessionOutgoingWindow.clampUInt(receiverLinkCredit + SerialNumber.difference(rcvCount, deliveryCount));
        this.drain = drain;
        flowReceived = true;
    }

    boolean hasCredit() {
        return linkCredit > 0;
    }

    /** Accounts the first transfer of a new delivery. */
    void deliverySent() {
        if (linkCredit == 0) {
            throw new IllegalStateException("no link-credit");
        }
        deliveryCount = SerialNumber.add(deliveryCount, 1);
        linkCredit--;
    }

    /**
     * 2.6.7 drain: with nothing left to send, the sender uses up its remaining credit by advancing
     * delivery-count and setting link-credit to zero. Returns how much credit was consumed.
     */
    long drainCredit() {
        long drained = linkCredit;
        deliveryCount = SerialNumber.add(deliveryCount, drained);
        linkCredit = 0;
        return drained;
    }
}
