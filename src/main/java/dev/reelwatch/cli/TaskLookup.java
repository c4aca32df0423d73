package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import dev.reelwatch.store.StoredTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the one cached task a user means: by the provider's task id, or by the local id of {@code tasks --json}. */
final class TaskLookup {

    private TaskLookup() {
    }

    static StoredTask find(CliServices services, String id, String accountName) {
        String wanted = id.strip();
        List<Account> accounts = new ArrayList<>();
        if (accountName != null) {
            accounts.add(services.accounts().byName(accountName.strip()).orElseThrow(() -> new CliFailure(
                    "There is no account named '" + accountName.strip() + "'. See `reelwatch accounts list`.")));
        } else {
            accounts.addAll(services.accounts().all());
        }
        List<StoredTask> found = new ArrayList<>();
        for (Account a : accounts) {
            services.tasks().find(a.id(), wanted).ifPresent(found::add);
        }
        if (found.size() > 1) {
            throw new CliFailure("Task id '" + wanted + "' is in more than one account; name one with --account.");
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        Optional<StoredTask> local = localId(wanted).flatMap(services.tasks()::byId)
                .filter(t -> accountName == null || t.accountId() == accounts.get(0).id());
        return local.orElseThrow(() -> new CliFailure("No cached task has the id '" + wanted
                + "'. See `reelwatch tasks`."));
    }

    private static Optional<Long> localId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
