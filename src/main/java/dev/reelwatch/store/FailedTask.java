package dev.reelwatch.store;

import dev.reelwatch.core.ProviderKind;

import java.time.Instant;
import java.util.Objects;

/**
 * One failed task as the failure report groups it. {@code code} and {@code message} are empty, never null, when
 * the provider gave none; {@code model} may be empty; {@code at} is when it failed (else when it was last known).
 */
public record FailedTask(long taskId, ProviderKind provider, long accountId, String accountName, String model,
                         String providerTaskId, String code, String message, Instant at) {

    public FailedTask {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(at, "at");
        model = model == null ? "" : model;
        code = code == null ? "" : code.strip();
        message = message == null ? "" : message.strip();
    }
}
