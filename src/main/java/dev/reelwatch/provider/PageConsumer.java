package dev.reelwatch.provider;

/** Receives each page of a listing as soon as it is read, so callers can store it in one transaction. */
@FunctionalInterface
public interface PageConsumer {
    void accept(TaskPage page);
}
