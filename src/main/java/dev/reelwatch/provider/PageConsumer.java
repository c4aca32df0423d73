package dev.reelwatch.provider;

import java.util.Optional;

/**
 * Receives each page of a listing as soon as it is read, so callers can store it in one transaction. A
 * consumer may also bound the listing: {@link #stopBefore} is asked before every further page.
 */
@FunctionalInterface
public interface PageConsumer {
    void accept(TaskPage page);

    /**
     * Why no further page may be read after {@code pagesRead} pages (a page or time budget ran out), or empty
     * to go on. The listing then ends as incomplete, keeping what was delivered.
     */
    default Optional<String> stopBefore(int pagesRead) {
        return Optional.empty();
    }
}
