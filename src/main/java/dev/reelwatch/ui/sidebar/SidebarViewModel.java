package dev.reelwatch.ui.sidebar;

import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.common.HealthLevel;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.tasks.SourceFilter;
import dev.reelwatch.ui.tasks.StatusGroup;
import dev.reelwatch.ui.tasks.TagCount;
import dev.reelwatch.ui.tasks.TaskFilter;
import dev.reelwatch.ui.tasks.TaskSubset;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sidebar: all tasks, starred, the status groups with live counts, the tags, and the accounts with their
 * health. Selecting
 * a line narrows the task list; narrowing it elsewhere moves the selection to the matching line (or none).
 */
public final class SidebarViewModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.sidebar.messages");

    private final TaskListViewModel tasks;
    private final LiveAccounts accounts;
    private final RelativeTime time;
    private final ObjectProperty<SidebarSelection> selection =
            new SimpleObjectProperty<>(this, "selection", SidebarSelection.ALL);
    private final ObservableList<AccountItem> accountItems = FXCollections.observableArrayList();
    private boolean applying;

    public SidebarViewModel(TaskListViewModel tasks, LiveAccounts accounts) {
        this.tasks = tasks;
        this.accounts = accounts;
        this.time = tasks.time();
        selection.addListener((obs, was, now) -> applySelection(now));
        tasks.filterProperty().addListener((obs, was, now) -> followFilter(now));
        accounts.entries().addListener((Observable o) -> rebuildAccounts());
        tasks.accountCounts().addListener((Observable o) -> rebuildAccounts());
        rebuildAccounts();
    }

    private void applySelection(SidebarSelection s) {
        if (applying || s == null) {
            return;
        }
        applying = true;
        try {
            // Issue 15: the Failures view hides the table; one failure group narrows it (see showFailureGroup).
            if (s.isFailures()) {
                if (s.failures().isEmpty()) {
                    tasks.restrictTo(null);
                }
                return;
            }
            tasks.restrictTo(null);
            tasks.showLibrary(s.starred(), s.tag());
            if (s.starred() || s.tag() != null) {
                tasks.sourceProperty().set(SourceFilter.ALL);
                tasks.showStatuses(Set.of());
            } else if (s.group() != null) {
                tasks.sourceProperty().set(SourceFilter.ALL);
                tasks.showStatuses(s.group().statuses());
            } else if (s.accountId() != null) {
                tasks.showStatuses(Set.of());
                String name = accounts.entries().stream().filter(e -> e.id() == s.accountId())
                        .map(AccountEntry::name).findFirst().orElse("");
                tasks.sourceProperty().set(SourceFilter.account(s.accountId(), name));
            } else {
                tasks.showStatuses(Set.of());
                tasks.sourceProperty().set(SourceFilter.ALL);
            }
        } finally {
            applying = false;
        }
    }

    private void followFilter(TaskFilter f) {
        if (applying || tasks.subsetProperty().get() != null) {
            return;
        }
        SidebarSelection match = null;
        boolean library = f.starredOnly() || f.tag() != null;
        if (library) {
            if (f.source().isAll() && f.statuses().isEmpty() && (f.starredOnly() != (f.tag() != null))) {
                match = f.starredOnly() ? SidebarSelection.STARRED : SidebarSelection.tag(f.tag());
            }
        } else if (f.source().isAll()) {
            if (f.statuses().isEmpty()) {
                match = SidebarSelection.ALL;
            } else {
                for (StatusGroup g : StatusGroup.values()) {
                    if (g.statuses().equals(f.statuses())) {
                        match = SidebarSelection.group(g);
                    }
                }
            }
        } else if (f.source().accountId() != null && f.statuses().isEmpty()) {
            match = SidebarSelection.account(f.source().accountId());
        }
        applying = true;
        try {
            selection.set(match);
        } finally {
            applying = false;
        }
    }

    private void rebuildAccounts() {
        List<AccountItem> items = new ArrayList<>();
        for (AccountEntry e : accounts.entries()) {
            items.add(new AccountItem(e, tasks.accountCounts().getOrDefault(e.id(), 0), tooltip(e)));
        }
        if (!items.equals(accountItems)) {
            accountItems.setAll(items);
        }
    }

    /** Provider, state, plain HTTP, last sync, last error and next poll, one a line. */
    public String tooltip(AccountEntry e) {
        StringBuilder b = new StringBuilder();
        b.append(e.account().provider().displayName());
        if (e.account().demo()) {
            b.append(" · ").append(TEXT.getString("account.demo"));
        }
        b.append('\n').append(TEXT.getString("health." + e.level().name()));
        AccountHealth h = e.health();
        if (TransportSecurity.needsPlainHttpConsent(e.account().baseUrl())
                && (h == null || h.lastErrorKind() != ProviderErrorKind.INSECURE)) {
            b.append('\n').append(TEXT.getString("tooltip.plainHttp"));
        }
        if (h != null) {
            if (h.lastSuccess() != null) {
                b.append('\n').append(String.format(TEXT.getString("tooltip.lastSync"), time.ago(h.lastSuccess()),
                        time.exact(h.lastSuccess())));
            }
            if (h.lastErrorKind() != null) {
                b.append('\n').append(String.format(TEXT.getString("tooltip.lastError"), h.lastErrorKind().title(),
                        h.lastErrorMessage() == null ? "" : h.lastErrorMessage()));
            }
            if (h.unreadableItems() > 0) {
                b.append('\n').append(String.format(TEXT.getString(h.unreadableItems() == 1
                        ? "tooltip.unreadable.one" : "tooltip.unreadable.many"), h.unreadableItems()));
            }
            if (h.nextPoll() != null && e.level() != HealthLevel.DISABLED) {
                b.append('\n').append(String.format(TEXT.getString("tooltip.nextPoll"), time.ago(h.nextPoll())));
            }
        }
        return b.toString();
    }

    /**
     * Issue 15: the task list shows only this failure group's tasks (every other filter cleared) and the
     * sidebar marks the Failures line; choosing another line lets the group go.
     */
    public void showFailureGroup(String key, TaskSubset subset) {
        applying = true;
        try {
            tasks.clearFilters();
            tasks.restrictTo(subset);
            selection.set(SidebarSelection.failureGroup(key));
        } finally {
            applying = false;
        }
    }

    /** Removes the account from this computer (with its cached tasks); the provider keeps everything. */
    public void removeAccount(long accountId, Consumer<Throwable> onError) {
        if (selection.get() != null && Long.valueOf(accountId).equals(selection.get().accountId())) {
            selection.set(SidebarSelection.ALL);
        }
        accounts.remove(accountId, onError);
    }

    public ObjectProperty<SidebarSelection> selectionProperty() {
        return selection;
    }

    public ReadOnlyIntegerProperty countProperty(StatusGroup group) {
        return tasks.countProperty(group);
    }

    public ReadOnlyIntegerProperty allCountProperty() {
        return tasks.totalCountProperty();
    }

    public ReadOnlyIntegerProperty starredCountProperty() {
        return tasks.starredCountProperty();
    }

    /** The tags in use with their counts, alphabetical; each is a line under "Tags". */
    public ObservableList<TagCount> tagItems() {
        return tasks.tagCounts();
    }

    public ObservableList<AccountItem> accountItems() {
        return accountItems;
    }
}
