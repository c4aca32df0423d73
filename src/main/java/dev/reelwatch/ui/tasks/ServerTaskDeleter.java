package dev.reelwatch.ui.tasks;

/**
 * Deletes a task and its files on the server that made it (MoneyPrinterTurbo only). A port: the composition
 * root supplies the provider-backed implementation; the main window calls it in the background.
 */
@FunctionalInterface
public interface ServerTaskDeleter {

    void deleteOnServer(long taskId) throws Exception;

    /** Used when no provider can delete: always refuses, with a message a person understands. */
    ServerTaskDeleter UNSUPPORTED = taskId -> {
        throw new UnsupportedOperationException("Deleting on the server is not available.");
    };
}
