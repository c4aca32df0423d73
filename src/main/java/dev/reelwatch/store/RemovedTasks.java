package dev.reelwatch.store;

import java.util.List;
import java.util.Map;

/**
 * A copy of tasks removed from history, row by row as the cache held them, for {@link TaskStore#restore}.
 * Opaque outside the store: only the store reads the rows back.
 */
public final class RemovedTasks {
    /** One table's removed rows: column name to value, in the table's column order. */
    record Rows(String table, List<Map<String, Object>> rows) {
        Rows {
            rows = List.copyOf(rows);
        }
    }

    private final List<Long> taskIds;
    private final List<Rows> tables;

    RemovedTasks(List<Long> taskIds, List<Rows> tables) {
        this.taskIds = List.copyOf(taskIds);
        this.tables = List.copyOf(tables);
    }

    /** The ids of the tasks that were removed (ids that were not in the cache are not here). */
    public List<Long> taskIds() {
        return taskIds;
    }

    public int size() {
        return taskIds.size();
    }

    List<Rows> tables() {
        return tables;
    }
}
