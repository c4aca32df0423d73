package dev.reelwatch.cli;

import dev.reelwatch.rules.RuleEngine;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.RuleStore;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.SettingsStore;
import dev.reelwatch.store.TaskStore;

import java.nio.file.Path;

/**
 * What the commands work with: the stores of one opened data directory. Opened by a {@link CliServicesFactory}
 * the first time a command asks for it, closed when the command has finished.
 */
public interface CliServices extends AutoCloseable {

    AccountStore accounts();

    TaskStore tasks();

    SettingsStore settings();

    /** The rules and their firing records. */
    default RuleStore rules() {
        throw new UnsupportedOperationException("these services hold no rules");
    }

    /**
     * The rule engine, listening to {@link #tasks()} from the moment the cache is opened, so rules fire for
     * whatever a command stores (sync, wait). Exports it starts run at the latest when the services close.
     */
    default RuleEngine ruleEngine() {
        throw new UnsupportedOperationException("these services run no rules");
    }

    /** Runs the rules' exports started so far and waits for them (also done on close). */
    default void settleRules() throws InterruptedException {
        // Services without rules have nothing to settle.
    }

    /** The owner-only file of API keys, by account name. */
    CredentialStore credentials();

    /** The data directory in use (already created and checked writable). */
    Path dataDir();

    /** Releases the database; never throws for an already closed one. */
    @Override
    void close();
}
