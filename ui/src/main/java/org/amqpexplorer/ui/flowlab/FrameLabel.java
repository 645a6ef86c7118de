package org.amqpexplorer.ui.flowlab;

import org.amqpexplorer.protocol.codec.Described;
import org.amqpexplorer.protocol.types.Attach;
import org.amqpexplorer.protocol.types.Begin;
import org.amqpexplorer.protocol.types.Close;
import org.amqpexplorer.protocol.types.Composite;
import org.amqpexplorer.protocol.types.Detach;
import org.amqpexplorer.protocol.types.Disposition;
import org.amqpexplorer.protocol.types.End;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Flow;
import org.amqpexplorer.protocol.types.Open;
import org.amqpexplorer.protocol.types.Transfer;

/**
 * The short text on a sequence-diagram arrow: the performative and the few fields that matter for flow control
 * and settlement ({@code flow h0 credit 5 dc 10 drain}, {@code transfer #3 h0 more 4 KiB}). The trace has the
 * full summary.
 */
final class FrameLabel {
    private FrameLabel() {
    }

    static String of(Described body, int payloadSize) {
        return switch (body) {
            case null -> "empty frame";
            case Open o -> "open" + (o.maxFrameSize() == null ? "" : " max-frame " + Figures.bytes(o.maxFrameSize()));
            case Begin b -> "begin in-window " + b.incomingWindow() + " out-window " + b.outgoingWindow()
                    + (b.remoteChannel() == null ? "" : " (answers ch " + b.remoteChannel() + ")");
            case Attach a -> "attach '" + a.name() + "' h" + a.handle() + " " + a.role().choiceName()
                    + (a.unsettled() == null || a.unsettled().entries().isEmpty() ? ""
                    : " unsettled " + a.unsettled().entries().size());
            case Flow f -> flow(f);
            case Transfer t -> transfer(t, payloadSize);
            case Disposition d -> "disposition " + d.first() + (d.last() == null || d.last().equals(d.first()) ? "" : ".." + d.last())
                    + " " + d.role().choiceName() + (d.state() instanceof Composite c ? " " + c.compositeType().name() : "")
                    + (d.settledOrDefault() ? " settled" : "");
            case Detach d -> "detach h" + d.handle() + (d.closedOrDefault() ? " closed" : "") + error(d.error());
            case End e -> "end" + error(e.error());
            case Close c -> "close" + error(c.error());
            case Composite c -> c.compositeType().name();
            default -> "described";
        };
    }

    private static String flow(Flow f) {
        StringBuilder b = new StringBuilder("flow");
        if (f.handle() == null) {
            // a session flow: only the window is news
            b.append(" in-window ").append(f.incomingWindow()).append(" (session)");
        } else {
            b.append(" h").append(f.handle());
            if (f.linkCredit() != null) b.append(" credit ").append(f.linkCredit());
            if (f.deliveryCount() != null) b.append(" dc ").append(f.deliveryCount());
            if (f.available() != null && f.available() > 0) b.append(" avail ").append(f.available());
            if (f.drainOrDefault()) b.append(" drain");
        }
        if (f.echoOrDefault()) b.append(" echo");
        return b.toString();
    }

    private static String transfer(Transfer t, int payloadSize) {
        StringBuilder b = new StringBuilder("transfer");
        if (t.deliveryId() != null) b.append(" #").append(t.deliveryId());
        b.append(" h").append(t.handle());
        if (t.moreOrDefault()) b.append(" more");
        if (Boolean.TRUE.equals(t.settled())) b.append(" settled");
        if (t.resumeOrDefault()) b.append(" resume");
        if (t.abortedOrDefault()) b.append(" aborted");
        if (payloadSize > 0) b.append(' ').append(Figures.bytes(payloadSize));
        return b.toString();
    }

    private static String error(ErrorCondition e) {
        return e == null ? "" : " " + e.condition();
    }
}
