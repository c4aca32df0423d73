package dev.reelwatch.media;

/** Why a video could not be exported, said for a person ("the link expired before it was archived"). */
public final class ExportFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportFailure(String message) {
        super(message);
    }

    public ExportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
