package dev.reelwatch.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules and the record of which tasks each one fired for. Names are unique regardless of case. Implemented
 * over SQLite by {@link SqliteRuleStore}.
 */
public interface RuleStore {

    /** Every rule, by name. */
    List<Rule> all();

    Optional<Rule> byName(String name);

    /**
     * Stores a new rule (its id and times are set here) and returns it as stored.
     *
     * @throws DuplicateRuleException when the name is taken
     */
    Rule add(Rule draft);

    /**
     * Replaces the rule with this id; enabling a disabled rule makes it active from now on.
     *
     * @throws DuplicateRuleException when the new name is another rule's
     */
    Rule update(Rule rule);

    /** Removes the rule and its firing records; false when there was none of that name. */
    boolean remove(String name);

    /** Records that the rule fired for the task; false when it had already fired for it (nothing changes). */
    boolean claimFiring(long ruleId, long taskId);

    /** Whether the rule has already fired for the task. */
    boolean hasFired(long ruleId, long taskId);

    /** How many tasks each rule has fired for, by rule id. */
    Map<Long, Integer> firedCounts();

    /** Records how the export of a firing went (state "pending", "done" or "failed"). */
    void recordExport(long ruleId, long taskId, String state, String path, String error);

    /** Firings whose export failed or never finished (a run cut short), oldest first. */
    List<RuleFiring> unfinishedExports();

    /** When each of these tasks entered its current status; tasks without a timeline are left out. */
    Map<Long, StatusEntry> statusEntries(Collection<Long> taskIds);

    /** Told after a rule was added, changed or removed. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
