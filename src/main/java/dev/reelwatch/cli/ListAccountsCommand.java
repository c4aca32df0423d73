package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.provider.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code reelwatch accounts list}: the accounts and where their keys live (never the keys). */
@Command(name = "list", description = "List the accounts (API keys are never shown).")
final class ListAccountsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON array instead of a table.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    ListAccountsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<Account> accounts = context.services().accounts().all();
        java.util.Set<Long> paused = context.services().accounts().pausedIds();
        if (json) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (Account account : accounts) {
                ObjectNode node = array.addObject();
                node.put("name", account.name());
                node.put("provider", account.provider().cliName());
                node.put("base_url", account.baseUrl().toString());
                node.put("enabled", account.enabled());
                node.put("paused", paused.contains(account.id()));
                node.put("demo", account.demo());
                node.put("credential", AddAccountCommand.describe(account.credential()));
            }
            context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return CommandLine.ExitCode.OK;
        }
        if (accounts.isEmpty()) {
            context.out().println("No accounts yet. Add one with `reelwatch accounts add --provider PROVIDER"
                    + " --name NAME --api-key-stdin`.");
            return CommandLine.ExitCode.OK;
        }
        TextTable table = new TextTable(TableWidth.COLUMNS, List.of("NAME", "PROVIDER", "KEY", "STATE", "BASE URL"),
                24, 17, 24, 16);
        for (Account account : accounts) {
            String state = (account.enabled() ? "enabled" : "disabled") + (paused.contains(account.id()) ? ", paused" : "")
                    + (account.demo() ? ", demo" : "");
            table.addRow(account.name(), account.provider().cliName(), AddAccountCommand.describe(account.credential()),
                    state, account.baseUrl().toString());
        }
        table.print(context.out());
        return CommandLine.ExitCode.OK;
    }
}
