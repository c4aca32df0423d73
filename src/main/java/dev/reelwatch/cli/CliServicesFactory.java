package dev.reelwatch.cli;

import java.nio.file.Path;

/** Opens the services of a data directory; the composition root supplies the real one, tests their own. */
@FunctionalInterface
public interface CliServicesFactory {

    /**
     * Opens the data directory given with {@code --data-dir}, or the default one when that is null.
     * Throws a {@link RuntimeException} with a message for a person when it cannot (not writable, newer
     * schema, corrupt database).
     */
    CliServices open(Path dataDirOverrideOrNull);
}
