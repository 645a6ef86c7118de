package org.amqpexplorer.protocol.types;

/**
 * When a dynamically created node is deleted (3.5.10): the value of the {@code lifetime-policy} node
 * property ({@link Source#LIFETIME_POLICY}).
 */
public sealed interface LifetimePolicy extends Composite
        permits LifetimePolicy.DeleteOnClose, LifetimePolicy.DeleteOnNoLinks, LifetimePolicy.DeleteOnNoMessages,
        LifetimePolicy.DeleteOnNoLinksOrMessages {

    /** delete-on-close (3.5.10): deleted when the link that created it closes. */
    record DeleteOnClose() implements LifetimePolicy {
    }

    /** delete-on-no-links (3.5.11): deleted when it has no links left. */
    record DeleteOnNoLinks() implements LifetimePolicy {
    }

    /** delete-on-no-messages (3.5.12): deleted when it holds no messages. */
    record DeleteOnNoMessages() implements LifetimePolicy {
    }

    /** delete-on-no-links-or-messages (3.5.13): deleted when it has neither links nor messages. */
    record DeleteOnNoLinksOrMessages() implements LifetimePolicy {
    }
}
