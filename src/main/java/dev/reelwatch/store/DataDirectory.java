package dev.reelwatch.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** Where Reelwatch keeps its cache and credentials: --data-dir, then REELWATCH_HOME, then the OS's usual place. */
public final class DataDirectory {
    public static final String DATABASE_FILE = "reelwatch.db";
    public static final String CREDENTIALS_FILE = "credentials.properties";
    public static final String HOME_VARIABLE = "REELWATCH_HOME";

    private DataDirectory() {
    }

    /**
     * The data directory. {@code cliOverride} is the --data-dir value (null when absent); {@code osName} is
     * {@code os.name}; on Linux and other Unixes {@code $XDG_DATA_HOME/reelwatch} (when set and absolute)
     * or {@code ~/.local/share/reelwatch}.
     */
    public static Path resolve(String cliOverride, Map<String, String> env, String osName, String userHome) {
        if (cliOverride != null && !cliOverride.isBlank()) {
            return expandHome(cliOverride.strip(), userHome);
        }
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return expandHome(home.strip(), userHome);
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Reelwatch");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Reelwatch");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("reelwatch");
        }
        return Path.of(userHome, ".local", "share", "reelwatch");
    }

    /** Creates the directory (owner-only on POSIX) if needed and checks that files can be written in it. */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(absolute)) {
                Files.createDirectories(absolute, ownerOnly());
            }
            Path probe = Files.createTempFile(absolute, ".write-check-", ".tmp");
            Files.delete(probe);
            return absolute;
        } catch (IOException | SecurityException e) {
            throw new StoreException("The data directory " + absolute + " is not writable: " + describe(e)
                    + ". Choose another with --data-dir or REELWATCH_HOME.", e);
        }
    }

    /**
     * Like {@link #prepare}, but a data directory that cannot be written to is accepted when it already holds
     * a cache, so it can be browsed read-only (a mounted backup, a disk remounted read-only).
     */
    public static Path prepareForReading(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!isWritable(absolute) && Files.isReadable(databaseFile(absolute))) {
            return absolute;
        }
        return prepare(absolute);
    }

    /**
     * Whether files can be created in {@code dir}: its file store is not mounted read-only and a probe file
     * can be written. False for a directory that does not exist.
     */
    public static boolean isWritable(Path dir) {
        try {
            if (!Files.isDirectory(dir) || Files.getFileStore(dir).isReadOnly()) {
                return false;
            }
            // Not Files.createTempFile: its random name seeds a SecureRandom, the larger part of a start's check.
            Path probe = dir.resolve(".write-check-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                    + ".tmp");
            Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    public static Path databaseFile(Path dir) {
        return dir.resolve(DATABASE_FILE);
    }

    public static Path credentialsFile(Path dir) {
        return dir.resolve(CREDENTIALS_FILE);
    }

    /** {@code accounts.json}: the accounts without keys, to rebuild a damaged cache (see AccountsBackup). */
    public static Path accountsBackupFile(Path dir) {
        return dir.resolve(AccountsBackup.FILE_NAME);
    }

    private static Path expandHome(String path, String userHome) {
        if (path.equals("~")) {
            return Path.of(userHome);
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return Path.of(userHome, path.substring(2));
        }
        return Path.of(path);
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
