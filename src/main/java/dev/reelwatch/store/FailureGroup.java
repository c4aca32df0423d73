package dev.reelwatch.store;

import dev.reelwatch.core.ProviderKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failed tasks of one provider that share a cause: the provider's error code, or (without a code) the message
 * with ids, numbers and URLs masked, or no error information at all.
 *
 * @param code     the provider's error code; empty for a group by message and for tasks without information
 * @param message  the shared message: for a coded group the newest provider message as given, for an uncoded
 *                 group the masked message; empty when the provider said nothing
 * @param examples up to three provider task ids, newest first
 * @param taskIds  every task of the group (local ids), newest first, for filtering the task list to them
 * @param failedAt when each task failed, newest first (for a trend)
 */
public record FailureGroup(ProviderKind provider, String code, String message, int count, Instant firstAt,
                           Instant lastAt, List<String> accounts, List<String> models, List<String> examples,
                           List<Long> taskIds, List<Instant> failedAt) {

    public FailureGroup {
        accounts = List.copyOf(accounts);
        models = List.copyOf(models);
        examples = List.copyOf(examples);
        taskIds = List.copyOf(taskIds);
        failedAt = List.copyOf(failedAt);
    }

    /** The code, or empty when the group has none (the JSON contract's {@code "code": null}). */
    public Optional<String> codeIfAny() {
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    /** The tasks of this group carried no error code and no message. */
    public boolean withoutInformation() {
        return code.isEmpty() && message.isEmpty();
    }

    /** A key naming the group, stable across reloads (for keeping the chosen group chosen). */
    public String key() {
        return provider.cliName() + "\u0000" + code + "\u0000" + (code.isEmpty() ? message : "");
    }
}
