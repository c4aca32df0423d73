package dev.reelwatch.cli;

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
 * {@code reelwatch sync [--account NAME]}: one sync pass now, one summary line per account. Exit 0 when every
 * account synced, 1 when any failed (the others are still synced and saved), 2 for an unknown account.
 */
@Command(name = "sync", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Fetches new and changed tasks from every enabled account (or one) into the cache now.")
public final class SyncCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--account", paramLabel = "NAME", description = "Sync only this account (even if disabled).")
    private String account;

    private final Supplier<SyncPass> passes;

    /** @param passes builds the pass over the opened data directory; called only when the command runs */
    public SyncCommand(Supplier<SyncPass> passes) {
        this.passes = Objects.requireNonNull(passes, "passes");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SyncReport report;
        try {
            report = passes.get().run(account);
        } catch (UnknownAccountException e) {
            err.println("reelwatch sync: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (report.accounts().isEmpty()) {
            out.println("No enabled accounts to sync. Add one with 'reelwatch accounts add'.");
        }
        for (AccountSyncSummary s : report.accounts()) {
            out.println(summaryLine(s));
            for (String error : s.errors()) {
                err.println("reelwatch sync: " + error);
            }
        }
        out.flush();
        err.flush();
        return report.allOk() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    /** "studio (meshapi): 2 new, 1 changed, 40 unchanged, 0 gone, 0 errors". */
    static String summaryLine(AccountSyncSummary s) {
        return s.accountName() + " (" + s.provider().cliName() + "): " + s.newTasks() + " new, " + s.changed()
                + " changed, " + s.unchanged() + " unchanged, " + s.gone() + " gone, " + s.errors().size()
                + (s.errors().size() == 1 ? " error" : " errors") + (s.ok() ? "" : " (failed)");
    }
}
