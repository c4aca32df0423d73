package dev.reelwatch.provider;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers one listing page by page: skips items that are not objects, have no id or were listed before,
 * says why in the page's problems, hands each page on as it is read and sums it all up in a {@link ListOutcome}.
 */
public final class PageCollector {
    /** Stops a server that keeps promising more from paging forever. */
    static final int MAX_PAGES = 10_000;

    private final ItemWords words;
    private final PageConsumer consumer;
    private final Set<String> seen = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private int pagesRead;
    private int listed;

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

    /** False once {@value #MAX_PAGES} pages were read, noting that the listing was cut short. */
    public boolean mayReadAnotherPage() {
        if (pagesRead < MAX_PAGES) {
            return true;
        }
        problem(words.provider().displayName() + " kept sending pages; stopped after " + MAX_PAGES + ".");
        return false;
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

    public ListOutcome outcome(boolean complete) {
        return new ListOutcome(listed, pagesRead, complete, problems);
    }

    /** One page being read: the tasks kept and the items skipped. */
    public final class Page {
        private final int number;
        private final List<Task> tasks = new ArrayList<>();
        private final List<String> pageProblems = new ArrayList<>();

        private Page(int number) {
            this.number = number;
        }

        /**
         * Whether the item at {@code position} (1-based) should be mapped: it is an object whose id was not
         * listed before. Otherwise the reason is noted and the item is skipped.
         */
        public boolean admits(int position, boolean isObject, String idOrNull) {
            String name = words.provider().displayName();
            String where = "page " + number + ", item " + position;
            if (!isObject) {
                pageProblems.add(name + " sent a list item that is not an object (" + where + "); skipped.");
                return false;
            }
            if (idOrNull == null) {
                pageProblems.add(name + " sent a " + words.noun() + " without " + words.idName()
                        + " (" + where + "); skipped.");
                return false;
            }
            if (!seen.add(idOrNull)) {
                pageProblems.add(name + " listed " + words.noun() + " " + idOrNull + " twice (" + where
                        + "); kept the first.");
                return false;
            }
            return true;
        }

        /** An item with an id that could not be mapped; skipped. */
        public void unreadable(String id, RuntimeException e) {
            pageProblems.add(words.provider().displayName() + " " + words.noun() + " " + id
                    + " could not be read (" + e.getMessage() + "); skipped.");
        }

        public void add(Task task) {
            tasks.add(task);
        }

        public boolean isEmpty() {
            return tasks.isEmpty();
        }

        /** Hands the page on and counts it into the listing. */
        public void deliver() {
            listed += tasks.size();
            problems.addAll(pageProblems);
            consumer.accept(new TaskPage(number, tasks, pageProblems));
        }
    }
}
