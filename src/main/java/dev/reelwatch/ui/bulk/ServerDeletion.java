package dev.reelwatch.ui.bulk;

/** Deletes one task and its files on the server that made it (the composition root supplies it). */
@FunctionalInterface
public interface ServerDeletion {

    void deleteOnServer(long taskId) throws Exception;
}
