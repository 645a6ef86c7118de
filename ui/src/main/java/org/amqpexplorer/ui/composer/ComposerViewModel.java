package org.amqpexplorer.ui.composer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.amqpexplorer.protocol.json.TypedJson;
import org.amqpexplorer.protocol.json.TypedJsonException;
import org.amqpexplorer.protocol.types.Message;
import org.amqpexplorer.protocol.types.SenderSettleMode;

/**
 * The message composer: the form for every section of a message, its typed-JSON text kept in step with it
 * both ways, templates, and sending. Knows no controls; {@link ComposerView} shows it.
 *
 * <p>For the host: {@link #loadMessage} puts a message in the form ("edit as new"); {@link #messageProperty}
 * is the composed message (with sample values for its placeholders) or null while the form has problems;
 * {@link #setSender} enables sending, after which each press of Send hands the sender a {@link SendJob} whose
 * reports show up in {@link #results()} and the counters. Call everything on the FX thread, except a
 * job's report methods.
 */
public final class ComposerViewModel {
    /** The most result rows kept; the counters count every message. */
    public static final int MAX_RESULTS = 1000;
    public static final int MAX_COUNT = 1_000_000;

    private final TemplateStore templates;
    private final Executor fxThread;
    final MessageForm form;

    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final StringProperty jsonText = new SimpleStringProperty(this, "jsonText", "");
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper(this, "jsonError");
    private final ReadOnlyBooleanWrapper jsonBehind = new ReadOnlyBooleanWrapper(this, "jsonBehind");
    private ObjectNode template;
    private final UUID sampleUuid = UUID.randomUUID();
    private boolean applyingJson;
    private boolean writingJson;

    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 1);
    private final DoubleProperty ratePerSecond = new SimpleDoubleProperty(this, "ratePerSecond", 0);
    private final ObjectProperty<SenderSettleMode> settleMode = new SimpleObjectProperty<>(this, "settleMode", SenderSettleMode.UNSETTLED);
    private final ReadOnlyLongWrapper nextSequence = new ReadOnlyLongWrapper(this, "nextSequence", 1);
    private final ObjectProperty<MessageSender> sender = new SimpleObjectProperty<>(this, "sender");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyObjectWrapper<SendJob> currentJob = new ReadOnlyObjectWrapper<>(this, "currentJob");
    private final ObservableList<SentMessage> results = FXCollections.observableArrayList();
    private final ObservableList<SentMessage> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final Map<SentMessage.Status, ReadOnlyIntegerWrapper> counts = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper doneCount = new ReadOnlyIntegerWrapper(this, "doneCount");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final Queue<SentMessage> reports = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final LinkedHashMap<Integer, SentMessage> window = new LinkedHashMap<>();

    private final ObservableList<String> templateNames = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyTemplateNames = FXCollections.unmodifiableObservableList(templateNames);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");

    /** A composer with templates in {@code templates}, reporting sends on the FX thread. */
    public ComposerViewModel(TemplateStore templates) {
        this(templates, Platform::runLater);
    }

    /** As above, running report batches with {@code fxThread} (tests pass a direct executor). */
    public ComposerViewModel(TemplateStore templates, Executor fxThread) {
        this.templates = templates;
        this.fxThread = fxThread;
        for (SentMessage.Status s : SentMessage.Status.values()) counts.put(s, new ReadOnlyIntegerWrapper(this, s + "Count"));
        form = new MessageForm(this::formChanged);
        jsonText.addListener((o, was, now) -> {
            if (!writingJson) applyJson(now);
        });
        count.addListener((o, was, now) -> {
            if (now.intValue() < 1 || now.intValue() > MAX_COUNT) count.set(Math.max(1, Math.min(MAX_COUNT, now.intValue())));
        });
        ratePerSecond.addListener((o, was, now) -> {
            if (!(now.doubleValue() >= 0)) ratePerSecond.set(0);
        });
        formChanged();
        refreshTemplates();
    }

    // ---- the composed message

    /** The message as composed, placeholders given sample values; null while the form has problems. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Message message() {
        return message.get();
    }

    /** True when the form has no problems. */
    public boolean isValid() {
        return message.get() != null;
    }

    /** The form's problems, each with the typed-JSON path of its field. */
    ObservableList<Problem> problems() {
        return readOnlyProblems;
    }

    /** The problems as text, "path: reason", for a summary. */
    public List<String> problemTexts() {
        return problems.stream().map(Problem::toString).toList();
    }

    /** Replaces the form with {@code m} (for "edit as new"); its strings are taken literally. */
    public void loadMessage(Message m) {
        form.load(m);
        say("", false);
    }

    private Placeholders.Context sample() {
        return new Placeholders.Context(nextSequence.get(), System.currentTimeMillis(), sampleUuid);
    }

    private void formChanged() {
        Placeholders.Context sample = sample();
        List<Problem> found = form.check(sample);
        Message m = null;
        Map<NodePath, String> raw = new LinkedHashMap<>();
        if (found.isEmpty()) {
            try {
                ObjectNode t = form.template();
                m = TypedJson.readMessage(Placeholders.evaluateMessage(t, sample, raw::put));
                template = t;
            } catch (InvalidInput e) {
                found = List.of(new Problem(e.path(), e.reason(), form.locate(String.valueOf(e.path()))));
            } catch (TypedJsonException e) {
                found = List.of(new Problem(null, e.getMessage(), form.locate(e.path())));
            }
        }
        problems.setAll(found);
        message.set(m);
        jsonBehind.set(m == null);
        if (m != null && !applyingJson) writeJson(render(m, template, raw));
    }

    /** The canonical typed JSON of the sample message, with each placeholder field as the template has it. */
    private static String render(Message m, ObjectNode template, Map<NodePath, String> raw) {
        ObjectNode json = TypedJson.toJson(m);
        for (NodePath p : raw.keySet()) {
            JsonNode t = PrettyJson.at(template, p);
            if (t != null && PrettyJson.at(json, p) != null) PrettyJson.replace(json, p, t.deepCopy());
        }
        return PrettyJson.write(json);
    }

    private void writeJson(String text) {
        writingJson = true;
        try {
            jsonText.set(text);
            jsonError.set(null);
        } finally {
            writingJson = false;
        }
    }

    // ---- typed JSON

    /**
     * The message as typed JSON (a template: strings may hold placeholders). Kept in step with the form; set
     * it (as the view's text area does) and the form follows if it reads as a message, else
     * {@link #jsonErrorProperty} says where and why and the form stays as it was.
     */
    public StringProperty jsonTextProperty() {
        return jsonText;
    }

    /** Why the JSON text does not read as a message ("path: reason"), or null. */
    public ReadOnlyStringProperty jsonErrorProperty() {
        return jsonError.getReadOnlyProperty();
    }

    /** True while the form has problems, so the JSON text shows the last message that had none. */
    public ReadOnlyBooleanProperty jsonBehindProperty() {
        return jsonBehind.getReadOnlyProperty();
    }

    private void applyJson(String text) {
        applyingJson = true;
        try {
            form.loadJson(text, sample());
            jsonError.set(null);
        } catch (TypedJsonException | InvalidInput e) {
            jsonError.set(e.getMessage());
        } finally {
            applyingJson = false;
        }
    }

    /** Rewrites the JSON text in the canonical layout, if it and the form agree and have no problems. */
    public void tidyJson() {
        if (jsonError.get() == null && message.get() != null) formChanged();
    }

    /** The JSON text to copy out: the template as shown, or null if it does not read as a message. */
    public String jsonToCopy() {
        return jsonError.get() == null && message.get() != null ? jsonText.get() : null;
    }

    // ---- sending

    public IntegerProperty countProperty() {
        return count;
    }

    /** Messages per second, 0 for no limit. */
    public DoubleProperty ratePerSecondProperty() {
        return ratePerSecond;
    }

    public ObjectProperty<SenderSettleMode> settleModeProperty() {
        return settleMode;
    }

    /** The {@code ${seq}} the next message sent will have. */
    public ReadOnlyLongProperty nextSequenceProperty() {
        return nextSequence.getReadOnlyProperty();
    }

    /** Starts {@code ${seq}} at 1 again. */
    public void resetSequence() {
        nextSequence.set(1);
        formChanged();
    }

    /** Who sends: set by the host when a link is available, null when none is (Send is then disabled). */
    public ObjectProperty<MessageSender> senderProperty() {
        return sender;
    }

    public void setSender(MessageSender s) {
        sender.set(s);
    }

    /** True from Send until every message of the job has its final state or the job is stopped. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SendJob> currentJobProperty() {
        return currentJob.getReadOnlyProperty();
    }

    /**
     * Sends the composed message {@link #countProperty count} times through the sender.
     *
     * @return the job handed to the sender
     * @throws IllegalStateException if there is no sender, a send is running or the form has problems
     */
    public SendJob send() {
        if (sender.get() == null) throw new IllegalStateException("no sender: attach a sender link first");
        if (sending.get()) throw new IllegalStateException("a send is already running");
        if (message.get() == null) throw new IllegalStateException("the message has problems: " + String.join("; ", problemTexts()));
        int n = count.get();
        Message fixed = form.usesPlaceholders() ? null : message.get();
        SendJob job = new SendJob(fixed == null ? template.deepCopy() : null, fixed, nextSequence.get(), n,
                ratePerSecond.get(), settleMode.get(), this::report);
        nextSequence.set(nextSequence.get() + n);
        window.clear();
        results.clear();
        counts.values().forEach(c -> c.set(0));
        doneCount.set(0);
        progress.set(0);
        currentJob.set(job);
        sending.set(true);
        say("sending " + n + (n == 1 ? " message" : " messages"), false);
        sender.get().send(job);
        return job;
    }

    /** Stops the running send: the sender sends no more; outcomes of messages already sent still arrive. */
    public void stopSending() {
        SendJob job = currentJob.get();
        if (job == null || !sending.get()) return;
        job.cancel();
        sending.set(false);
        say("stopped: no more messages will be sent", false);
    }

    /** The latest messages of the current send (at most {@link #MAX_RESULTS}), oldest first. */
    public ObservableList<SentMessage> results() {
        return readOnlyResults;
    }

    /** How many messages of the current send are in the given state now. */
    public ReadOnlyIntegerProperty countProperty(SentMessage.Status s) {
        return counts.get(s).getReadOnlyProperty();
    }

    /** How many messages of the current send have their final state. */
    public ReadOnlyIntegerProperty doneCountProperty() {
        return doneCount.getReadOnlyProperty();
    }

    /** Done messages as a fraction of the send, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** From the job, any thread: queued, then applied on the FX thread in one batch. */
    private void report(SentMessage r) {
        reports.add(r);
        if (drainScheduled.compareAndSet(false, true)) fxThread.execute(this::drainReports);
    }

    private void drainReports() {
        drainScheduled.set(false);
        SendJob job = currentJob.get();
        boolean changed = false;
        for (SentMessage r; (r = reports.poll()) != null; ) {
            SentMessage before = window.remove(r.index());
            SentMessage now = r.messageId() != null ? r : before != null ? before.with(r.status(), r.detail())
                    : new SentMessage(r.index(), r.seq(), "", r.status(), r.detail());
            if (before != null && before.status().isFinal()) {
                window.put(r.index(), before); // a late or repeated report does not undo a final state
                continue;
            }
            if (before != null) counts.get(before.status()).set(counts.get(before.status()).get() - 1);
            counts.get(now.status()).set(counts.get(now.status()).get() + 1);
            if (now.status().isFinal()) doneCount.set(doneCount.get() + 1);
            window.put(r.index(), now);
            if (window.size() > MAX_RESULTS) window.remove(window.keySet().iterator().next());
            changed = true;
        }
        if (!changed || job == null) return;
        results.setAll(window.values());
        progress.set((double) doneCount.get() / job.count());
        if (doneCount.get() >= job.count() && sending.get()) {
            sending.set(false);
            say("sent " + job.count() + (job.count() == 1 ? " message" : " messages"), counts.get(SentMessage.Status.FAILED).get() > 0);
        }
    }

    // ---- templates

    public ObservableList<String> templateNames() {
        return readOnlyTemplateNames;
    }

    public TemplateStore templateStore() {
        return templates;
    }

    /** The last command's result in words (empty if none), e.g. "saved template order". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    private void say(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    public void refreshTemplates() {
        try {
            templateNames.setAll(templates.names());
        } catch (IOException e) {
            say("cannot list templates in " + templates.folder() + ": " + e.getMessage(), true);
        }
    }

    /** Saves the composed message (with its placeholders) as a template; false, with the reason, if it cannot. */
    public boolean saveTemplate(String name) {
        String why = TemplateStore.nameProblem(name);
        if (why == null && jsonToCopy() == null) why = "the message has problems; fix them first";
        if (why != null) {
            say("not saved: " + why, true);
            return false;
        }
        try {
            templates.save(name, jsonText.get());
            refreshTemplates();
            say("saved template " + name, false);
            return true;
        } catch (IOException e) {
            say("not saved: " + e.getMessage(), true);
            return false;
        }
    }

    /** Replaces the form with a saved template; false, with the reason, if it does not read as a message. */
    public boolean loadTemplate(String name) {
        try {
            String json = templates.read(name);
            form.loadJson(json, sample());
            say("loaded template " + name, false);
            return true;
        } catch (IOException e) {
            say("cannot read template " + name + ": " + e.getMessage(), true);
        } catch (TypedJsonException | InvalidInput e) {
            say("template " + name + " is not a message: " + e.getMessage(), true);
        }
        return false;
    }

    public boolean renameTemplate(String from, String to) {
        String why = TemplateStore.nameProblem(to);
        if (why != null) {
            say("not renamed: " + why, true);
            return false;
        }
        try {
            templates.rename(from, to);
            refreshTemplates();
            say("renamed template " + from + " to " + to, false);
            return true;
        } catch (IOException e) {
            say("not renamed: " + reason(e), true);
            return false;
        }
    }

    public boolean deleteTemplate(String name) {
        try {
            templates.delete(name);
            refreshTemplates();
            say("deleted template " + name, false);
            return true;
        } catch (IOException e) {
            say("not deleted: " + reason(e), true);
            return false;
        }
    }

    /** Copies a typed-JSON file into the templates, after checking that it reads as a message; its name or null. */
    public String importTemplate(Path file) {
        try {
            String json = java.nio.file.Files.readString(file);
            checkTemplate(json);
            String name = templates.importFile(file, json);
            refreshTemplates();
            say("imported " + file.getFileName() + " as template " + name, false);
            return name;
        } catch (IOException e) {
            say("not imported: " + reason(e), true);
        } catch (TypedJsonException | InvalidInput e) {
            say("not imported: " + file.getFileName() + " is not a message: " + e.getMessage(), true);
        }
        return null;
    }

    public boolean exportTemplate(String name, Path file) {
        try {
            templates.export(name, file);
            say("exported template " + name + " to " + file, false);
            return true;
        } catch (IOException e) {
            say("not exported: " + reason(e), true);
            return false;
        }
    }

    /** Reads a template as the composer would, without touching the form. */
    private void checkTemplate(String json) {
        TypedJson.readMessage(Placeholders.evaluateMessage(TypedJson.parse(json), sample(), (p, raw) -> { }));
    }

    private static String reason(IOException e) {
        return e.getMessage() != null && e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                ? f.getReason() : String.valueOf(e.getMessage());
    }

    // ---- body commands for the view

    /** Takes a data section's bytes from a file; false, with the reason, if it cannot be read. */
    boolean loadFile(DataSection section, Path file) {
        try {
            section.loadFile(file);
            say("loaded " + file.getFileName(), false);
            return true;
        } catch (IOException e) {
            say("cannot load " + file.getFileName() + ": " + e.getMessage(), true);
            return false;
        }
    }

    /** Shows a data section another way (text, hex); false, with the reason, if it cannot. */
    boolean switchDataMode(DataSection section, DataSection.Mode mode) {
        String why = section.switchTo(mode);
        if (why != null) say(why, true);
        return why == null;
    }

    void sayError(String text) {
        say(text, true);
    }
}
