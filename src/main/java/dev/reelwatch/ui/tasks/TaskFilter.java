package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.TaskStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the table can be narrowed by. {@code from}/{@code to} are inclusive days in {@code zone}, either
 * may be null; the search matches when every word occurs in a row's search key (ids, prompt, model, account,
 * note, tags). {@code starredOnly} keeps starred rows; {@code tag} (null: any) keeps rows with that tag.
 */
public record TaskFilter(Set<TaskStatus> statuses, SourceFilter source, String model, LocalDate from, LocalDate to,
                         String search, ZoneId zone, boolean starredOnly, String tag) {

    /** A filter without the library parts (star, tag). */
    public TaskFilter(Set<TaskStatus> statuses, SourceFilter source, String model, LocalDate from, LocalDate to,
                      String search, ZoneId zone) {
        this(statuses, source, model, from, to, search, zone, false, null);
    }

    public TaskFilter {
        tag = tag == null || tag.isBlank() ? null : tag;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        source = source == null ? SourceFilter.ALL : source;
        model = model == null || model.isBlank() ? null : model;
        search = search == null ? "" : search.strip();
    }

    public boolean isEmpty() {
        return statuses.isEmpty() && source.isAll() && model == null && from == null && to == null
                && search.isEmpty() && !starredOnly && tag == null;
    }

    /** Compiles the filter once; the predicate does no allocation per row. */
    public Predicate<TaskRow> toPredicate() {
        Set<TaskStatus> wanted = statuses;
        SourceFilter src = source;
        String wantedModel = model;
        boolean onlyStarred = starredOnly;
        String wantedTag = tag;
        boolean dated = from != null || to != null;
        long fromAt = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toAt = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        SearchWords words = SearchWords.of(search);
        boolean searching = words.size() > 0;
        return row -> {
            if (!wanted.isEmpty() && !wanted.contains(row.status())) {
                return false;
            }
            if (!src.matches(row)) {
                return false;
            }
            if (wantedModel != null && !wantedModel.equals(row.model())) {
                return false;
            }
            if (onlyStarred && !row.starred()) {
                return false;
            }
            if (wantedTag != null && !row.tags().contains(wantedTag)) {
                return false;
            }
            if (dated) {
                long created = row.sortTimeMillis(); // first seen, where the provider gave no time
                if (created == Long.MIN_VALUE || created < fromAt || created >= toAt) {
                    return false;
                }
            }
            return !searching || row.matches(words);
        };
    }
}
