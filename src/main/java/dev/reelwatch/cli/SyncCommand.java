package dev.reelwatch.cli;

import dev.reelwatch.media.ArchivePass;
import dev.reelwatch.media.ArchiveReport;
import dev.reelwatch.sync.AccountSyncSummary;
import dev.reelwatch.sync.SyncPass;
import dev.reelwatch.sync.SyncReport;
import dev.reelwatch.sync.UnknownAccountException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code reelwatch sync [--account NAME [--even-if-paused]] [--no-archive]}: one sync pass now, one summary line
 * per account ("NAME: paused" for a paused one, which gets no request), then
 * (unless {@code --no-archive}) the newly finished videos are archived into the library. Exit 0 when every
 * account synced and every download worked, 1 when any failed (the rest is still saved), 2 for an unknown account.
 */
@Command(name = "sync", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Fetches new and changed tasks from every enabled account (or one) into the cache now.")
public final class SyncCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--account", paramLabel = "NAME", description = "Sync only this account (even if disabled).")
    private String account;

    @Option(names = "--even-if-paused", description = "With --account: sync that account even if it is paused.")
    private boolean evenIfPaused;

    @Option(names = "--no-archive", description = "Only update the cache; do not download finished videos.")
    private boolean noArchive;

    private final Supplier<SyncPass> passes;
    private final Supplier<ArchivePass> archives;

    /** @param passes builds the pass over the opened data directory; called only when the command runs */
    public SyncCommand(Supplier<SyncPass> passes) {
        this(passes, null);
    }

    /**
     * @param archives builds the archive step over the opened data directory, run after the sync unless
     *                 {@code --no-archive}; null: this build has no archive step
     */
    public SyncCommand(Supplier<SyncPass> passes, Supplier<ArchivePass> archives) {
        this.passes = Objects.requireNonNull(passes, "passes");
        this.archives = archives;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SyncReport report;
        try {
            report = passes.get().run(account, evenIfPaused);
        } catch (UnknownAccountException e) {
            err.println("reelwatch sync: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (account != null && !report.paused().isEmpty()) {
            String name = report.paused().get(0);
            out.println(name + ": paused. Nothing was synced; resume it with 'reelwatch accounts resume " + name
                    + "', or sync it once with --even-if-paused.");
            out.flush();
            return CommandLine.ExitCode.OK;
        }
        if (report.accounts().isEmpty() && report.paused().isEmpty()) {
            out.println("No enabled accounts to sync. Add one with 'reelwatch accounts add'.");
        }
        for (String name : report.paused()) {
            out.println(name + ": paused");
        }
        for (AccountSyncSummary s : report.accounts()) {
            out.println(summaryLine(s));
            for (String error : s.errors()) {
                err.println("reelwatch sync: " + error);
            }
            s.unreadableNote().ifPresent(note -> err.println("reelwatch sync: " + s.accountName() + ": " + note));
        }
        boolean archiveOk = noArchive || archives == null || archive(out, err);
        out.flush();
        err.flush();
        return report.allOk() && archiveOk ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** Downloads what finished into the library; false when a download failed (expired links only warn). */
    private boolean archive(PrintWriter out, PrintWriter err) {
        ArchiveReport archived;
        try {
            archived = archives.get().run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("reelwatch sync: archiving was interrupted");
            return false;
        }
        if (archived.archiveOff()) {
            out.println("Library: turned off in the settings; no videos downloaded.");
            return true;
        }
        out.println(archiveLine(archived));
        for (String problem : archived.problems()) {
            err.println("reelwatch sync: " + problem);
        }
        return archived.allOk();
    }

    /** "Library: 3 videos archived, 1 failed, 1 link expired before archiving, 0 skipped (library full)". */
    static String archiveLine(ArchiveReport r) {
        return "Library: " + r.archived() + (r.archived() == 1 ? " video" : " videos") + " archived, " + r.failed()
                + " failed, " + r.linkExpired() + (r.linkExpired() == 1 ? " link" : " links")
                + " expired before archiving, " + r.skipped() + " skipped (library full)";
    }

    /** "studio (meshapi): 2 new, 1 changed, 40 unchanged, 0 gone, 0 errors" (", 1 could not be read" before the errors when so). */
    static String summaryLine(AccountSyncSummary s) {
        return s.accountName() + " (" + s.provider().cliName() + "): " + s.newTasks() + " new, " + s.changed()
                + " changed, " + s.unchanged() + " unchanged, " + s.gone() + " gone, "
                + (s.unreadable().isEmpty() ? "" : s.unreadable().size() + " could not be read, ") + s.errors().size()
                + (s.errors().size() == 1 ? " error" : " errors") + (s.ok() ? "" : " (failed)");
    }
}
