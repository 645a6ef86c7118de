package org.amqpexplorer.ui.flowlab;

/**
 * The peer broke a rule: which, where and how, for a person to read.
 *
 * @param id          unique within the lab run, in the order alerts were raised
 * @param time        when (engine clock, ms)
 * @param connection  the connection's name in the lab and the trace
 * @param section     the spec section that states the rule (the rule's own, or the one the engine's error names)
 * @param detail      what happened, e.g. "delivery 7 on link 'orders' (handle 0) arrived with link-credit 0"
 * @param frameSeq    the offending frame's number in the connection's ladder, or -1
 * @param engineError what the engine did about it (e.g. "ended the link with amqp:link:transfer-limit-exceeded"),
 *                    or null if it let it pass
 */
record SpecAlert(long id, long time, String connection, Rule rule, String section, String detail, int channel,
                 long handle, long frameSeq, String engineError) {

    /** e.g. {@code 2.6.7 Transfer beyond link credit}. */
    String headline() {
        return (section.isEmpty() ? "" : section + " ") + rule.title();
    }

    SpecAlert withEngineError(String error) {
        return new SpecAlert(id, time, connection, rule, section, detail, channel, handle, frameSeq, error);
    }
}
