package dev.reelwatch.core;

import java.util.Objects;

/**
 * Where an account's API key lives. Keys themselves never enter the domain model or the database:
 * either the owner-only credentials file holds them under the account's name, or an environment
 * variable does.
 */
public record CredentialRef(Source source, String name) {

    /** The kinds of place a key can come from. */
    public enum Source { NONE, CREDENTIALS_FILE, ENVIRONMENT }

    public CredentialRef {
        Objects.requireNonNull(source, "source");
        name = source == Source.NONE ? "" : Objects.requireNonNull(name, "name");
    }

    public static CredentialRef none() {
        return new CredentialRef(Source.NONE, "");
    }

    public static CredentialRef credentialsFile(String key) {
        return new CredentialRef(Source.CREDENTIALS_FILE, key);
    }

    public static CredentialRef environment(String variable) {
        return new CredentialRef(Source.ENVIRONMENT, variable);
    }
}
