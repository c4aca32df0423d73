package dev.reelwatch.rules;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.ExportFailure;
import dev.reelwatch.store.Rule;
import dev.reelwatch.store.RuleActions;
import dev.reelwatch.store.RuleFiring;
import dev.reelwatch.store.RuleStore;
import dev.reelwatch.store.StatusEntry;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskChangeListener;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.sync.Sleeper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the rules: listening to the cache, it fires each enabled rule once for every task that is first seen in,
 * or changes into, one of the rule's statuses while the rule is active — whoever wrote the change (the app's
 * poller, {@code sync}, {@code wait}). Tags, star and notification choices are applied at once; exports run on
 * the {@code exports} executor (archiving first), retried with the archive's backoff. Everything a rule does is
 * written into the task's timeline.
 */
public final class RuleEngine implements TaskChangeListener {
    private static final System.Logger LOG = System.getLogger(RuleEngine.class.getName());
    static final String EXPORT_PENDING = "pending";
    static final String EXPORT_DONE = "done";
    static final String EXPORT_FAILED = "failed";

    private final RuleStore rules;
    private final TaskStore tasks;
    private final RuleExporter exporter;
    private final Executor exports;
    private final ArchiveOptions retries;
    private final Sleeper sleeper;
    private final Consumer<RuleActivity> activity;
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    /** "ruleId:taskId" of the exports under way, so one is never started twice. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The rules as last read, for questions asked on the UI thread (no database read there). */
    private volatile List<Rule> known = List.of();
    private final Runnable reload;

    /**
     * @param exports  where exports run (they may download and wait between attempts)
     * @param retries  attempts and delays of a failing export: the archive's own
     * @param activity told of every action and problem, on the thread that did it
     */
    public RuleEngine(RuleStore rules, TaskStore tasks, RuleExporter exporter, Executor exports,
                      ArchiveOptions retries, Sleeper sleeper, Consumer<RuleActivity> activity) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.reload = () -> known = rules.all();
    }

    /** Starts listening to the cache. */
    public void attach() {
        rules.addListener(reload);
        reload.run();
        tasks.addListener(this);
    }

    public void detach() {
        tasks.removeListener(this);
        rules.removeListener(reload);
    }

    @Override
    public void tasksChanged(TaskChange change) {
        if (!change.changed().isEmpty()) {
            observe(change.changed());
        }
    }

    /** Fires the rules due for these tasks: those that entered a rule's status since the rule became active. */
    void observe(Collection<Long> taskIds) {
        List<Rule> active = rules.all().stream().filter(r -> r.enabled() && !r.when().isEmpty()).toList();
        if (active.isEmpty()) {
            return;
        }
        Map<Long, StatusEntry> entries = rules.statusEntries(taskIds);
        List<Long> candidates = entries.values().stream()
                .filter(e -> active.stream().anyMatch(r -> entered(r, e)))
                .map(StatusEntry::taskId).toList();
        if (candidates.isEmpty()) {
            return;
        }
        for (TaskSummary task : tasks.summariesOf(candidates)) {
            StatusEntry entry = entries.get(task.id());
            for (Rule rule : active) {
                // The summary is read after the entry: a task that moved on meanwhile is judged on its next change.
                if (entry.status() == task.status() && entered(rule, entry) && rule.appliesTo(task)
                        && rules.claimFiring(rule.id(), task.id())) {
                    apply(rule, task);
                }
            }
        }
    }

    private static boolean entered(Rule rule, StatusEntry entry) {
        return rule.when().contains(entry.status()) && !entry.at().isBefore(rule.activeSince());
    }

    /**
     * Applies rules to the tasks already cached: every enabled rule (or the one named, even when disabled) to each
     * task now in one of its statuses that it has not fired for. With {@code dryRun} nothing is changed or recorded;
     * otherwise exports left unfinished by an earlier run are tried again too.
     *
     * @throws IllegalArgumentException when no rule has that name
     */
    public List<RulePlan> run(String ruleNameOrNull, boolean dryRun) {
        List<Rule> chosen;
        if (ruleNameOrNull != null) {
            chosen = List.of(rules.byName(ruleNameOrNull).orElseThrow(() -> new IllegalArgumentException(
                    "There is no rule named '" + ruleNameOrNull.strip() + "'. See `reelwatch rules list`.")));
        } else {
            chosen = rules.all().stream().filter(Rule::enabled).toList();
        }
        List<RulePlan> plans = new ArrayList<>();
        for (Rule rule : chosen) {
            for (TaskSummary task : matching(rule)) {
                if (rules.hasFired(rule.id(), task.id())) {
                    continue;
                }
                if (dryRun) {
                    plans.add(new RulePlan(rule, task, describe(rule.actions(), task, true)));
                } else if (rules.claimFiring(rule.id(), task.id())) {
                    plans.add(new RulePlan(rule, task, apply(rule, task)));
                }
            }
        }
        if (!dryRun) {
            retryUnfinishedExports(chosen);
        }
        return plans;
    }

    /** The cached tasks a rule (saved or being edited) applies to now: for the editor's live preview. */
    public List<TaskSummary> matching(Rule rule) {
        if (rule.when().isEmpty()) {
            return List.of();
        }
        return tasks.summaries(new TaskQuery(rule.when(), null, null, 0, 0, false)).stream()
                .filter(rule::appliesTo).toList();
    }

    /**
     * What the enabled rules say about a desktop notification for this task: false when one silences it, else true
     * when one asks for it, else empty (the usual behaviour). Answers from the rules as last read (on attach and
     * after each edit through the store), so it may be asked on the UI thread.
     */
    public Optional<Boolean> notificationFor(TaskSummary task) {
        Boolean choice = null;
        for (Rule rule : known) {
            Boolean wanted = rule.actions().notification();
            if (rule.enabled() && wanted != null && rule.appliesTo(task)) {
                if (!wanted) {
                    return Optional.of(false);
                }
                choice = true;
            }
        }
        return Optional.ofNullable(choice);
    }

    /** Tries again the exports an earlier run left failed or unfinished (the app calls this at start). */
    public void resumeExports() {
        retryUnfinishedExports(rules.all().stream().filter(Rule::enabled).toList());
    }

    /** Waits until every export started so far has finished (the CLI calls this before it exits). */
    public void awaitExports() throws InterruptedException {
        while (!inFlight.isEmpty()) {
            for (CompletableFuture<Void> f : List.copyOf(inFlight)) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.log(System.Logger.Level.WARNING, "A rule's export failed unexpectedly", e.getCause());
                }
            }
        }
    }

    /** Runs the rule's actions for the task; returns what was done, as written into the timeline. */
    private String apply(Rule rule, TaskSummary task) {
        RuleActions a = rule.actions();
        for (String tag : a.addTags()) {
            tasks.addTag(task.id(), tag);
        }
        if (a.star()) {
            tasks.setStarred(task.id(), true);
        }
        String done = describe(a, task, false);
        note(rule, task.id(), done, false);
        if (a.exportTo() != null && task.status() == TaskStatus.SUCCEEDED) {
            rules.recordExport(rule.id(), task.id(), EXPORT_PENDING, null, null);
            startExport(rule, task.id());
        }
        return done;
    }

    private String describe(RuleActions a, TaskSummary task, boolean planned) {
        List<String> parts = new ArrayList<>();
        if (!a.addTags().isEmpty()) {
            parts.add((planned ? "tag " : "tagged ") + String.join(", ", a.addTags()));
        }
        if (a.star()) {
            parts.add(planned ? "star" : "starred");
        }
        if (a.exportTo() != null) {
            parts.add(task.status() != TaskStatus.SUCCEEDED
                    ? "no export (the task " + task.status().wireName() + ")"
                    : (planned ? "export to " : "exporting to ") + a.exportTo());
        }
        if (a.notification() != null) {
            parts.add(a.notification() ? (planned ? "notify" : "notified") : (planned ? "silence" : "silenced"));
        }
        return parts.isEmpty() ? "nothing to do" : String.join(", ", parts);
    }

    private void retryUnfinishedExports(List<Rule> chosen) {
        Map<Long, Rule> byId = chosen.stream().collect(Collectors.toMap(Rule::id, r -> r));
        for (RuleFiring firing : rules.unfinishedExports()) {
            Rule rule = byId.get(firing.ruleId());
            if (rule != null && rule.actions().exportTo() != null && !isRunning(firing)) {
                rules.recordExport(rule.id(), firing.taskId(), EXPORT_PENDING, null, null);
                startExport(rule, firing.taskId());
            }
        }
    }

    private boolean isRunning(RuleFiring firing) {
        return running.contains(firing.ruleId() + ":" + firing.taskId());
    }

    private void startExport(Rule rule, long taskId) {
        String key = rule.id() + ":" + taskId;
        if (!running.add(key)) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.add(done);
        try {
            exports.execute(() -> {
                try {
                    exportWithRetries(rule, taskId);
                } finally {
                    running.remove(key);
                    inFlight.remove(done);
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            running.remove(key);
            inFlight.remove(done);
            done.complete(null);
        }
    }

    private void exportWithRetries(Rule rule, long taskId) {
        Path folder = Path.of(rule.actions().exportTo());
        ExportFailure last = null;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            try {
                if (attempt > 1) {
                    sleeper.sleep(retries.retryDelay(attempt));
                }
                Path written = exporter.export(taskId, folder, rule.actions().nameTemplate());
                rules.recordExport(rule.id(), taskId, EXPORT_DONE, written.toString(), null);
                note(rule, taskId, "exported to " + written, false);
                return;
            } catch (ExportFailure e) {
                last = e;
            } catch (InterruptedException e) {
                // Left "pending": the next `rules run` (or the app's next start) takes it up again.
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                last = new ExportFailure(String.valueOf(e.getMessage()), e);
                LOG.log(System.Logger.Level.WARNING, "A rule's export failed unexpectedly", e);
            }
        }
        String why = last == null ? "unknown reason" : last.getMessage();
        rules.recordExport(rule.id(), taskId, EXPORT_FAILED, null, why);
        note(rule, taskId, "export to " + folder + " failed after " + retries.attempts()
                + (retries.attempts() == 1 ? " attempt: " : " attempts: ") + why, true);
    }

    private void note(Rule rule, long taskId, String what, boolean problem) {
        String text = "rule '" + rule.name() + "': " + what;
        tasks.addTimelineNote(taskId, text);
        activity.accept(new RuleActivity(rule.name(), taskId, text, problem));
    }
}
