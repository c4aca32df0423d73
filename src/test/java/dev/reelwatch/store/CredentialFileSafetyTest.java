package dev.reelwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A credentials file others could read is made private with a warning; one that cannot be parsed names its line. */
class CredentialFileSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aFileOthersCanReadIsTightenedTo0600WithAWarning() throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, "studio=sk-secret-1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();
        CredentialStore store = new CredentialStore(file, warnings::add);

        assertEquals(Optional.of("sk-secret-1"), store.get("studio"));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("rw-r--r--") && warnings.get(0).contains(file.toString()), warnings::toString);
        assertTrue(!warnings.get(0).contains("sk-secret-1"), "the warning names no key");
        store.get("studio");
        assertEquals(1, warnings.size(), "a private file is used silently");
    }

    @Test
    void aBrokenEscapeNamesTheFileAndTheLine() throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, "studio=sk-1\n# a comment \\uZZZZ is fine\nlocal=sk-\\u12G4\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        StoreException e = assertThrows(StoreException.class, () -> new CredentialStore(file).get("studio"));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(!e.getMessage().contains("sk-1"), "no key in the message");
    }

    @Test
    void bytesThatAreNotUtf8NameTheLine() throws Exception {
        Path file = dir.resolve("credentials.properties");
        byte[] head = "studio=sk-1\nother=".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        StoreException e = assertThrows(StoreException.class, () -> new CredentialStore(file).get("studio"));

        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
