package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.amqpexplorer.protocol.codec.AmqpValue;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.Declared;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.Outcome;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * One press of Send: the composed message (a template, evaluated per message for its placeholders), how many,
 * how fast and how settled. The sender takes messages from it and reports what became of each; reports may
 * come from any thread and reach the composer's view on the FX thread in batches.
 *
 * <p>Indexes run from 0 to {@code count() - 1}; message {@code i} is made with {@code ${seq}} =
 * {@code firstSequence() + i}.
 */
public final class SendJob {
    private final ObjectNode template;
    private final Message fixed;
    private final long firstSequence;
    private final int count;
    private final double ratePerSecond;
    private final SenderSettleMode settleMode;
    private final Consumer<SentMessage> reports;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param template the message template (not changed afterwards), or null when {@code fixed} is the message
     * @param fixed    the message when it has no placeholders, else null
     */
    SendJob(ObjectNode template, Message fixed, long firstSequence, int count, double ratePerSecond,
            SenderSettleMode settleMode, Consumer<SentMessage> reports) {
        this.template = template;
        this.fixed = fixed;
        this.firstSequence = firstSequence;
        this.count = count;
        this.ratePerSecond = ratePerSecond;
        this.settleMode = settleMode;
        this.reports = reports;
    }

    /** How many messages to send. */
    public int count() {
        return count;
    }

    /** The most messages to send per second; 0 means as fast as credit allows. */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** {@link SenderSettleMode#SETTLED} to send pre-settled, {@link SenderSettleMode#UNSETTLED} to wait for outcomes. */
    public SenderSettleMode settleMode() {
        return settleMode;
    }

    /** The {@code ${seq}} of message 0. */
    public long firstSequence() {
        return firstSequence;
    }

    /** True once the user stopped the send: send no more messages. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    void cancel() {
        cancelled.set(true);
    }

    /**
     * Message {@code index}, its placeholders evaluated now (a fresh UUID and the current time). Safe from any
     * thread.
     *
     * @throws IllegalArgumentException if the placeholders' values make the message invalid (say ${seq} past
     *         a ubyte's 255); the message is then reported failed with that reason and must be skipped
     */
    public Message message(int index) {
        checkIndex(index);
        long seq = firstSequence + index;
        Message m;
        if (fixed != null) {
            m = fixed;
        } else {
            try {
                m = TypedJson.readMessage(Placeholders.evaluateMessage(template, Placeholders.Context.forMessage(seq), (p, raw) -> { }));
            } catch (TypedJsonException | InvalidInput e) {
                String reason = "with ${seq} = " + seq + ": " + e.getMessage();
                reports.accept(new SentMessage(index, seq, "", SentMessage.Status.FAILED, reason));
                throw new IllegalArgumentException(reason, e);
            }
        }
        reports.accept(new SentMessage(index, seq, messageId(m), SentMessage.Status.COMPOSED, ""));
        return m;
    }

    /** Message {@code index} was transferred: settled if sent pre-settled, else now awaiting its outcome. */
    public void sent(int index, boolean settled) {
        report(index, settled ? SentMessage.Status.SETTLED : SentMessage.Status.SENT, "");
    }

    /** The receiver's outcome for message {@code index} (3.4). */
    public void outcome(int index, Outcome outcome) {
        switch (outcome) {
            case Accepted a -> report(index, SentMessage.Status.ACCEPTED, "");
            case Rejected r -> report(index, SentMessage.Status.REJECTED, describe(r.error()));
            case Released r -> report(index, SentMessage.Status.RELEASED, "");
            case Modified m -> report(index, SentMessage.Status.MODIFIED, describe(m));
            case Declared d -> report(index, SentMessage.Status.ACCEPTED, "declared");
        }
    }

    /** Message {@code index} could not be sent, or its fate is unknown (say the link went away). */
    public void failed(int index, String reason) {
        report(index, SentMessage.Status.FAILED, reason);
    }

    private void report(int index, SentMessage.Status status, String detail) {
        checkIndex(index);
        reports.accept(new SentMessage(index, firstSequence + index, null, status, detail));
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) throw new IndexOutOfBoundsException("message " + index + " of " + count);
    }

    static String messageId(Message m) {
        if (m.properties() == null || m.properties().messageId() == null) return "";
        AmqpValue id = m.properties().messageId();
        return id.type() + " " + ValueText.format(id, false, true);
    }

    private static String describe(ErrorCondition e) {
        if (e == null) return "no error given";
        return e.condition() + (e.description() == null ? "" : ": " + e.description());
    }

    private static String describe(Modified m) {
        StringBuilder sb = new StringBuilder();
        if (Boolean.TRUE.equals(m.deliveryFailed())) sb.append("delivery-failed");
        if (Boolean.TRUE.equals(m.undeliverableHere())) sb.append(sb.isEmpty() ? "" : ", ").append("undeliverable-here");
        if (m.messageAnnotations() != null && m.messageAnnotations().size() > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(m.messageAnnotations().size()).append(" annotation(s)");
        }
        return sb.toString();
    }
}
