package dev.reelwatch.core;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The video-generation services Reelwatch speaks to, with the names the CLI uses and their default base URLs. */
public enum ProviderKind {
    MESHAPI("meshapi", "MeshAPI", "https://api.meshapi.ai", true),
    PHASEO("phaseo", "Phaseo", "https://api.phaseo.app", true),
    MONEYPRINTERTURBO("moneyprinterturbo", "MoneyPrinterTurbo", "http://localhost:8080", false),
    HEDRA("hedra", "Hedra", "https://api.hedra.com", true);

    private final String cliName;
    private final String displayName;
    private final URI defaultBaseUrl;
    private final boolean needsApiKey;

    ProviderKind(String cliName, String displayName, String defaultBaseUrl, boolean needsApiKey) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.defaultBaseUrl = URI.create(defaultBaseUrl);
        this.needsApiKey = needsApiKey;
    }

    /** The lower-case name used on the command line, in JSON output and in the database. */
    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Self-hosted MoneyPrinterTurbo has no key by default; the hosted services always want one. */
    public boolean needsApiKey() {
        return needsApiKey;
    }

    public static Optional<ProviderKind> fromCliName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName.equals(wanted)).findFirst();
    }
}
