package dev.reelwatch.provider;

import java.util.List;

/**
 * How a listing ended. {@code complete} is true only when every page of an unfiltered listing was read,
 * so absence from it means the provider no longer has the task.
 */
public record ListOutcome(int tasksListed, int pages, boolean complete, List<String> problems) {

    public ListOutcome {
        problems = List.copyOf(problems);
    }
}
