package dev.reelwatch.core;

/** Why a task failed, in the provider's words. Either part may be empty, never null. */
public record TaskError(String code, String message) {

    public TaskError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }
}
