package org.amqpexplorer.protocol.types;

/** The body of an AMQP frame (2.7): one of the nine performatives. */
public sealed interface Performative extends Composite
        permits Open, Begin, Attach, Flow, Transfer, Disposition, Detach, End, Close {
}
