package dev.reelwatch.media;

/** Why a download did not produce a verified file; the message is written for a person. */
public final class DownloadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether trying again can help. */
    public enum Kind {
        /** The link is dead because it expired; nothing can bring it back. */
        LINK_EXPIRED,
        /** The bytes did not match the size or SHA-256 the provider promised. */
        VERIFICATION,
        /** No room on the disk. */
        DISK_FULL,
        /** Larger than the size limit. */
        TOO_LARGE,
        /** The server or URL cannot give a video (HTML page, bad scheme, downgrade, 404…). */
        REFUSED,
        /** A cut connection, time-out or server hiccup: worth another try. */
        TRANSIENT
    }

    private final Kind kind;

    public DownloadFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DownloadFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.TRANSIENT;
    }
}
