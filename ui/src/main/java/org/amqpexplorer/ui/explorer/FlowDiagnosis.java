package org.amqpexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.amqpexplorer.protocol.engine.EndpointState;
import org.amqpexplorer.protocol.engine.EngineEvent.FlowState;
import org.amqpexplorer.protocol.engine.EngineEvent.SessionWindowChanged;
import org.amqpexplorer.protocol.types.Role;

/** Says in plain words why traffic on a link is blocked (2.5.6 session windows, 2.6.7 link credit), if it is. */
public final class FlowDiagnosis {
    private FlowDiagnosis() {
    }

    /** The reasons traffic on this link cannot flow now; empty when nothing blocks it. */
    public static List<String> of(LinkNode link) {
        List<String> reasons = new ArrayList<>();
        if (link.state() != EndpointState.OPENED) {
            reasons.add("link is " + link.state().name().toLowerCase().replace('_', ' ') + ", not attached at both ends");
            return reasons;
        }
        FlowState local = link.localFlowProperty().get();
        FlowState remote = link.remoteFlowProperty().get();
        SessionWindowChanged w = link.session().windowProperty().get();
        // 2.6.7: a link starts with no credit, before any flow says otherwise.
        long credit = local == null ? 0 : local.linkCredit();
        if (link.role() == Role.SENDER) {
            if (credit == 0) {
                reasons.add("sender blocked: link credit is 0 (the receiver has granted none)");
            }
            if (w != null && w.remoteIncomingWindow() == 0) {
                reasons.add("sender blocked: peer's incoming window is 0 (the receiving session must widen it)");
            }
            if (w != null && w.outgoingWindow() == 0) {
                reasons.add("sender blocked: this session's outgoing window is 0");
            }
        } else {
            long available = remote == null ? 0 : remote.available();
            if (credit == 0) {
                reasons.add(available > 0
                        ? "receiver has credit 0 while the sender reports " + available + " available"
                        : "receiver has credit 0: no message can arrive until it grants more");
            }
            if (w != null && w.incomingWindow() == 0) {
                reasons.add("receiver's session has incoming window 0: transfers wait until it is widened");
            }
            if (local != null && local.drain()) {
                reasons.add("draining: the sender uses up or gives back the credit, then credit is 0");
            }
        }
        return reasons;
    }
}
