package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.store.TaskQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Set;
import java.util.concurrent.Callable;

/** {@code reelwatch accounts remove}: forgets an account, its cached tasks and its stored key. */
@Command(name = "remove", description = "Remove an account with its cached tasks and stored API key.")
final class RemoveAccountCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The account's name.")
    private String name;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    RemoveAccountCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CliServices services = context.services();
        Account account = services.accounts().byName(name.strip()).orElseThrow(() -> new CliFailure(
                "There is no account named '" + name.strip() + "'. See `reelwatch accounts list`."));
        int cached = services.tasks().count(new TaskQuery(Set.of(), account.id(), null, 0, 0, false));
        services.accounts().remove(account.id());
        if (account.credential().source() == CredentialRef.Source.CREDENTIALS_FILE) {
            services.credentials().remove(account.credential().name());
        }
        context.out().println("Removed account '" + account.name() + "' and its " + cached + " cached "
                + (cached == 1 ? "task" : "tasks") + ".");
        return CommandLine.ExitCode.OK;
    }
}
