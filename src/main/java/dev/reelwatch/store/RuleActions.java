package dev.reelwatch.store;

import java.util.List;

/**
 * What a rule does to a task it fires for: tags to add, a star, an export into {@code exportTo} (a folder,
 * named by {@code nameTemplate}; null = the export setting's template) and {@code notification}: true shows a desktop
 * notification, false silences it, null leaves the usual behaviour.
 */
public record RuleActions(List<String> addTags, boolean star, String exportTo, String nameTemplate,
                          Boolean notification) {

    public RuleActions {
        addTags = List.copyOf(TaskTags.normaliseAll(addTags == null ? List.of() : addTags));
        exportTo = exportTo == null || exportTo.isBlank() ? null : exportTo.strip();
        nameTemplate = nameTemplate == null || nameTemplate.isBlank() ? null : nameTemplate.strip();
    }

    public static RuleActions none() {
        return new RuleActions(List.of(), false, null, null, null);
    }

    /** Whether the rule would do anything at all. */
    public boolean isEmpty() {
        return addTags.isEmpty() && !star && exportTo == null && notification == null;
    }
}
