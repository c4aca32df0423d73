package dev.reelwatch.ui.tasks;

import java.util.Objects;
import java.util.Set;

/**
 * Issue 15: the table narrowed to these tasks by id, e.g. one failure group chosen in the Failures view.
 * {@code label} names the subset for the chip that shows it ("Sensitive content (MeshAPI)").
 */
public record TaskSubset(String label, Set<Long> ids) {

    public TaskSubset {
        Objects.requireNonNull(label, "label");
        ids = Set.copyOf(ids);
    }
}
