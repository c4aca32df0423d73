package dev.reelwatch.ui.bulk;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ExportFailure;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.RemovedTasks;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.sync.SyncPause;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one {@link BulkAction} over many selected tasks (issue 15): asks once what it needs (a folder, a tag, the
 * confirmation naming what a server delete takes), skips with the reason the tasks it cannot act on (a running
 * task, a provider that cannot delete, a paused account), goes through the rest in steps with one progress, and
 * ends with one {@link BulkSummary}. Remove from history, Unstar and Remove tag can be undone for a while.
 */
public final class BulkActionsViewModel {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.bulk.messages");
    /** The providers whose servers let us delete a task: MoneyPrinterTurbo only today. */
    private static final Set<ProviderKind> DELETABLE = Set.of(ProviderKind.MONEYPRINTERTURBO);

    private final TaskStore store;
    private final AccountStore accounts;
    /** Where the last export went (shared with the single-task Export… of the media feature). */
    static final String LAST_FOLDER = "export.lastFolder";

    private final SettingsStore settings;
    private final SyncPause pause;
    private final SyncService sync;
    private final VideoExporter exporter;
    private final Supplier<ExportNaming> naming;
    private final ServerDeletion deletion;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<BulkSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(this, "undoAvailable");
    private final ReadOnlyStringWrapper undoneText = new ReadOnlyStringWrapper(this, "undoneText", "");
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Runnable undo;

    public BulkActionsViewModel(TaskStore store, AccountStore accounts, SettingsStore settings, SyncService sync,
                                VideoExporter exporter, Supplier<ExportNaming> naming, ServerDeletion deletion,
                                DialogService dialogs, TaskExecutor executor) {
        this.store = store;
        this.accounts = accounts;
        this.settings = settings;
        this.pause = new SyncPause(settings);
        this.sync = sync;
        this.exporter = exporter;
        this.naming = naming;
        this.deletion = deletion;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** What the batch needs besides the tasks: the export folder or the tag. */
    private record Input(Path folder, String tag, ExportNaming naming) {
    }

    /** A task the batch will act on, or the reason it will not. */
    private record Step(long taskId, String label, TaskSummary task, String skip) {
    }

    /**
     * Runs {@code action} over the tasks (call on the FX thread). Asks first for what the action needs; nothing
     * happens when the user cancels that, when no task is given, or while another batch is running.
     */
    public void run(BulkAction action, List<Long> taskIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(taskIds));
        if (ids.isEmpty() || running.get()) {
            return;
        }
        Optional<Input> input = ask(action, ids.size());
        if (input.isEmpty()) {
            return;
        }
        cancelled = new AtomicBoolean();
        running.set(true);
        progress.set(0);
        progressText.set(String.format(TEXT.getString("progress.preparing"), count(ids.size())));
        BackgroundTask.wrap(() -> plan(action, ids, input.get()))
                .describedAs(TEXT.getString("work." + action.name()))
                .onSuccess(steps -> {
                    if (action == BulkAction.DELETE_ON_SERVER && !confirmDelete(steps)) {
                        running.set(false);
                        progressText.set("");
                        return;
                    }
                    expireUndo();
                    new Batch(action, input.get(), steps).next();
                })
                .onFailure(e -> {
                    running.set(false);
                    dialogs.showError(TEXT.getString("error.title"), String.format(TEXT.getString("error.message"),
                            TEXT.getString("work." + action.name()).toLowerCase(Locale.ROOT)), String.valueOf(
                            e.getMessage()));
                })
                .executeWith(executor);
    }

    private Optional<Input> ask(BulkAction action, int n) {
        String many = count(n);
        return switch (action) {
            case EXPORT -> exportNaming().flatMap(named -> dialogs.chooseFolder(
                    String.format(TEXT.getString("ask.folder"), many),
                    settings.get(LAST_FOLDER).map(Path::of).orElse(null)).map(folder -> {
                        settings.put(LAST_FOLDER, folder.toAbsolutePath().toString());
                        return new Input(folder, null, named);
                    }));
            case ADD_TAG -> dialogs.askText(TEXT.getString("ask.addTag.title"),
                    String.format(TEXT.getString("ask.addTag"), many), "").map(tag -> new Input(null, tag, null));
            case REMOVE_TAG -> dialogs.askText(TEXT.getString("ask.removeTag.title"),
                    String.format(TEXT.getString("ask.removeTag"), many), "").map(tag -> new Input(null, tag, null));
            case REMOVE_FROM_HISTORY -> n < 2 || dialogs.confirm(TEXT.getString("ask.remove.title"),
                    String.format(TEXT.getString("ask.remove"), many), TEXT.getString("ask.remove.details"),
                    TEXT.getString("ask.remove.confirm")) ? Optional.of(new Input(null, null, null)) : Optional.empty();
            default -> Optional.of(new Input(null, null, null));
        };
    }

    /**
     * The naming for one export batch, built once; an invalid stored template ({@code {created:…}} pattern) is
     * told in an error dialog before a folder is asked for, rather than failing every task.
     */
    private Optional<ExportNaming> exportNaming() {
        try {
            return Optional.of(naming.get());
        } catch (IllegalArgumentException e) {
            dialogs.showError(TEXT.getString("export.badTemplate.title"), e.getMessage(),
                    TEXT.getString("export.badTemplate.details"));
            return Optional.empty();
        }
    }

    /** Off the FX thread: reads the tasks and decides, per task, to act or to skip (and why). */
    private List<Step> plan(BulkAction action, List<Long> ids, Input input) {
        Map<Long, TaskSummary> byId = new HashMap<>();
        for (TaskSummary s : store.summariesOf(ids)) {
            byId.put(s.id(), s);
        }
        Set<Long> paused = action == BulkAction.REFRESH ? accounts.pausedIds() : Set.of();
        boolean allPaused = action == BulkAction.REFRESH && pause.allPaused();
        String tag = input.tag() == null ? null : dev.reelwatch.store.TaskTags.normalise(input.tag());
        List<Step> steps = new ArrayList<>();
        for (long id : ids) {
            TaskSummary t = byId.get(id);
            if (t == null) {
                steps.add(new Step(id, "#" + id, null, TEXT.getString("skip.gone")));
                continue;
            }
            steps.add(new Step(id, label(t), t, skipReason(action, t, tag, paused, allPaused)));
        }
        return steps;
    }

    /** Why the action does not apply to this task, or null when it does. */
    private static String skipReason(BulkAction action, TaskSummary t, String tag, Set<Long> paused,
                                     boolean allPaused) {
        return switch (action) {
            case EXPORT -> !t.status().isTerminal() ? TEXT.getString("skip.notFinished")
                    : t.status() != TaskStatus.SUCCEEDED || (t.videoUrl() == null && !t.archived())
                    ? TEXT.getString("skip.noVideo") : null;
            case STAR -> t.starred() ? TEXT.getString("skip.starred") : null;
            case UNSTAR -> t.starred() ? null : TEXT.getString("skip.notStarred");
            case ADD_TAG -> t.tags().contains(tag) ? TEXT.getString("skip.tagged") : null;
            case REMOVE_TAG -> t.tags().contains(tag) ? null : TEXT.getString("skip.notTagged");
            case REFRESH -> allPaused ? TEXT.getString("skip.allPaused")
                    : paused.contains(t.accountId()) ? TEXT.getString("skip.paused")
                    : !t.onProvider() ? TEXT.getString("skip.notOnProvider") : null;
            case DELETE_ON_SERVER -> !DELETABLE.contains(t.provider())
                    ? String.format(TEXT.getString("skip.cannotDelete"), t.provider().displayName())
                    : !t.status().isTerminal() ? TEXT.getString("skip.running")
                    : !t.onProvider() ? TEXT.getString("skip.alreadyGone") : null;
            case REMOVE_FROM_HISTORY -> null;
        };
    }

    /** Asks once for the whole batch, naming every task that goes and saying which are skipped. */
    private boolean confirmDelete(List<Step> steps) {
        List<Step> going = steps.stream().filter(s -> s.skip() == null).toList();
        long skipped = steps.size() - going.size();
        if (going.isEmpty()) {
            new Batch(BulkAction.DELETE_ON_SERVER, new Input(null, null, null), steps).next();
            return false;
        }
        StringBuilder names = new StringBuilder();
        for (Step s : going) {
            names.append("• ").append(s.task().providerTaskId()).append(" (").append(s.task().accountName())
                    .append(")");
            if (s.task().prompt() != null && !s.task().prompt().isBlank()) {
                names.append(" — ").append(firstWords(s.task().prompt()));
            }
            names.append('\n');
        }
        String message = String.format(TEXT.getString(going.size() == 1 ? "ask.delete.one" : "ask.delete.many"),
                count(going.size())) + (skipped == 0 ? ""
                : " " + String.format(TEXT.getString("ask.delete.skipped"), count((int) skipped)));
        return dialogs.confirm(TEXT.getString("ask.delete.title"), message, names.toString().strip(),
                String.format(TEXT.getString("ask.delete.confirm"), count(going.size())));
    }

    /** One batch in flight: a step at a time in the background, progress and summary on the FX thread. */
    private final class Batch {
        private final BulkAction action;
        private final Input input;
        private final List<Step> steps;
        private final List<BulkOutcome> outcomes = new ArrayList<>();
        private final List<RemovedTasks> removed = new ArrayList<>();
        private final List<Long> changed = new ArrayList<>();
        private final int stepSize;
        private int position;

        Batch(BulkAction action, Input input, List<Step> steps) {
            this.action = action;
            this.input = input;
            this.steps = steps;
            this.stepSize = action.stepSize(steps.size());
            running.set(true);
        }

        void next() {
            // Skipped tasks are tallied up front: they cost nothing and need no step.
            if (position == 0) {
                steps.stream().filter(s -> s.skip() != null)
                        .forEach(s -> outcomes.add(BulkOutcome.skipped(s.taskId(), s.label(), s.skip())));
            }
            List<Step> todo = new ArrayList<>();
            while (position < steps.size() && todo.size() < stepSize) {
                Step s = steps.get(position++);
                if (s.skip() == null) {
                    todo.add(s);
                }
            }
            int acted = (int) steps.stream().filter(s -> s.skip() == null).count();
            int reached = (int) steps.subList(0, position).stream().filter(s -> s.skip() == null).count()
                    - todo.size();
            progress.set(acted == 0 ? 1 : (double) reached / acted);
            progressText.set(String.format(TEXT.getString("progress." + action.name()), count(reached + 1),
                    count(acted)));
            if (todo.isEmpty()) {
                finish(false, 0);
                return;
            }
            if (cancelled.get()) {
                int left = acted - reached;
                finish(true, left);
                return;
            }
            BackgroundTask.wrap(() -> act(todo))
                    .describedAs(TEXT.getString("work." + action.name()))
                    .onSuccess(outcomes::addAll)
                    .onFailure(e -> todo.forEach(s -> outcomes.add(BulkOutcome.failed(s.taskId(), s.label(),
                            shortReason(e), e.getMessage()))))
                    .onFinished(this::next)
                    .executeWith(executor);
        }

        /** Off the FX thread: acts on one step's tasks. */
        private List<BulkOutcome> act(List<Step> todo) throws InterruptedException {
            List<BulkOutcome> out = new ArrayList<>();
            List<Long> ids = todo.stream().map(Step::taskId).toList();
            switch (action) {
                case REMOVE_FROM_HISTORY -> {
                    RemovedTasks gone = store.removeFromHistoryUndoably(ids);
                    synchronized (removed) {
                        removed.add(gone);
                    }
                    Set<Long> removedIds = Set.copyOf(gone.taskIds());
                    todo.forEach(s -> out.add(removedIds.contains(s.taskId()) ? BulkOutcome.done(s.taskId(), s.label())
                            : BulkOutcome.skipped(s.taskId(), s.label(), TEXT.getString("skip.gone"))));
                    return out;
                }
                case STAR, UNSTAR, ADD_TAG, REMOVE_TAG -> {
                    // One transaction per step: a thousand stars are a few writes, not a thousand.
                    Set<Long> done = switch (action) {
                        case STAR -> store.setStarred(ids, true);
                        case UNSTAR -> store.setStarred(ids, false);
                        case ADD_TAG -> store.addTag(ids, input.tag());
                        default -> store.removeTag(ids, input.tag());
                    };
                    synchronized (changed) {
                        changed.addAll(done);
                    }
                    todo.forEach(s -> out.add(done.contains(s.taskId()) ? BulkOutcome.done(s.taskId(), s.label())
                            : BulkOutcome.skipped(s.taskId(), s.label(), TEXT.getString("skip.gone"))));
                    return out;
                }
                default -> {
                    for (Step s : todo) {
                        if (cancelled.get() && action == BulkAction.EXPORT) {
                            out.add(BulkOutcome.skipped(s.taskId(), s.label(), TEXT.getString("skip.cancelled")));
                            continue;
                        }
                        out.add(actOn(s));
                    }
                    return out;
                }
            }
        }

        private BulkOutcome actOn(Step s) throws InterruptedException {
            long id = s.taskId();
            try {
                switch (action) {
                    case EXPORT -> exporter.exportOne(id, input.folder(), input.naming(), VideoExporter.Listener.NONE,
                            cancelled::get);
                    case REFRESH -> sync.refreshTask(id);
                    case DELETE_ON_SERVER -> {
                        deletion.deleteOnServer(id);
                        sync.refreshTask(id);
                    }
                    default -> throw new IllegalStateException(action + " is done a step at a time");
                }
                synchronized (changed) {
                    changed.add(id);
                }
                return BulkOutcome.done(id, s.label());
            } catch (ExportFailure e) {
                return exportProblem(s, e);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                return BulkOutcome.failed(id, s.label(), shortReason(e), e.getMessage());
            }
        }

        private void finish(boolean wasCancelled, int notReached) {
            BulkSummary done = BulkSummary.of(action, outcomes, wasCancelled, notReached);
            running.set(false);
            progress.set(1);
            progressText.set("");
            undoneText.set("");
            summary.set(done);
            offerUndo();
        }

        private void offerUndo() {
            if (!action.undoable() || changedCount() == 0) {
                return;
            }
            List<RemovedTasks> gone = List.copyOf(removed);
            List<Long> ids = List.copyOf(changed);
            String tag = input.tag();
            undo = () -> BackgroundTask.wrap(() -> switch (action) {
                case REMOVE_FROM_HISTORY -> gone.stream().mapToInt(store::restore).sum();
                case UNSTAR -> store.setStarred(ids, true).size();
                case REMOVE_TAG -> store.addTag(ids, tag).size();
                default -> 0;
            }).describedAs(TEXT.getString("work.undo"))
                    .onSuccess(n -> undoneText.set(String.format(TEXT.getString("undone." + action.name()), count(n))))
                    .executeWith(executor);
            undoAvailable.set(true);
        }

        private int changedCount() {
            return action == BulkAction.REMOVE_FROM_HISTORY
                    ? removed.stream().mapToInt(RemovedTasks::size).sum() : changed.size();
        }
    }

    /** Sorts an export's trouble into the summary's words: a link that expired skips, a full disk fails. */
    static BulkOutcome exportProblem(Step s, ExportFailure e) {
        return exportProblem(s.taskId(), s.label(), e);
    }

    static BulkOutcome exportProblem(long taskId, String label, ExportFailure e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("expired")) {
            return BulkOutcome.skipped(taskId, label, TEXT.getString("skip.linkExpired")).withDetail(m);
        }
        if (lower.contains("has no video")) {
            return BulkOutcome.skipped(taskId, label, TEXT.getString("skip.noVideo")).withDetail(m);
        }
        if (lower.contains("no space") || lower.contains("disk full") || lower.contains("not enough space")) {
            return BulkOutcome.failed(taskId, label, TEXT.getString("fail.diskFull"), m);
        }
        if (lower.contains("could not be downloaded") || lower.contains("could not fetch")) {
            return BulkOutcome.failed(taskId, label, TEXT.getString("fail.download"), m);
        }
        return BulkOutcome.failed(taskId, label, TEXT.getString("fail.write"), m);
    }

    /** The first clause of a message, short enough for the summary line; the whole goes to the details. */
    static String shortReason(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        String first = m.split("[.:;\\n]", 2)[0].strip();
        if (first.length() > 48) {
            first = first.substring(0, 47) + "…";
        }
        return first.isEmpty() ? m : first.substring(0, 1).toLowerCase(Locale.ROOT) + first.substring(1);
    }

    private static String label(TaskSummary t) {
        String id = t.providerTaskId();
        String shortId = id.length() > 14 ? id.substring(0, 13) + "…" : id;
        return shortId + " (" + t.accountName() + ")";
    }

    private static String firstWords(String prompt) {
        String line = prompt.strip().split("\\R", 2)[0];
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }

    private static String count(int n) {
        return NumberFormat.getIntegerInstance().format(n);
    }

    /** Stops the batch after the task in progress; what was done stays done, the summary says how far it got. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Undoes the last batch (remove from history, unstar, remove tag) while its undo is offered. */
    public void undo() {
        Runnable u = undo;
        expireUndo();
        if (u != null) {
            u.run();
        }
    }

    /** The undo offer ends (its few seconds passed, or another batch started). */
    public void expireUndo() {
        undo = null;
        undoAvailable.set(false);
    }

    /** Closes the summary. */
    public void dismissSummary() {
        expireUndo();
        summary.set(null);
        undoneText.set("");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 over the whole batch. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Exporting 34 of 120…" while running. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last batch's summary; null before the first and after it was dismissed. */
    public ReadOnlyObjectProperty<BulkSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    /** "1,000 tasks are back" after an undo; empty otherwise. */
    public ReadOnlyStringProperty undoneTextProperty() {
        return undoneText.getReadOnlyProperty();
    }
}
