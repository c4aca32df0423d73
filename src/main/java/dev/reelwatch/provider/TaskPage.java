package dev.reelwatch.provider;

import dev.reelwatch.core.Task;

import java.util.List;

/**
 * One page of a listing, already mapped. {@code problems} reports items that were skipped (missing id,
 * duplicate id, unmappable) in words a person understands; they are reported, never fatal.
 */
public record TaskPage(int number, List<Task> tasks, List<String> problems) {

    public TaskPage {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
    }
}
