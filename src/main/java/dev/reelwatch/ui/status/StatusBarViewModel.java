package dev.reelwatch.ui.status;

import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.ResourceBundle;

/**
 * The status bar: how many tasks are shown, when we last synced, whether we are offline and what the poller
 * is doing right now. {@link #tick()} refreshes the relative times.
 */
public final class StatusBarViewModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.status.messages");

    private final LiveAccounts accounts;
    private final TaskListViewModel tasks;
    private final RelativeTime time;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "");
    private final ReadOnlyStringWrapper lastSyncTooltip = new ReadOnlyStringWrapper(this, "lastSyncTooltip", "");
    private final ReadOnlyStringWrapper activityText = new ReadOnlyStringWrapper(this, "activityText", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private IntSupplier downloads = () -> 0;
    private int downloading;
    /** Accounts a manual check (F5) is waiting for, and when it began; empty when none is running. */
    private final Set<Long> checking = new HashSet<>();
    private Instant checkStarted;
    private int checkTotal;
    private boolean nothingToCheck;
    /** A check that never hears back (the provider holds us off with Retry-After) stops saying so after this. */
    static final Duration CHECK_GIVE_UP = Duration.ofMinutes(2);

    public StatusBarViewModel(LiveAccounts accounts, TaskListViewModel tasks) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.time = tasks.time();
        tasks.visibleCountProperty().addListener((Observable o) -> updateCounts());
        tasks.totalCountProperty().addListener((Observable o) -> updateCounts());
        accounts.entries().addListener((Observable o) -> {
            followCheck();
            tick();
        });
        accounts.requestsInFlightProperty().addListener((Observable o) -> updateActivity());
        updateCounts();
        tick();
    }

    /**
     * F5 was pressed: says "Checking 4 accounts…" until every enabled account has finished a pass begun after
     * now (or {@link #CHECK_GIVE_UP} passed).
     */
    public void beginCheck() {
        checking.clear();
        accounts.entries().stream().filter(e -> e.account().enabled()).forEach(e -> checking.add(e.id()));
        checkStarted = time.clock().instant();
        checkTotal = checking.size();
        nothingToCheck = checking.isEmpty();
        updateActivity();
    }

    /** Whether a manual check is still running. */
    public boolean checkRunning() {
        return !checking.isEmpty();
    }

    private void followCheck() {
        if (checking.isEmpty()) {
            return;
        }
        checking.removeIf(id -> accounts.entries().stream().filter(e -> e.id() == id).findFirst()
                .map(e -> e.health() != null && !e.health().syncing() && e.health().lastAttempt() != null
                        && !e.health().lastAttempt().isBefore(checkStarted) || !e.account().enabled())
                .orElse(true));
    }

    /** Recomputes the texts that depend on the clock. */
    public void tick() {
        Instant now = time.clock().instant();
        if (checkStarted != null && Duration.between(checkStarted, now).compareTo(CHECK_GIVE_UP) > 0) {
            checking.clear();
        }
        if (nothingToCheck && checkStarted != null && Duration.between(checkStarted, now).getSeconds() >= 5) {
            nothingToCheck = false;
        }
        Instant newest = accounts.entries().stream().map(AccountEntry::health).filter(Objects::nonNull)
                .map(AccountHealth::lastSuccess).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        lastSyncText.set(newest == null ? TEXT.getString("lastSync.never")
                : String.format(TEXT.getString("lastSync"), time.ago(newest)));
        lastSyncTooltip.set(newest == null ? "" : time.exact(newest));
        updateActivity();
    }

    private void updateCounts() {
        NumberFormat n = NumberFormat.getIntegerInstance();
        int visible = tasks.visibleCountProperty().get();
        int total = tasks.totalCountProperty().get();
        countText.set(visible == total ? String.format(TEXT.getString("count.all"), n.format(total))
                : String.format(TEXT.getString("count.filtered"), n.format(visible), n.format(total)));
    }

    /**
     * Shows the archive's downloads in progress beside the poller's work; {@code activeDownloads} is read on
     * every {@link #pollDownloads()} (cheap: a count, no I/O).
     */
    public void followDownloads(IntSupplier activeDownloads) {
        this.downloads = activeDownloads;
        pollDownloads();
    }

    /** Re-reads the number of downloads in progress; the view calls this about once a second. */
    public void pollDownloads() {
        int now = Math.max(0, downloads.getAsInt());
        if (now != downloading) {
            downloading = now;
            updateActivity();
        }
    }

    private void updateActivity() {
        int inFlight = accounts.requestsInFlightProperty().get();
        long syncing = accounts.entries().stream().filter(e -> e.health() != null && e.health().syncing()).count();
        busy.set(inFlight > 0 || syncing > 0 || downloading > 0 || !checking.isEmpty());
        List<String> parts = new ArrayList<>();
        if (!checking.isEmpty()) {
            // The check's own words say what is going on; a request count beside it would only repeat it.
            parts.add(checkTotal == 1 ? TEXT.getString("checking.one")
                    : String.format(TEXT.getString("checking.many"), checkTotal));
        } else if (nothingToCheck) {
            parts.add(TEXT.getString("checking.none"));
        } else if (inFlight > 0) {
            parts.add(String.format(TEXT.getString(inFlight == 1 ? "activity.one" : "activity.many"), inFlight));
        } else if (syncing > 0) {
            parts.add(TEXT.getString("activity.syncing"));
        }
        if (downloading > 0) {
            parts.add(String.format(TEXT.getString(downloading == 1 ? "archiving.one" : "archiving.many"),
                    downloading));
        }
        int unreadable = accounts.entries().stream().filter(e -> e.health() != null)
                .mapToInt(e -> e.health().unreadableItems()).sum();
        if (unreadable > 0) {
            parts.add(String.format(TEXT.getString(unreadable == 1 ? "unreadable.one" : "unreadable.many"),
                    unreadable));
        }
        activityText.set(String.join(" · ", parts));
    }

    public ObservableList<AccountEntry> accounts() {
        return accounts.entries();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return accounts.offlineProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTooltipProperty() {
        return lastSyncTooltip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityTextProperty() {
        return activityText.getReadOnlyProperty();
    }

    /** One line per account for the compact dot's tooltip: "name — state". */
    public String accountTooltip(AccountEntry e) {
        AccountHealth h = e.health();
        String state = TEXT.getString("health." + e.level().name());
        String last = h == null || h.lastSuccess() == null ? ""
                : " · " + String.format(TEXT.getString("lastSync"), time.ago(h.lastSuccess()));
        String error = h == null || h.lastErrorKind() == null ? ""
                : "\n" + h.lastErrorKind().title() + (h.lastErrorMessage() == null ? "" : ": " + h.lastErrorMessage());
        return e.name() + " — " + state + last + error;
    }
}
