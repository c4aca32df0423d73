package dev.reelwatch.provider;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a listing ended. {@code complete} is true only when every page of an unfiltered listing was read,
 * so absence from it means the provider no longer has the task, except for the items it could not read:
 * {@code unreadable} says why each was skipped, {@code unreadableIds} names those that had an id, and
 * {@code unidentified} counts those without one (then no absence proves anything, see {@link #mayMarkGone}).
 * {@code stoppedBecause} says why paging stopped before the provider's last page, when it did.
 */
public record ListOutcome(int tasksListed, int pages, boolean complete, List<String> problems,
                          List<String> unreadable, Set<String> unreadableIds, int unidentified,
                          Optional<String> stoppedBecause) {

    public ListOutcome {
        problems = List.copyOf(problems);
        unreadable = List.copyOf(unreadable);
        unreadableIds = Set.copyOf(unreadableIds);
        stoppedBecause = stoppedBecause == null ? Optional.empty() : stoppedBecause;
    }

    /** A listing without unreadable items. */
    public ListOutcome(int tasksListed, int pages, boolean complete, List<String> problems) {
        this(tasksListed, pages, complete, problems, List.of(), Set.of(), 0, Optional.empty());
    }

    /**
     * Whether tasks missing from this listing may be marked gone: it is complete and every item it skipped
     * still had an id (those ids count as listed).
     */
    public boolean mayMarkGone() {
        return complete && unidentified == 0;
    }
}
