package dev.reelwatch.cli;

import dev.reelwatch.core.TaskStatus;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** Reads {@code --status} by the unified status names, case-insensitively. */
final class TaskStatusConverter implements CommandLine.ITypeConverter<TaskStatus> {

    @Override
    public TaskStatus convert(String value) {
        return TaskStatus.fromWireName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown status '" + value + "'; valid statuses: " + String.join(", ", names())));
    }

    static List<String> names() {
        return Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).collect(Collectors.toList());
    }

    /** Lets the help text list the statuses. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
