package dev.reelwatch.ui.compare;

import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.media.player.PlayerViewModel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Two or more succeeded tasks side by side: a player each under one {@link SyncedPlayback}, prompts diffed
 * word by word against the first task, and a parameter table that marks the lines whose values differ.
 */
public final class CompareViewModel implements AutoCloseable {
    /** At most this many videos play side by side; more would be too small to judge. */
    public static final int MAX_TASKS = 4;
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.compare.messages");

    private final List<ComparedTask> tasks;
    private final List<ParameterRow> parameters;
    private final SyncedPlayback playback;
    private final String title;

    /**
     * @param players makes one player per task (the media feature's engines); each is handed its task
     */
    public CompareViewModel(List<StoredTask> stored, Supplier<PlayerViewModel> players, ZoneId zone) {
        if (stored.size() < 2) {
            throw new IllegalArgumentException("Compare needs at least two tasks");
        }
        List<StoredTask> picked = stored.subList(0, Math.min(MAX_TASKS, stored.size()));
        String baseline = picked.get(0).task().prompt();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.getDefault()).withZone(zone);
        List<ComparedTask> out = new ArrayList<>();
        for (StoredTask s : picked) {
            PlayerViewModel player = players.get();
            player.select(s.id());
            Task t = s.task();
            String sub = (t.model() == null ? "" : t.model() + " · ") + s.accountName()
                    + (t.createdAt() == null ? "" : " · " + when.format(t.createdAt()));
            out.add(new ComparedTask(s.id(), t.providerTaskId(), sub, player, PromptDiff.of(baseline, t.prompt())));
        }
        this.tasks = List.copyOf(out);
        this.parameters = parameterRows(picked);
        this.playback = new SyncedPlayback(out.stream().map(ComparedTask::player).toList());
        this.title = String.format(TEXT.getString("window.title"), picked.size());
    }

    /** Whether these tasks can be compared: two or more, every one succeeded. */
    public static boolean canCompare(List<TaskStatus> statuses) {
        return statuses.size() >= 2 && statuses.stream().allMatch(s -> s == TaskStatus.SUCCEEDED);
    }

    private static List<ParameterRow> parameterRows(List<StoredTask> picked) {
        List<ParameterRow> rows = new ArrayList<>();
        add(rows, "field.provider", picked, s -> s.provider().displayName());
        add(rows, "field.model", picked, s -> s.task().model());
        add(rows, "field.resolution", picked, s -> s.task().resolution());
        add(rows, "field.aspectRatio", picked, s -> s.task().aspectRatio());
        add(rows, "field.duration", picked, s -> s.task().duration() == null ? null
                : trimSeconds(s.task().duration().toMillis() / 1000.0));
        add(rows, "field.fps", picked, s -> s.task().fps() == null ? null : number(s.task().fps()));
        add(rows, "field.seed", picked, s -> s.task().seed() == null ? null : String.valueOf(s.task().seed()));
        add(rows, "field.cost", picked, s -> s.task().cost() == null ? null : s.task().cost().display());
        add(rows, "field.timeToFinish", picked, s -> s.task().createdAt() == null || s.task().completedAt() == null
                ? null : trimSeconds(java.time.Duration.between(s.task().createdAt(), s.task().completedAt())
                .toMillis() / 1000.0));
        Set<String> names = new LinkedHashSet<>();
        picked.forEach(s -> names.addAll(new java.util.TreeSet<>(s.task().parameters().keySet())));
        for (String name : names) {
            List<String> values = picked.stream().map(s -> orEmpty(s.task().parameters().get(name))).toList();
            if (values.stream().anyMatch(v -> !v.isEmpty())) {
                rows.add(ParameterRow.of(name, values));
            }
        }
        return rows;
    }

    private static void add(List<ParameterRow> rows, String key, List<StoredTask> picked,
                            Function<StoredTask, String> value) {
        List<String> values = picked.stream().map(value).map(CompareViewModel::orEmpty).toList();
        if (values.stream().anyMatch(v -> !v.isEmpty())) {
            rows.add(ParameterRow.of(TEXT.getString(key), values));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String trimSeconds(double seconds) {
        return number(seconds) + " s";
    }

    /** "24", "23.9": whole numbers without a fraction. */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    public List<ComparedTask> tasks() {
        return tasks;
    }

    public List<ParameterRow> parameters() {
        return parameters;
    }

    /** Only the parameter lines whose values differ. */
    public List<ParameterRow> differences() {
        return parameters.stream().filter(ParameterRow::differs).toList();
    }

    public SyncedPlayback playback() {
        return playback;
    }

    public String title() {
        return title;
    }

    /** Frees every player (the window closed). */
    @Override
    public void close() {
        tasks.forEach(t -> t.player().dispose());
    }
}
