package dev.reelwatch.usage;

import dev.reelwatch.store.StoredTask;

import java.util.Locale;
import java.util.Optional;

/** What usage figures are split by: the provider (its CLI name) or the model. */
public enum UsageGrouping {
    PROVIDER, MODEL;

    /** Shown for tasks whose provider named no model. */
    public static final String UNKNOWN_MODEL = "(no model)";

    public String groupOf(StoredTask task) {
        if (this == PROVIDER) {
            return task.provider().cliName();
        }
        String model = task.task().model();
        return model == null || model.isBlank() ? UNKNOWN_MODEL : model;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UsageGrouping> fromCliName(String name) {
        for (UsageGrouping g : values()) {
            if (g.cliName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
