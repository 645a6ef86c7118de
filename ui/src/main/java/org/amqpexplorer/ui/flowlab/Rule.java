package org.amqpexplorer.ui.flowlab;

/**
 * The flow-control and settlement rules the lab watches the peer keep, each with the section of the AMQP 1.0
 * specification (part 2, transport) that states it.
 */
enum Rule {
    CREDIT("Transfer beyond link credit", "2.6.7",
            "A sender may start a delivery only while it holds link-credit, which the receiver grants in its flows."),
    DRAIN("Transfer after a drain completed", "2.6.7",
            "A drained sender has used up (or given back) all its credit; it must not start a delivery until the "
                    + "receiver grants more."),
    WINDOW("Transfer beyond the incoming window", "2.5.6",
            "A session must not send a transfer frame while the other end's incoming-window is zero."),
    UNKNOWN_DELIVERY("Disposition for an unknown delivery", "2.7.6",
            "A disposition names deliveries by delivery-id; each must be one that was transferred on the session and "
                    + "that the end still remembers."),
    RESETTLED("A settled delivery settled again", "2.6.12",
            "An end that settles a delivery forgets it; it cannot settle the same delivery a second time."),
    REFUSED("Protocol error", "",
            "The engine refused the peer's frame and ended the connection, session or link with the error the "
                    + "specification names.");

    private final String title;
    private final String section;
    private final String statement;

    Rule(String title, String section, String statement) {
        this.title = title;
        this.section = section;
        this.statement = statement;
    }

    String title() {
        return title;
    }

    /** e.g. "2.6.7"; empty when the error names its own section. */
    String section() {
        return section;
    }

    /** The rule in one sentence. */
    String statement() {
        return statement;
    }
}
