package org.amqpexplorer.ui.composer;

import static org.amqpexplorer.ui.composer.Composers.composer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.amqpexplorer.protocol.codec.AmqpType;
import org.amqpexplorer.protocol.codec.MapValue;
import org.amqpexplorer.protocol.codec.ULongValue;
import org.amqpexplorer.protocol.codec.UuidValue;
import org.amqpexplorer.protocol.types.Accepted;
import org.amqpexplorer.protocol.types.ErrorCondition;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.Modified;
import org.amqpexplorer.protocol.types.Rejected;
import org.amqpexplorer.protocol.types.Released;
import org.amqpexplorer.protocol.types.SenderSettleMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract between the composer and whoever sends: jobs out, per-message reports back. */
class SendContractTest {
    @TempDir
    Path dir;

    /** Stands in for a link: keeps the jobs it is given. */
    static final class FakeSender implements MessageSender {
        final List<SendJob> jobs = new ArrayList<>();

        @Override
        public void send(SendJob job) {
            jobs.add(job);
        }
    }

    @Test
    void aJobCarriesCountRateSettleModeAndMessagesWithFreshPlaceholders() {
        ComposerViewModel vm = composer(dir);
        FakeSender sender = new FakeSender();
        assertThrows(IllegalStateException.class, vm::send, "no sender yet");
        vm.setSender(sender);
        ValueNode id = vm.form.properties.get("messageId");
        id.typeProperty().set(AmqpType.ULONG);
        id.textProperty().set("${seq}");
        ValueNode correlation = vm.form.properties.get("correlationId");
        correlation.typeProperty().set(AmqpType.UUID);
        correlation.textProperty().set("${uuid}");
        vm.countProperty().set(3);
        vm.ratePerSecondProperty().set(50);
        vm.settleModeProperty().set(SenderSettleMode.SETTLED);

        SendJob job = vm.send();
        assertSame(job, sender.jobs.getFirst());
        assertEquals(3, job.count());
        assertEquals(50, job.ratePerSecond());
        assertEquals(SenderSettleMode.SETTLED, job.settleMode());
        assertEquals(1, job.firstSequence());
        assertEquals(4, vm.nextSequenceProperty().get(), "the next send carries on from 4");
        List<Message> sent = List.of(job.message(0), job.message(1), job.message(2));
        assertEquals(List.of(new ULongValue(1), new ULongValue(2), new ULongValue(3)), sent.stream().map(m -> m.properties().messageId()).toList());
        assertTrue(sent.stream().allMatch(m -> m.properties().correlationId() instanceof UuidValue));
        assertEquals(3, sent.stream().map(m -> m.properties().correlationId()).distinct().count(), "a fresh UUID per message");
        assertThrows(IndexOutOfBoundsException.class, () -> job.message(3));

        for (int i = 0; i < 3; i++) job.sent(i, true);
        assertEquals(3, vm.countProperty(SentMessage.Status.SETTLED).get());
        assertEquals(1.0, vm.progressProperty().get());
        assertFalse(vm.sendingProperty().get());
        assertEquals("sent 3 messages", vm.statusProperty().get());
        assertEquals(List.of("ulong 1", "ulong 2", "ulong 3"), vm.results().stream().map(SentMessage::messageId).toList());
    }

    @Test
    void everyOutcomeIsReported() {
        ComposerViewModel vm = composer(dir);
        vm.setSender(new FakeSender());
        vm.countProperty().set(6);
        SendJob job = vm.send();
        assertTrue(vm.sendingProperty().get());
        assertThrows(IllegalStateException.class, vm::send, "one send at a time");
        for (int i = 0; i < 6; i++) job.message(i);
        assertEquals(6, vm.countProperty(SentMessage.Status.COMPOSED).get());
        for (int i = 0; i < 6; i++) job.sent(i, false);
        assertEquals(6, vm.countProperty(SentMessage.Status.SENT).get());
        job.outcome(0, Accepted.INSTANCE);
        job.outcome(1, new Rejected(new ErrorCondition(ErrorCondition.INVALID_FIELD, "bad subject")));
        job.outcome(2, Released.INSTANCE);
        job.outcome(3, new Modified(true, true, MapValue.EMPTY));
        job.failed(4, "link detached");
        assertTrue(vm.sendingProperty().get(), "one still awaits its outcome");
        job.outcome(5, Accepted.INSTANCE);
        job.outcome(0, Released.INSTANCE); // a late, repeated report does not undo a final state
        assertFalse(vm.sendingProperty().get());
        assertEquals(List.of("accepted", "rejected amqp:invalid-field: bad subject", "released",
                        "modified delivery-failed, undeliverable-here", "failed link detached", "accepted"),
                vm.results().stream().map(r -> (r.status() + " " + r.detail()).strip()).toList());
        assertEquals(2, vm.countProperty(SentMessage.Status.ACCEPTED).get());
        assertEquals(1, vm.countProperty(SentMessage.Status.REJECTED).get());
        assertEquals(1, vm.countProperty(SentMessage.Status.RELEASED).get());
        assertEquals(1, vm.countProperty(SentMessage.Status.MODIFIED).get());
        assertEquals(1, vm.countProperty(SentMessage.Status.FAILED).get());
        assertEquals(0, vm.countProperty(SentMessage.Status.SENT).get());
        assertEquals(6, vm.doneCountProperty().get());
        assertTrue(vm.statusIsErrorProperty().get(), "a failed message makes the summary an error");
    }

    @Test
    void reportsFromOtherThreadsArriveInBatches() throws Exception {
        List<Runnable> fx = new ArrayList<>();
        Executor queued = fx::add;
        ComposerViewModel vm = new ComposerViewModel(new TemplateStore(dir), queued);
        vm.setSender(new FakeSender());
        vm.countProperty().set(1000);
        SendJob job = vm.send();
        Thread t = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                job.message(i);
                job.sent(i, false);
                job.outcome(i, Accepted.INSTANCE);
            }
        });
        t.start();
        t.join();
        assertTrue(fx.size() < 10, "drains are coalesced, not one per report: " + fx.size());
        fx.forEach(Runnable::run);
        assertEquals(1000, vm.countProperty(SentMessage.Status.ACCEPTED).get());
        assertEquals(ComposerViewModel.MAX_RESULTS, vm.results().size());
    }

    @Test
    void aPlaceholderThatBreaksTheMessageFailsThatMessageOnly() {
        ComposerViewModel vm = composer(dir);
        vm.setSender(new FakeSender());
        ValueNode priority = vm.form.header.get("priority");
        priority.textProperty().set("${seq}");
        for (int i = 0; i < 254; i++) vm.resetSequence();
        vm.countProperty().set(300);
        SendJob job = vm.send();
        assertEquals(255, job.message(254).header().priority());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job.message(255));
        assertEquals("with ${seq} = 256: $.header.priority: ubyte out of range: 256", e.getMessage());
        assertEquals(1, vm.countProperty(SentMessage.Status.FAILED).get());
        vm.stopSending();
        assertTrue(job.isCancelled());
        assertFalse(vm.sendingProperty().get());
    }

    @Test
    void aMessageWithoutPlaceholdersIsMadeOnce() {
        ComposerViewModel vm = composer(dir);
        vm.setSender(new FakeSender());
        vm.countProperty().set(2);
        SendJob job = vm.send();
        assertSame(job.message(0), job.message(1));
        assertNotEquals(null, job.message(0));
    }

    @Test
    void nothingIsSentWhileTheFormHasProblems() {
        ComposerViewModel vm = composer(dir);
        vm.setSender(new FakeSender());
        vm.form.header.get("priority").textProperty().set("-1");
        assertEquals("the message has problems: $.header.priority: ubyte out of range: -1",
                assertThrows(IllegalStateException.class, vm::send).getMessage());
    }
}
