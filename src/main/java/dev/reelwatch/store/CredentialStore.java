package dev.reelwatch.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * API keys by account name in a properties file only its owner can read (0600 on POSIX, from the moment it
 * exists). Every change writes a new owner-only file and moves it into place, so the file is never seen
 * half-written or with wider permissions. The database never holds a key.
 */
public final class CredentialStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final System.Logger LOG = System.getLogger(CredentialStore.class.getName());

    private final Path file;
    private final Consumer<String> warnings;

    /** A store whose warnings (a file others could read, tightened to 0600) go to the log. */
    public CredentialStore(Path file) {
        this(file, warning -> LOG.log(System.Logger.Level.WARNING, warning));
    }

    /** @param warnings told, in one sentence, when the file had to be made private again */
    public CredentialStore(Path file, Consumer<String> warnings) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.warnings = Objects.requireNonNull(warnings, "warnings");
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return keys;
        } catch (IOException e) {
            throw new StoreException("Could not read the credentials file " + file + ": " + e.getMessage(), e);
        }
        keepPrivate();
        String text = decode(bytes);
        checkEscapes(text);
        try (Reader reader = new StringReader(text)) {
            keys.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("The credentials file " + file + " cannot be read (" + e.getMessage()
                    + "); fix or remove it.", e);
        }
        return keys;
    }

    /**
     * A credentials file others may read (group or other bits, e.g. 0644 after a copy) is made owner-only
     * again with a warning; when that is impossible the keys are not used at all.
     */
    private void keepPrivate() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new StoreException("Could not check who may read the credentials file " + file + ": "
                    + e.getMessage(), e);
        }
        Set<PosixFilePermission> wider = EnumSet.copyOf(perms);
        wider.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (wider.isEmpty()) {
            return;
        }
        String mode = PosixFilePermissions.toString(perms);
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new StoreException("The credentials file " + file + " may be read by others (" + mode
                    + ") and could not be made private (" + e.getMessage() + "); Reelwatch will not use its keys"
                    + " until you run: chmod 600 " + file, e);
        }
        warnings.accept("The credentials file " + file + " could be read by others (" + mode
                + "); it was made private (rw-------). Check who else could have read your API keys.");
    }

    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1 + lineOf(bytes, firstBadByte(bytes));
            throw new StoreException("The credentials file " + file + " cannot be read: line " + line
                    + " is not UTF-8 text; fix or remove that line.", e);
        }
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineOf(byte[] bytes, int position) {
        int lines = 0;
        for (int i = 0; i < Math.min(position, bytes.length); i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Properties.load rejects a broken {@code \\uXXXX} escape without saying where: name the line. */
    private void checkEscapes(String text) {
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            for (int i = 0; i < line.length() - 1; i++) {
                if (line.charAt(i) != '\\') {
                    continue;
                }
                if (line.charAt(i + 1) == 'u' && !line.substring(i + 2).matches("^[0-9a-fA-F]{4}.*")) {
                    throw new StoreException("The credentials file " + file + " cannot be read: line " + (n + 1)
                            + " has a broken \\u escape; fix or remove that line.");
                }
                i++;
            }
        }
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
