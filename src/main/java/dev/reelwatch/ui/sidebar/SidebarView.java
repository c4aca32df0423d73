package dev.reelwatch.ui.sidebar;

import dev.reelwatch.ui.pause.SyncPauseViewModel;
import dev.reelwatch.ui.tasks.StatusGroup;
import dev.reelwatch.ui.common.DialogService;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/** The source list on the left: all tasks, starred, status groups with counts, tags, accounts with health dots. */
public final class SidebarView extends ScrollPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.sidebar.messages");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final String LIBRARY_CSS = java.util.Objects.requireNonNull(
            SidebarView.class.getResource("/dev/reelwatch/ui/library/library.css")).toExternalForm();

    private final SidebarViewModel vm;
    private final Consumer<Long> onEditAccount;
    private final Runnable onAddAccount;
    private final VBox accountsBox = new VBox(2);
    private final VBox tagsBox = new VBox(2);
    private final Label tagsSection = section("section.tags");
    private final List<Row> rows = new ArrayList<>();
    private final List<AccountLine> accountLines = new ArrayList<>();
    /** Issue 15: pausing from the account's context menu; null until the composition root hands it in. */
    private SyncPauseViewModel pause;
    private Label failuresCount;

    /** One selectable line and what selecting it means. */
    private record Row(HBox node, SidebarSelection selection) {
    }

    private final DialogService dialogs;

    public SidebarView(SidebarViewModel vm, Runnable onAddAccount, Consumer<Long> onEditAccount,
                       DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.onAddAccount = onAddAccount;
        this.onEditAccount = onEditAccount;
        getStyleClass().add("sidebar-scroll");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(200);

        VBox content = new VBox(2);
        content.getStyleClass().add("sidebar");
        content.getChildren().add(section("section.library"));
        content.getChildren().add(selectable(line(icon("all"), TEXT.getString("all"), count(vm.allCountProperty()), null),
                SidebarSelection.ALL, "sidebar-all"));
        content.getChildren().add(selectable(line(icon("star"), TEXT.getString("starred"),
                count(vm.starredCountProperty()), null), SidebarSelection.STARRED, "sidebar-starred"));
        for (StatusGroup g : StatusGroup.values()) {
            content.getChildren().add(selectable(line(icon(g.name().toLowerCase(Locale.ROOT)),
                            TEXT.getString("group." + g.name()), count(vm.countProperty(g)), null),
                    SidebarSelection.group(g), "sidebar-" + g.name().toLowerCase(Locale.ROOT)));
        }
        // Issue 15: the failed tasks grouped by cause.
        content.getChildren().add(selectable(line(icon("failures"), TEXT.getString("failures"),
                countLabel(0), null), SidebarSelection.FAILURES, "sidebar-failures"));
        failuresCount = (Label) ((HBox) content.getChildren().get(content.getChildren().size() - 1))
                .getChildren().get(3);
        failuresCount.setVisible(false);
        content.getChildren().addAll(tagsSection, tagsBox);
        content.getChildren().add(section("section.accounts"));
        content.getChildren().add(accountsBox);
        Button add = new Button(TEXT.getString("account.add"), icon("plus"));
        add.getStyleClass().add("sidebar-add");
        add.setOnAction(e -> onAddAccount.run());
        content.getChildren().add(add);
        setContent(content);

        getStylesheets().add(LIBRARY_CSS);
        vm.accountItems().addListener((Observable o) -> updateAccounts());
        vm.tagItems().addListener((Observable o) -> rebuildTags());
        rebuildTags();
        vm.selectionProperty().addListener((obs, was, now) -> showSelection());
        rebuildAccounts();
    }

    /** One line per tag in use; the section hides while there is none. */
    private void rebuildTags() {
        rows.removeIf(r -> r.selection().tag() != null);
        tagsBox.getChildren().clear();
        boolean any = !vm.tagItems().isEmpty();
        tagsSection.setVisible(any);
        tagsSection.setManaged(any);
        for (var item : vm.tagItems()) {
            HBox line = line(icon("tag"), item.tag(), countLabel(item.count()), null);
            tagsBox.getChildren().add(selectable(line, SidebarSelection.tag(item.tag()),
                    "sidebar-tag-" + item.tag().replaceAll("[^\\p{Alnum}]", "_")));
        }
        showSelection();
    }

    /** An account's line as built, with the parts a count or health change updates in place. */
    private record AccountLine(AccountItem item, Region dot, Label count, Tooltip tip) {
    }

    /**
     * The account list changed. While a sync runs it changes with every page (the counts): the lines are then
     * updated in place, since building them again would restyle the whole sidebar each time.
     */
    private void updateAccounts() {
        List<AccountItem> items = vm.accountItems();
        boolean sameLines = items.size() == accountLines.size() && !items.isEmpty();
        for (int i = 0; sameLines && i < items.size(); i++) {
            AccountItem was = accountLines.get(i).item();
            AccountItem now = items.get(i);
            sameLines = was.id() == now.id() && was.name().equals(now.name()) && was.demo() == now.demo()
                    && was.entry().paused() == now.entry().paused();
        }
        if (!sameLines) {
            rebuildAccounts();
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            AccountLine line = accountLines.get(i);
            AccountItem now = items.get(i);
            if (now.taskCount() != line.item().taskCount()) {
                line.count().setText(formatCount(now.taskCount()));
            }
            if (now.level() != line.item().level()) {
                line.dot().getStyleClass().setAll("health-dot", now.level().styleClass());
            }
            if (!now.tooltip().equals(line.item().tooltip())) {
                line.tip().setText(now.tooltip());
            }
            accountLines.set(i, new AccountLine(now, line.dot(), line.count(), line.tip()));
        }
    }

    private void rebuildAccounts() {
        accountLines.clear();
        rows.removeIf(r -> r.selection().accountId() != null);
        accountsBox.getChildren().clear();
        if (vm.accountItems().isEmpty()) {
            Label none = new Label(TEXT.getString("account.none"));
            none.getStyleClass().addAll("muted");
            none.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
            accountsBox.getChildren().add(none);
        }
        for (AccountItem item : vm.accountItems()) {
            Region dot = new Region();
            dot.getStyleClass().addAll("health-dot", item.level().styleClass());
            Label badge = null;
            // The badge marks simulated accounts; a name that already says "Demo" needs no second label.
            if (item.demo() && !item.name().toLowerCase(Locale.ROOT).contains(TEXT.getString("account.demo")
                    .toLowerCase(Locale.ROOT))) {
                badge = new Label(TEXT.getString("account.demo"));
                badge.getStyleClass().add("demo-badge");
                badge.setMinWidth(Region.USE_PREF_SIZE);
            }
            if (item.entry().paused()) {
                badge = new Label(TEXT.getString("account.paused"));
                badge.getStyleClass().add("paused-badge");
                badge.setMinWidth(Region.USE_PREF_SIZE);
            }
            Label count = countLabel(item.taskCount());
            HBox line = line(dot, item.name(), count, badge);
            if (item.entry().paused()) {
                line.getStyleClass().add("paused");
            }
            Tooltip tip = new Tooltip(item.tooltip());
            tip.setShowDelay(Duration.millis(300));
            Tooltip.install(line, tip);
            accountLines.add(new AccountLine(item, dot, count, tip));
            MenuItem edit = new MenuItem(TEXT.getString("account.edit"));
            edit.setOnAction(e -> onEditAccount.accept(item.id()));
            MenuItem remove = new MenuItem(TEXT.getString("account.remove"));
            remove.setOnAction(e -> confirmRemove(item));
            ContextMenu menu = new ContextMenu(edit, remove);
            if (pause != null) {
                boolean paused = item.entry().paused();
                MenuItem toggle = new MenuItem(TEXT.getString(paused ? "account.resume" : "account.pause"));
                toggle.setId(paused ? "account-resume" : "account-pause");
                toggle.setOnAction(e -> pause.setPaused(item.id(), !paused));
                menu.getItems().add(0, toggle);
                menu.getItems().add(1, new javafx.scene.control.SeparatorMenuItem());
            }
            line.setOnContextMenuRequested(e -> menu.show(line, e.getScreenX(), e.getScreenY()));
            accountsBox.getChildren().add(selectable(line, SidebarSelection.account(item.id()),
                    "sidebar-account-" + item.id()));
        }
        showSelection();
    }

    /** Issue 15: adds Pause/Resume syncing to each account's context menu. */
    public void setPauseActions(SyncPauseViewModel pauseActions) {
        this.pause = pauseActions;
        rebuildAccounts();
    }

    /** Issue 15: the number of failure groups beside "Failures" (hidden at zero). */
    public void showFailureGroupCount(javafx.beans.value.ObservableIntegerValue groups) {
        failuresCount.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> formatCount(groups.get()), groups));
        failuresCount.visibleProperty().bind(javafx.beans.binding.Bindings.greaterThan(groups, 0));
    }

    private void confirmRemove(AccountItem item) {
        if (dialogs.confirm(TEXT.getString("remove.title"), String.format(TEXT.getString("remove.header"), item.name()),
                String.format(TEXT.getString("remove.content"), item.taskCount(),
                        item.entry().account().provider().displayName()), TEXT.getString("remove.confirm"))) {
            vm.removeAccount(item.id(), error -> dialogs.showError(TEXT.getString("remove.title"),
                    String.valueOf(error.getMessage()), ""));
        }
    }

    private Node selectable(HBox line, SidebarSelection selection, String id) {
        line.setId(id);
        line.getStyleClass().add("sidebar-row");
        line.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                vm.selectionProperty().set(selection);
            }
        });
        rows.add(new Row(line, selection));
        line.pseudoClassStateChanged(SELECTED, selection.equals(vm.selectionProperty().get()));
        return line;
    }

    private void showSelection() {
        for (Row r : rows) {
            SidebarSelection now = vm.selectionProperty().get();
            // A failure group chosen in the Failures view keeps the Failures line marked.
            boolean failures = now != null && now.isFailures() && r.selection().isFailures();
            r.node().pseudoClassStateChanged(SELECTED, failures || r.selection().equals(now));
        }
    }

    private static HBox line(Node graphic, String text, Label count, Label badge) {
        Label label = new Label(text);
        label.getStyleClass().add("sidebar-label");
        label.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(graphic, label);
        if (badge != null) {
            box.getChildren().add(badge);
        }
        box.getChildren().addAll(spacer, count);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label count(javafx.beans.value.ObservableNumberValue value) {
        Label l = countLabel(value.intValue());
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> formatCount(value.intValue()), value));
        return l;
    }

    private static String formatCount(int n) {
        return java.text.NumberFormat.getIntegerInstance().format(n);
    }

    private static Label countLabel(int n) {
        Label l = new Label(formatCount(n));
        l.getStyleClass().add("count");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String key) {
        Label l = new Label(TEXT.getString(key).toUpperCase(Locale.ROOT));
        l.getStyleClass().add("sidebar-section");
        return l;
    }

    private static Region icon(String name) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", "icon-" + name);
        return r;
    }
}
