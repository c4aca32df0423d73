package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CredentialStoreTest {
    private static final String KEY = "sk-live-9f8e7d6c5b4a39281706";

    @TempDir
    Path dir;

    @Test
    void keysAreStoredReplacedAndRemovedByAccountName() {
        CredentialStore store = new CredentialStore(dir.resolve(DataDirectory.CREDENTIALS_FILE));
        assertTrue(store.get("main").isEmpty());

        store.put("main", "first");
        store.put("main", "second");
        store.put("Studio = Berlin: #2", "other");

        assertEquals(Optional.of("second"), store.get("main"));
        assertEquals(Optional.of("other"), new CredentialStore(store.file()).get("Studio = Berlin: #2"));
        store.remove("main");
        store.remove("never-there");
        assertTrue(store.get("main").isEmpty());
        assertEquals(Optional.of("other"), store.get("Studio = Berlin: #2"));
    }

    @Test
    void theFileIsOwnerOnlyAndHoldsNothingButKeys() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve(DataDirectory.CREDENTIALS_FILE);
        CredentialStore store = new CredentialStore(file);

        store.put("main", KEY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        store.put("second", "sk-2");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("main=" + KEY, "second=sk-2"), lines);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void aLooselyPermittedFileIsReplacedByAnOwnerOnlyOne() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve(DataDirectory.CREDENTIALS_FILE);
        Files.writeString(file, "old=value\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new CredentialStore(file).put("main", KEY);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of("value"), new CredentialStore(file).get("old"));
    }

    @Test
    void theDatabaseNeverContainsTheKey() throws Exception {
        CredentialStore credentials = new CredentialStore(dir.resolve(DataDirectory.CREDENTIALS_FILE));
        try (StoreFixture store = new StoreFixture(dir)) {
            Account account = store.account("main");
            credentials.put(account.name(), KEY);
            assertEquals(Optional.of(KEY), new CredentialResolver(credentials, Map.of()).apiKeyFor(account));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("reelwatch.db")).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(KEY), file + " holds the key");
            }
        }
    }

    @Test
    void resolverFindsKeysInTheFileTheEnvironmentOrNowhere() {
        CredentialStore store = new CredentialStore(dir.resolve(DataDirectory.CREDENTIALS_FILE));
        store.put("main", "from-file");
        store.put("blank", "   ");
        CredentialResolver resolver = new CredentialResolver(store, Map.of("MESH_KEY", "from-env", "EMPTY", ""));

        assertEquals(Optional.of("from-file"), resolver.apiKeyFor(account(CredentialRef.credentialsFile("main"))));
        assertEquals(Optional.empty(), resolver.apiKeyFor(account(CredentialRef.credentialsFile("missing"))));
        assertEquals(Optional.empty(), resolver.apiKeyFor(account(CredentialRef.credentialsFile("blank"))));
        assertEquals(Optional.of("from-env"), resolver.apiKeyFor(account(CredentialRef.environment("MESH_KEY"))));
        assertEquals(Optional.empty(), resolver.apiKeyFor(account(CredentialRef.environment("EMPTY"))));
        assertEquals(Optional.empty(), resolver.apiKeyFor(account(CredentialRef.environment("UNSET"))));
        assertEquals(Optional.empty(), resolver.apiKeyFor(account(CredentialRef.none())));
    }

    private static Account account(CredentialRef ref) {
        return new Account(1, ProviderKind.MESHAPI, "main", URI.create("https://api.meshapi.ai"), ref, true, false);
    }
}
