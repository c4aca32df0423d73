package dev.reelwatch.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Gathers one listing page by page: maps every item on its own (one that cannot be read is skipped and
 * counted, never the page), skips items that are not objects, have no id or were listed before, stops a
 * server that keeps sending the same page, asks the consumer's budget before each page, hands each
 * page on as it is read and sums it all up in a {@link ListOutcome}.
 */
public final class PageCollector {
    /** Stops a server that keeps promising more from paging forever, whatever the consumer's own budget. */
    static final int MAX_PAGES = 10_000;

    private final ItemWords words;
    private final PageConsumer consumer;
    private final Set<String> seen = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final Set<String> unreadableIds = new LinkedHashSet<>();
    private int unidentified;
    private int pagesRead;
    private int listed;
    private String stoppedBecause;
    private String repeatedPage;

    public PageCollector(ItemWords words, PageConsumer consumer) {
        this.words = words;
        this.consumer = consumer;
    }

    /** How a provider's items are named in problem reports: "MeshAPI listed task t1 twice", "… without a task_id". */
    public record ItemWords(ProviderKind provider, String noun, String idName) {

        /** An item called {@code noun} whose id field is "an id". */
        public static ItemWords of(ProviderKind provider, String noun) {
            return new ItemWords(provider, noun, "an id");
        }
    }

    /**
     * False once paging must stop: the last page brought nothing new, the consumer's budget ran out, or
     * {@value #MAX_PAGES} pages were read. The reason is noted and the listing is cut short.
     */
    public boolean mayReadAnotherPage() {
        if (stoppedBecause != null) {
            return false;
        }
        if (repeatedPage != null) {
            stop(repeatedPage);
            return false;
        }
        if (pagesRead >= MAX_PAGES) {
            stop(words.provider().displayName() + " kept sending pages; stopped after " + MAX_PAGES
                    + ". What was read is kept.");
            return false;
        }
        Optional<String> budget = consumer.stopBefore(pagesRead);
        if (budget.isPresent()) {
            stop(budget.get());
            return false;
        }
        return true;
    }

    /** Whether paging was stopped before the provider's last page (see {@link #mayReadAnotherPage}). */
    public boolean wasStopped() {
        return stoppedBecause != null;
    }

    private void stop(String why) {
        stoppedBecause = why;
        problems.add(why);
    }

    /** Starts the next page, once its answer has been read. */
    public Page nextPage() {
        return new Page(++pagesRead);
    }

    /** A problem of the listing as a whole (not of one item). */
    public void problem(String text) {
        problems.add(text);
    }

    public int pagesRead() {
        return pagesRead;
    }

    /** How many different ids the listing has shown so far, kept or filtered out. */
    public int distinctIds() {
        return seen.size();
    }

    /** The outcome; a listing that was stopped early is never complete, whatever the caller thought. */
    public ListOutcome outcome(boolean complete) {
        return new ListOutcome(listed, pagesRead, complete && stoppedBecause == null, problems, unreadable,
                unreadableIds, unidentified, Optional.ofNullable(stoppedBecause));
    }

    /** One page being read: the tasks kept and the items skipped. */
    public final class Page {
        private final int number;
        private final List<Task> tasks = new ArrayList<>();
        private final List<String> pageProblems = new ArrayList<>();
        private int items;
        private int repeats;

        private Page(int number) {
            this.number = number;
        }

        /**
         * Admits the item at {@code position} (1-based) and maps it on its own: a mapping that throws skips
         * this item alone, counted as unreadable; a task {@code wanted} rejects is left out silently.
         */
        public void offer(int position, JsonNode item, String idOrNull, Function<JsonNode, Task> mapping,
                          Predicate<Task> wanted) {
            boolean isObject = item != null && item.isObject();
            if (!admits(position, isObject, idOrNull)) {
                return;
            }
            Task task;
            try {
                task = mapping.apply(item);
            } catch (RuntimeException e) {
                unreadable(idOrNull, e);
                return;
            }
            if (task != null && wanted.test(task)) {
                add(task);
            }
        }

        /** {@link #offer(int, JsonNode, String, Function, Predicate)} keeping every mapped task. */
        public void offer(int position, JsonNode item, String idOrNull, Function<JsonNode, Task> mapping) {
            offer(position, item, idOrNull, mapping, t -> true);
        }

        /**
         * Whether the item at {@code position} (1-based) should be mapped: it is an object whose id was not
         * listed before. Otherwise the reason is noted and the item is skipped.
         */
        public boolean admits(int position, boolean isObject, String idOrNull) {
            items++;
            String name = words.provider().displayName();
            String where = "page " + number + ", item " + position;
            if (!isObject) {
                skippedUnidentified(name + " sent a list item that is not an object (" + where + "); skipped.");
                return false;
            }
            if (idOrNull == null) {
                skippedUnidentified(name + " sent a " + words.noun() + " without " + words.idName()
                        + " (" + where + "); skipped.");
                return false;
            }
            if (!seen.add(idOrNull)) {
                repeats++;
                pageProblems.add(name + " listed " + words.noun() + " " + idOrNull + " twice (" + where
                        + "); kept the first.");
                return false;
            }
            return true;
        }

        private void skippedUnidentified(String text) {
            unidentified++;
            unreadable.add(text);
            pageProblems.add(text);
        }

        /** An item with an id that could not be mapped; skipped, and its id counts as listed. */
        public void unreadable(String id, RuntimeException e) {
            String text = words.noun() + " " + id + " (" + HttpTransport.shorten(String.valueOf(e.getMessage()))
                    + ")";
            unreadableIds.add(id);
            unreadable.add(text);
            pageProblems.add(words.provider().displayName() + " " + text + " could not be read; skipped.");
        }

        public void add(Task task) {
            tasks.add(task);
        }

        public boolean isEmpty() {
            return tasks.isEmpty();
        }

        /**
         * Hands the page on and counts it into the listing. A page whose every item was listed before means
         * the server ignores our paging (or repeats itself): no further page is read.
         */
        public void deliver() {
            listed += tasks.size();
            problems.addAll(pageProblems);
            consumer.accept(new TaskPage(number, tasks, pageProblems));
            if (items > 0 && repeats == items) {
                repeatedPage = words.provider().displayName() + ": the server keeps returning the same page (page "
                        + number + " held only " + words.noun() + "s already listed); stopped listing there. What"
                        + " was read is kept.";
            }
        }
    }
}
