package dev.reelwatch.ui.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinct texts of one field (prompts, models or account names) numbered as rows bring them, so a search asks
 * each distinct text once instead of once per row (one prompt run for a hundred tasks is read once). Bounded:
 * past {@link #LIMIT} texts a row gets {@link #NONE} and is read in full. Texts are never forgotten while the
 * rows live; a full load starts a new table. Changed on the UI thread only; scans read it while it stands still.
 */
final class TextGroups {
    static final int NONE = -1;
    static final int LIMIT = 32_768;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** The text's number, numbering it when new; {@link #NONE} when the table is full. */
    int idOf(String text) {
        String t = text == null ? "" : text;
        Integer id = ids.get(t);
        if (id != null) {
            return id;
        }
        if (texts.size() >= LIMIT) {
            return NONE;
        }
        ids.put(t, texts.size());
        texts.add(t);
        return texts.size() - 1;
    }

    int size() {
        return texts.size();
    }

    String text(int id) {
        return texts.get(id);
    }
}
