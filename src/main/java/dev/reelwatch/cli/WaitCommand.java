package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.sync.TaskWaiter;
import dev.reelwatch.sync.WaitFailure;
import dev.reelwatch.sync.WaitResult;
import dev.reelwatch.sync.WaitTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code reelwatch wait ID...}: the polling loop people write by hand, done at each provider's pace. Waits until
 * every named task has finished, storing what it sees as a sync would; the exit code says how it ended.
 */
@Command(name = "wait", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Wait until every named task has finished (succeeded, failed, cancelled or expired).",
                "Refreshes only these tasks, at the provider's pace (its poll hints, Retry-After, backoff on"
                        + " errors), and stores them in the cache as a sync does (rules fire, the timeline grows)."
                        + " A task not cached yet is fetched by id from --account. Transient errors keep it waiting"
                        + " (noted on stderr)."},
        footer = {"", "Output: one line per observed change, e.g. 'studio 3c90c3cc-… running 40 %% · about 30 s left'."
                + " --json prints one JSON object per line (the `tasks --json` shape plus \"event\": seen, changed,"
                + " finished or archived) and last {\"event\":\"done\",\"succeeded\":N,\"unsuccessful\":N,"
                + "\"unfinished\":N}.",
                "Exit codes: 0 every task succeeded; 4 at least one ended failed, cancelled or expired; 3 the timeout"
                        + " passed with tasks unfinished (and none ended badly); 1 runtime failure (key refused,"
                        + " account unknown, task not found, archiving failed); 2 bad usage."})
public final class WaitCommand implements Callable<Integer> {
    /** Exit code: at least one task ended failed, cancelled or expired. */
    public static final int UNSUCCESSFUL = 4;
    /** Exit code: the timeout passed with tasks still unfinished. */
    public static final int TIMED_OUT = 3;

    @Parameters(arity = "1..*", paramLabel = "ID", description = TaskLookup.ID_HELP)
    private List<String> ids = new ArrayList<>();

    @Option(names = "--account", paramLabel = "NAME",
            description = "The account of the tasks; needed for a task not in the cache yet (unless there is only"
                    + " one account).")
    private String account;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up after this long, e.g. 90s, 20m, 2h (default: no limit).")
    private Duration timeout;

    @Option(names = "--archive", description = "Archive the finished videos into the library before returning.")
    private boolean archive;

    @Option(names = "--json", description = "Print NDJSON: one object per change, then a \"done\" summary.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout; the exit code tells how it ended.")
    private boolean quiet;

    private final CliContext context;
    private final Function<CliServices, TaskWaiter> waiters;
    private final Function<CliServices, OutputArchiver> archivers;

    /**
     * @param waiters   builds the waiter over the opened data directory; called only when the command runs
     * @param archivers builds the archiver for {@code --archive}; called only then
     */
    public WaitCommand(CliContext context, Function<CliServices, TaskWaiter> waiters,
                       Function<CliServices, OutputArchiver> archivers) {
        this.context = Objects.requireNonNull(context, "context");
        this.waiters = Objects.requireNonNull(waiters, "waiters");
        this.archivers = Objects.requireNonNull(archivers, "archivers");
    }

    @Override
    public Integer call() throws InterruptedException {
        CliServices services = context.services();
        List<WaitTarget> targets = new ArrayList<>();
        for (String id : ids) {
            targets.add(target(services, id));
        }
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        WaitResult result;
        try {
            result = waiters.apply(services).await(targets, timeout, new TaskWaiter.Observer() {
                @Override
                public void observed(StoredTask task, boolean first) {
                    report(task, task.task().status().isTerminal() ? "finished" : first ? "seen" : "changed");
                }

                @Override
                public void transientProblem(String message) {
                    err.println("reelwatch wait: " + HumanText.clean(message));
                    err.flush();
                }
            });
        } catch (WaitFailure e) {
            throw new CliFailure(e.getMessage());
        }
        boolean archiveFailed = archive && !archiveFinished(services, result);
        if (json && !quiet) {
            ObjectNode done = Json.mapper().createObjectNode();
            done.put("event", "done");
            done.put("succeeded", result.succeeded());
            done.put("unsuccessful", result.unsuccessful());
            done.put("unfinished", result.unfinished());
            out.println(done.toString());
        } else if (!quiet && result.timedOut() && result.unfinished() > 0) {
            out.println("Timed out with " + result.unfinished() + " of " + (result.tasks().size()
                    + result.unanswered().size()) + " tasks unfinished.");
        }
        out.flush();
        if (archiveFailed) {
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (result.unsuccessful() > 0) {
            return UNSUCCESSFUL;
        }
        return result.unfinished() > 0 ? TIMED_OUT : CommandLine.ExitCode.OK;
    }

    /** The account and provider id a user's ID means: a cached task, else a task to fetch from --account. */
    private WaitTarget target(CliServices services, String id) {
        Optional<StoredTask> cached = TaskLookup.findIfCached(services, id, account);
        if (cached.isPresent()) {
            StoredTask t = cached.get();
            Account owner = services.accounts().all().stream().filter(a -> a.id() == t.accountId()).findFirst()
                    .orElseThrow(() -> new CliFailure("The account of task '" + id + "' is gone."));
            return new WaitTarget(owner, t.task().providerTaskId());
        }
        if (account != null) {
            return new WaitTarget(TaskLookup.account(services, account), id.strip());
        }
        List<Account> all = services.accounts().all();
        if (all.size() == 1) {
            return new WaitTarget(all.get(0), id.strip());
        }
        throw new CliFailure("No cached task has the id '" + HumanText.clean(id.strip()) + "'. To fetch it from"
                + " the provider, say whose it is with --account NAME.");
    }

    /** Archives every succeeded task's outputs; false when one could not be archived (said on stderr). */
    private boolean archiveFinished(CliServices services, WaitResult result) throws InterruptedException {
        OutputArchiver archiver = null;
        boolean ok = true;
        for (StoredTask t : result.tasks()) {
            if (t.task().status() != TaskStatus.SUCCEEDED) {
                continue;
            }
            StoredTask latest = services.tasks().byId(t.id()).orElse(t);
            for (StoredOutput o : latest.outputs()) {
                if (o.archiveState() == ArchiveState.ARCHIVED) {
                    continue;
                }
                if (archiver == null) {
                    archiver = archivers.apply(services);
                }
                StoredOutput done = archiver.archive(o.id(), latest.id(), true);
                if (done.archiveState() != ArchiveState.ARCHIVED) {
                    ok = false;
                    context.err().println("reelwatch wait: could not archive the video of " + latest.accountName()
                            + " task " + latest.task().providerTaskId() + ": "
                            + HumanText.clean(done.archiveError() == null ? done.archiveState().wireName()
                            : done.archiveError()));
                }
            }
            services.tasks().byId(t.id()).ifPresent(archived -> report(archived, "archived"));
        }
        context.err().flush();
        return ok;
    }

    private void report(StoredTask task, String event) {
        if (quiet) {
            return;
        }
        if (json) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("event", event);
            node.setAll(TaskJson.of(task));
            context.out().println(node.toString());
        } else {
            context.out().println(line(task, event));
        }
        context.out().flush();
    }

    /** "studio 3c90c3cc-0d44-4b50-8888-8dd25736052a running 40 % · about 30 s left". */
    static String line(StoredTask stored, String event) {
        Task t = stored.task();
        StringBuilder b = new StringBuilder().append(HumanText.clean(stored.accountName())).append(' ')
                .append(HumanText.clean(t.providerTaskId())).append(' ').append(t.status().wireName());
        switch (t.status()) {
            case QUEUED, RUNNING -> {
                if (t.progress() != null && t.status() == TaskStatus.RUNNING) {
                    b.append(' ').append(t.progress()).append(" %");
                }
                if (t.etaSeconds() != null && t.etaSeconds() > 0) {
                    b.append(" · about ").append(eta(t.etaSeconds())).append(" left");
                }
            }
            case SUCCEEDED -> {
                Optional<String> file = stored.localFile();
                if ("archived".equals(event) && file.isPresent()) {
                    b.append(" · archived to ").append(file.get());
                } else {
                    t.primaryVideo().map(TaskOutput::url).ifPresent(url -> b.append(" · ").append(HumanText.clean(url)));
                }
            }
            default -> {
                if (t.error() != null && t.error().message() != null) {
                    b.append(" · ").append(HumanText.clean(t.error().message()));
                }
            }
        }
        return b.toString();
    }

    /** 30 → "30 s", 150 → "3 min", 4000 → "1 h 7 min". */
    static String eta(int seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60
                + " min");
    }
}
