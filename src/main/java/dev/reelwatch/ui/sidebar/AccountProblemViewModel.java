package dev.reelwatch.ui.sidebar;

import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.common.HealthLevel;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The problem panel of a failing account selected in the sidebar: what failed, since when, the provider's own
 * words and what to do, with Edit account and Retry now. Shown instead of an empty task list.
 */
public final class AccountProblemViewModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.sidebar.messages");

    private final SidebarViewModel sidebar;
    private final LiveAccounts accounts;
    private final RelativeTime time;
    private final Consumer<Long> retryAccount;
    private final ReadOnlyObjectWrapper<AccountEntry> failing = new ReadOnlyObjectWrapper<>(this, "failing");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper since = new ReadOnlyStringWrapper(this, "since", "");
    private final ReadOnlyStringWrapper words = new ReadOnlyStringWrapper(this, "words", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyObjectWrapper<HealthLevel> level = new ReadOnlyObjectWrapper<>(this, "level",
            HealthLevel.ERROR);
    private final ReadOnlyBooleanWrapper retrying = new ReadOnlyBooleanWrapper(this, "retrying");
    private Instant retryAfterAttempt;
    private Long retryingAccount;

    /** @param retryAccount runs a pass of this account now (the poller's refreshAccount) */
    public AccountProblemViewModel(SidebarViewModel sidebar, LiveAccounts accounts, RelativeTime time,
                                   Consumer<Long> retryAccount) {
        this.sidebar = sidebar;
        this.accounts = accounts;
        this.time = time;
        this.retryAccount = retryAccount;
        sidebar.selectionProperty().addListener((o, was, now) -> update());
        accounts.entries().addListener((Observable o) -> update());
        update();
    }

    /** Recomputes the texts (the view calls this on its clock tick, so "2 min ago" stays true). */
    public void update() {
        SidebarSelection s = sidebar.selectionProperty().get();
        AccountEntry entry = s == null || s.accountId() == null ? null : accounts.entries().stream()
                .filter(e -> e.id() == s.accountId()).findFirst().orElse(null);
        AccountHealth h = entry == null ? null : entry.health();
        boolean failingNow = entry != null && entry.account().enabled() && h != null && h.lastErrorKind() != null;
        if (retryingAccount != null && (entry == null || entry.id() != retryingAccount || h == null
                || (h.lastAttempt() != null && !h.syncing()
                && !Objects.equals(h.lastAttempt(), retryAfterAttempt)))) {
            retryingAccount = null;
            retrying.set(false);
        }
        if (!failingNow) {
            failing.set(null);
            return;
        }
        level.set(entry.level());
        title.set(String.format(TEXT.getString("problem.title"), h.lastErrorKind().title(), entry.name()
                + " (" + entry.account().provider().displayName() + ")"));
        String sinceText = h.lastSuccess() == null ? TEXT.getString("problem.since.never")
                : String.format(TEXT.getString("problem.since.lastSuccess"), time.ago(h.lastSuccess()),
                time.exact(h.lastSuccess()));
        if (h.lastAttempt() != null) {
            sinceText += " " + String.format(TEXT.getString("problem.lastTried"), time.ago(h.lastAttempt()));
        }
        since.set(sinceText);
        words.set(h.lastErrorMessage() == null || h.lastErrorMessage().isBlank() ? TEXT.getString("problem.noWords")
                : h.lastErrorMessage());
        hint.set(TEXT.getString("hint." + h.lastErrorKind().name()));
        failing.set(entry);
    }

    /** "Retry now": a pass of the account at once; the panel says "Trying again…" until it has ended. */
    public void retry() {
        AccountEntry e = failing.get();
        if (e == null) {
            return;
        }
        retryingAccount = e.id();
        retryAfterAttempt = e.health() == null ? null : e.health().lastAttempt();
        retrying.set(true);
        retryAccount.accept(e.id());
    }

    /** The failing account selected in the sidebar; null when the selection is not a failing account. */
    public ReadOnlyObjectProperty<AccountEntry> failingProperty() {
        return failing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinceProperty() {
        return since.getReadOnlyProperty();
    }

    /** The provider's own words (the last error message), verbatim. */
    public ReadOnlyStringProperty wordsProperty() {
        return words.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The colour of the panel's dot: the same {@link HealthLevel} the sidebar and status bar show. */
    public ReadOnlyObjectProperty<HealthLevel> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }
}
