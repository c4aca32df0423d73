package dev.reelwatch.store;

import dev.reelwatch.core.ProviderKind;

import java.util.Locale;

/**
 * What a task must be like for a rule to apply, ANDed; null means "any". Text is compared without regard to
 * case: {@code account} and {@code hasTag} exactly, {@code model} and {@code promptContains} as a part.
 */
public record RuleConditions(String account, ProviderKind provider, String model, String promptContains,
                             String hasTag) {

    public RuleConditions {
        account = blankToNull(account);
        model = blankToNull(model);
        promptContains = blankToNull(promptContains);
        hasTag = hasTag == null || TaskTags.normalise(hasTag).isEmpty() ? null : TaskTags.normalise(hasTag);
    }

    public static RuleConditions any() {
        return new RuleConditions(null, null, null, null, null);
    }

    /** Whether the task meets every condition (its status is the rule's business, not this record's). */
    public boolean matches(TaskSummary task) {
        return (account == null || account.equalsIgnoreCase(task.accountName()))
                && (provider == null || provider == task.provider())
                && (model == null || contains(task.model(), model))
                && (promptContains == null || contains(task.prompt(), promptContains))
                && (hasTag == null || task.tags().contains(hasTag));
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
