package dev.reelwatch.ui.detail;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ExpirySource;
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
    private final ExpirySource expirySource;
    private final String expirySourceText;
    private final boolean serverSaidExpired;
    private final String serverSaidText;
    private final ExpiryCountdown countdown;
    private final ReadOnlyStringWrapper expiryText = new ReadOnlyStringWrapper(this, "expiryText", "");
    private final ReadOnlyObjectWrapper<ExpiryUrgency> urgency =
            new ReadOnlyObjectWrapper<>(this, "urgency", ExpiryUrgency.NEVER);

    /**
     * @param serverSaidText when a server's answer said the link is gone, the words for it (the countdown then
     *                       stops); "" for a file never requested (a refused path: no countdown); null otherwise
     */
    OutputRow(String title, String url, ArchiveState archiveState, String archiveText, Instant expiresAt,
              ExpirySource expirySource, String expirySourceText, String serverSaidText, ExpiryCountdown countdown,
              Instant now) {
        this.title = title;
        this.url = url;
        this.archiveState = archiveState;
        this.archiveText = archiveText;
        this.expiresAt = expiresAt;
        this.expirySource = expirySource;
        this.expirySourceText = expirySourceText;
        this.serverSaidExpired = serverSaidText != null;
        this.serverSaidText = serverSaidText;
        this.countdown = countdown;
        tick(now);
    }

    void tick(Instant now) {
        if (serverSaidExpired) {
            expiryText.set(serverSaidText);
            urgency.set(serverSaidText.isEmpty() ? ExpiryUrgency.NEVER : ExpiryUrgency.EXPIRED);
            return;
        }
        expiryText.set(countdown.describe(expiresAt, expirySource, now));
        urgency.set(countdown.urgency(expiresAt, expirySource, now));
    }

    /** "expiry stated by the provider", "expiry inferred", or "" when the link has no expiry. */
    public String expirySourceText() {
        return expirySourceText;
    }

    /** Who gave the link's expiry: the provider, or Reelwatch's inference; null when it has none. */
    public ExpirySource expirySource() {
        return expirySource;
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
