package org.amqpexplorer.protocol.types;

/** detach (2.7.7): detaches (or, with closed, closes) a link. */
public record Detach(
        @Amqp(value = "handle", mandatory = true) Long handle,
        @Amqp(value = "boolean", defaultValue = "false") Boolean closed,
        @Amqp("error") ErrorCondition error) implements Performative {

    public Detach {
        Checks.mandatory(handle, "detach.handle");
    }

    public boolean closedOrDefault() {
        return closed != null && closed;
    }
}
