package dev.reelwatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code accounts.json} in the data directory: the accounts (never their keys: only where a key lives) written
 * whenever they change, so a cache that had to be rebuilt still knows which accounts to sync.
 */
public final class AccountsBackup {
    public static final String FILE_NAME = "accounts.json";
    private static final Logger LOG = Logger.getLogger(AccountsBackup.class.getName());

    /** Made on first use (holder idiom): opening the desktop app writes the backup only after its first frame. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final Path file;

    public AccountsBackup(Path file) {
        this.file = file;
    }

    /** One backed-up account and whether it may use plain HTTP. */
    public record Entry(Account account, boolean allowPlainHttp) {
    }

    public Path file() {
        return file;
    }

    /** Writes the accounts atomically; a failure is logged, never thrown: the cache stays the source of truth. */
    public synchronized void save(List<Entry> entries) {
        ArrayNode list = Mapper.JSON.createArrayNode();
        for (Entry e : entries) {
            Account a = e.account();
            ObjectNode o = list.addObject();
            o.put("provider", a.provider().cliName());
            o.put("name", a.name());
            o.put("baseUrl", a.baseUrl().toString());
            o.put("credentialSource", a.credential().source().name());
            o.put("credentialName", a.credential().name());
            o.put("enabled", a.enabled());
            o.put("demo", a.demo());
            o.put("allowPlainHttp", e.allowPlainHttp());
        }
        ObjectNode root = Mapper.JSON.createObjectNode();
        root.put("version", 1);
        root.set("accounts", list);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not write the accounts backup " + file, e);
        }
    }

    /** The backed-up accounts (ids 0: not saved yet); empty when there is no readable backup. */
    public synchronized List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = Mapper.JSON.readTree(file.toFile());
            for (JsonNode o : root.path("accounts")) {
                try {
                    ProviderKind kind = ProviderKind.fromCliName(o.path("provider").asText()).orElseThrow();
                    CredentialRef.Source source = CredentialRef.Source.valueOf(o.path("credentialSource").asText("NONE"));
                    CredentialRef ref = source == CredentialRef.Source.NONE ? CredentialRef.none()
                            : new CredentialRef(source, o.path("credentialName").asText());
                    Account a = new Account(0, kind, o.path("name").asText(), URI.create(o.path("baseUrl").asText()),
                            ref, o.path("enabled").asBoolean(true), o.path("demo").asBoolean(false));
                    out.add(new Entry(a, o.path("allowPlainHttp").asBoolean(false)));
                } catch (RuntimeException skipped) {
                    LOG.log(Level.WARNING, "skipping an unreadable account in " + file, skipped);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not read the accounts backup " + file, e);
        }
        return out;
    }
}
