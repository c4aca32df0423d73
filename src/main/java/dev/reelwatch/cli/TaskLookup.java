package dev.reelwatch.cli;

import dev.reelwatch.core.Account;
import dev.reelwatch.store.StoredTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the one cached task a user means: by the provider's task id, by the local id of {@code tasks --json}, or by
 * a prefix of the provider's id that only one cached task has (at least {@value IdPrefixes#MIN_LENGTH} characters,
 * as the {@code tasks} table shows them). An ambiguous or too short prefix is a usage error (exit 2).
 */
final class TaskLookup {
    /** The help text of every ID parameter. */
    static final String ID_HELP = "The provider's task id, its first 8 or more characters (as `reelwatch tasks`"
            + " shows it), or the local id.";
    private static final int MAX_CANDIDATES_SHOWN = 10;

    private TaskLookup() {
    }

    /** The task, or a {@link CliFailure} (exit 1) when none matches, a {@link CliUsageFailure} (exit 2) when unclear. */
    static StoredTask find(CliServices services, String id, String accountName) {
        String wanted = id.strip();
        return findIfCached(services, wanted, accountName).orElseThrow(() -> new CliFailure(
                "No cached task has the id '" + HumanText.clean(wanted) + "'. See `reelwatch tasks`, or run"
                        + " `reelwatch sync` first."));
    }

    /** Like {@link #find} but empty when no cached task matches at all. */
    static Optional<StoredTask> findIfCached(CliServices services, String id, String accountName) {
        String wanted = id.strip();
        List<Account> accounts = accounts(services, accountName);
        List<StoredTask> exact = new ArrayList<>();
        for (Account a : accounts) {
            services.tasks().find(a.id(), wanted).ifPresent(exact::add);
        }
        if (exact.size() > 1) {
            throw new CliUsageFailure("Task id '" + HumanText.clean(wanted)
                    + "' is in more than one account; name one with --account.");
        }
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        Optional<StoredTask> local = localId(wanted).flatMap(services.tasks()::byId)
                .filter(t -> accounts.stream().anyMatch(a -> a.id() == t.accountId()));
        if (local.isPresent()) {
            return local;
        }
        String prefix = wanted.toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (Account a : accounts) {
            for (String providerId : services.tasks().providerTaskIds(a.id())) {
                if (providerId.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    candidates.add(new Candidate(a, providerId));
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (wanted.length() < IdPrefixes.MIN_LENGTH) {
            throw new CliUsageFailure("The id '" + HumanText.clean(wanted) + "' is too short to pick a task: give at"
                    + " least " + IdPrefixes.MIN_LENGTH + " characters of it (as `reelwatch tasks` shows), or the"
                    + " local id.");
        }
        if (candidates.size() > 1) {
            StringBuilder list = new StringBuilder();
            candidates.stream().limit(MAX_CANDIDATES_SHOWN).forEach(c -> list.append("\n  ")
                    .append(c.account().name()).append(' ').append(HumanText.clean(c.providerTaskId())));
            if (candidates.size() > MAX_CANDIDATES_SHOWN) {
                list.append("\n  … and ").append(candidates.size() - MAX_CANDIDATES_SHOWN).append(" more");
            }
            throw new CliUsageFailure("The id '" + HumanText.clean(wanted) + "' is the start of "
                    + candidates.size() + " cached tasks; give more of it:" + list);
        }
        Candidate only = candidates.get(0);
        return services.tasks().find(only.account().id(), only.providerTaskId());
    }

    static List<Account> accounts(CliServices services, String accountName) {
        if (accountName != null) {
            return List.of(account(services, accountName));
        }
        return services.accounts().all();
    }

    static Account account(CliServices services, String accountName) {
        return services.accounts().byName(accountName.strip()).orElseThrow(() -> new CliFailure(
                "There is no account named '" + accountName.strip() + "'. See `reelwatch accounts list`."));
    }

    private record Candidate(Account account, String providerTaskId) {
    }

    private static Optional<Long> localId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
