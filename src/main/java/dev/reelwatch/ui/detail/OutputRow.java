package dev.reelwatch.ui.detail;

import dev.reelwatch.core.ArchiveState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;

/**
 * One output of the shown task: what it is, its link, its place in the library, and a live countdown to the
 * link's expiry that {@link DetailViewModel#refreshCountdowns()} moves on.
 */
public final class OutputRow {
    private final String title;
    private final String url;
    private final ArchiveState archiveState;
    private final String archiveText;
    private final Instant expiresAt;
    private final ExpiryCountdown countdown;
    private final ReadOnlyStringWrapper expiryText = new ReadOnlyStringWrapper(this, "expiryText", "");
    private final ReadOnlyObjectWrapper<ExpiryUrgency> urgency =
            new ReadOnlyObjectWrapper<>(this, "urgency", ExpiryUrgency.NEVER);

    OutputRow(String title, String url, ArchiveState archiveState, String archiveText, Instant expiresAt,
              ExpiryCountdown countdown, Instant now) {
        this.title = title;
        this.url = url;
        this.archiveState = archiveState;
        this.archiveText = archiveText;
        this.expiresAt = expiresAt;
        this.countdown = countdown;
        tick(now);
    }

    void tick(Instant now) {
        expiryText.set(countdown.describe(expiresAt, now));
        urgency.set(countdown.urgency(expiresAt, now));
    }

    /** "Video 1 · video/mp4 · 2.4 MB". */
    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public ArchiveState archiveState() {
        return archiveState;
    }

    /** "Archived · 2.4 MB", "Downloading 42%", "Archiving failed: …", "Link expired before archiving". */
    public String archiveText() {
        return archiveText;
    }

    public ReadOnlyStringProperty expiryTextProperty() {
        return expiryText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExpiryUrgency> urgencyProperty() {
        return urgency.getReadOnlyProperty();
    }
}
