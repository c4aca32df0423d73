package dev.reelwatch.cli;

import dev.reelwatch.store.AccountStore;
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

    /** The owner-only file of API keys, by account name. */
    CredentialStore credentials();

    /** The data directory in use (already created and checked writable). */
    Path dataDir();

    /** Releases the database; never throws for an already closed one. */
    @Override
    void close();
}
