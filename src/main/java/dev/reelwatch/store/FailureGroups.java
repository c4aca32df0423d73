package dev.reelwatch.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups failed tasks by cause: provider and error code, else provider and the message with the parts that
 * differ from task to task (URLs, ids, numbers) masked, else one group per provider for tasks that say nothing.
 * Largest group first; a tie goes to the group that failed last.
 */
public final class FailureGroups {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|s3|gs)://[^\\s\"'<>)\\]]+");
    private static final Pattern UUID = Pattern.compile(
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    /** A word of letters and digits (or _ and -) that holds a digit and is long enough to be an id: "task_8f3a9c2d". */
    private static final Pattern ID = Pattern.compile("\\b(?=[\\w-]*\\d)(?=[\\w-]*[A-Za-z])[\\w-]{6,}\\b");
    private static final Pattern HEX = Pattern.compile("(?i)\\b(?:0x)?[0-9a-f]{12,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int EXAMPLES = 3;

    private FailureGroups() {
    }

    /** The groups of these failed tasks, largest first. */
    public static List<FailureGroup> group(List<FailedTask> failed) {
        Map<String, List<FailedTask>> byKey = new LinkedHashMap<>();
        List<FailedTask> newestFirst = new ArrayList<>(failed);
        newestFirst.sort(Comparator.comparing(FailedTask::at).reversed().thenComparing(
                Comparator.comparingLong(FailedTask::taskId).reversed()));
        for (FailedTask t : newestFirst) {
            String masked = t.code().isEmpty() ? mask(t.message()) : "";
            byKey.computeIfAbsent(t.provider().cliName() + '\u0000' + t.code() + '\u0000' + masked,
                    k -> new ArrayList<>()).add(t);
        }
        List<FailureGroup> groups = new ArrayList<>();
        for (List<FailedTask> tasks : byKey.values()) {
            groups.add(toGroup(tasks));
        }
        groups.sort(Comparator.comparingInt(FailureGroup::count).reversed()
                .thenComparing(FailureGroup::lastAt, Comparator.reverseOrder())
                .thenComparing(FailureGroup::key));
        return groups;
    }

    /** The message with URLs, ids and numbers replaced, so messages that differ only there read the same. */
    public static String mask(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String m = URL.matcher(message.strip()).replaceAll("<url>");
        m = UUID.matcher(m).replaceAll("<id>");
        m = HEX.matcher(m).replaceAll("<id>");
        m = ID.matcher(m).replaceAll("<id>");
        m = NUMBER.matcher(m).replaceAll("<n>");
        return SPACES.matcher(m).replaceAll(" ");
    }

    /** {@code tasks} newest first, all of one group. */
    private static FailureGroup toGroup(List<FailedTask> tasks) {
        FailedTask newest = tasks.get(0);
        String code = newest.code();
        String message = code.isEmpty() ? mask(newest.message())
                : tasks.stream().map(FailedTask::message).filter(m -> !m.isEmpty()).findFirst().orElse("");
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        List<String> examples = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (FailedTask t : tasks) {
            accounts.add(t.accountName());
            if (!t.model().isEmpty()) {
                models.add(t.model());
            }
            if (examples.size() < EXAMPLES) {
                examples.add(t.providerTaskId());
            }
            ids.add(t.taskId());
            times.add(t.at());
        }
        List<String> sortedAccounts = new ArrayList<>(accounts);
        sortedAccounts.sort(String.CASE_INSENSITIVE_ORDER);
        List<String> sortedModels = new ArrayList<>(models);
        sortedModels.sort(String.CASE_INSENSITIVE_ORDER);
        return new FailureGroup(newest.provider(), code, message, tasks.size(), tasks.get(tasks.size() - 1).at(),
                newest.at(), sortedAccounts, sortedModels, examples, ids, times);
    }
}
