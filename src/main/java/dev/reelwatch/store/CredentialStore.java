package dev.reelwatch.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys by account name in a properties file only its owner can read (0600 on POSIX, from the moment it
 * exists). Every change writes a new owner-only file and moves it into place, so the file is never seen
 * half-written or with wider permissions. The database never holds a key.
 */
public final class CredentialStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public CredentialStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String name) {
        return Optional.ofNullable(load().getProperty(name)).filter(key -> !key.isEmpty());
    }

    public synchronized void put(String name, String apiKey) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiKey, "apiKey");
        Properties keys = load();
        keys.setProperty(name, apiKey);
        save(keys);
    }

    public synchronized void remove(String name) {
        Properties keys = load();
        if (keys.remove(name) != null) {
            save(keys);
        }
    }

    private Properties load() {
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(reader);
        } catch (NoSuchFileException e) {
            return keys;
        } catch (IOException e) {
            throw new StoreException("Could not read the credentials file " + file + ": " + e.getMessage(), e);
        }
        return keys;
    }

    private void save(Properties keys) {
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".credentials-", ".tmp", ownerOnlyAttributes());
            restrictToOwnerWherePosixIsMissing(temp);
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(keyLines(keys));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("Could not write the credentials file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Only left over after a failure that is already being reported.
                }
            }
        }
    }

    /** The key lines only: Properties.store would add a date comment, and the file should hold nothing but keys. */
    private static String keyLines(Properties keys) throws IOException {
        StringWriter out = new StringWriter();
        keys.store(out, null);
        return out.toString().lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static FileAttribute<?>[] ownerOnlyAttributes() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }

    /** Without POSIX permissions (Windows) the best available is to take read and write away from others. */
    private static void restrictToOwnerWherePosixIsMissing(Path path) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            var f = path.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                System.getLogger(CredentialStore.class.getName()).log(System.Logger.Level.DEBUG,
                        "Could not narrow the permissions of " + path);
            }
        }
    }
}
