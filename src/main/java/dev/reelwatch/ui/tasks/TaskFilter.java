package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.TaskStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
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

    /**
     * Whether every row this filter matches is also matched by {@code wider}: then refiltering from
     * {@code wider}'s rows to this one only needs to test the rows shown. True when this filter differs only by
     * asking more (each of {@code wider}'s words is part of one of this filter's words, fewer statuses, a source,
     * model or tag where {@code wider} had none, starred only).
     */
    public boolean narrows(TaskFilter wider) {
        return Objects.equals(from, wider.from) && Objects.equals(to, wider.to) && Objects.equals(zone, wider.zone)
                && (wider.statuses.isEmpty() || !statuses.isEmpty() && wider.statuses.containsAll(statuses))
                && (wider.source.isAll() || source.equals(wider.source))
                && (wider.model == null || wider.model.equals(model))
                && (wider.tag == null || wider.tag.equals(tag))
                && (!wider.starredOnly || starredOnly)
                && SearchWords.of(search).covers(SearchWords.of(wider.search));
    }

    /**
     * What of this filter the rows' columns can check without reading a row; decisive when the filter asks
     * nothing but statuses and words.
     */
    ColumnTest columnTest() {
        SearchWords words = SearchWords.of(search);
        int wanted = -1;
        if (!statuses.isEmpty()) {
            wanted = 0;
            for (TaskStatus s : statuses) {
                wanted |= 1 << s.ordinal();
            }
        }
        boolean nothingElse = source.isAll() && model == null && from == null && to == null && !starredOnly
                && tag == null;
        return new ColumnTest(wanted, words.requiredLetters(), words, nothingElse);
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
