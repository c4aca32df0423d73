package dev.reelwatch.ui.status;

import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.pause.SyncPauseViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.List;
import java.util.ResourceBundle;

/** The strip at the bottom: offline chip, each account's sync dot, work in progress, last sync, task count. */
public final class StatusBarView extends HBox {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.status.messages");

    private final StatusBarViewModel vm;
    private final HBox accountsBox = new HBox(12);

    public StatusBarView(StatusBarViewModel vm) {
        this.vm = vm;
        getStyleClass().add("status-bar");
        setId("statusBar");

        Region offlineIcon = new Region();
        offlineIcon.getStyleClass().addAll("icon", "icon-offline");
        Label offlineLabel = new Label(TEXT.getString("offline"));
        HBox offline = new HBox(offlineIcon, offlineLabel);
        offline.getStyleClass().add("offline-chip");
        offline.setId("offlineIndicator");
        Tooltip.install(offline, new Tooltip(TEXT.getString("offline.tooltip")));
        offline.visibleProperty().bind(vm.offlineProperty());
        offline.managedProperty().bind(offline.visibleProperty());

        accountsBox.setAlignment(Pos.CENTER_LEFT);
        vm.accounts().addListener((Observable o) -> rebuildAccounts());
        rebuildAccounts();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label activity = new Label();
        activity.setId("activityText");
        activity.textProperty().bind(vm.activityTextProperty());

        Label lastSync = new Label();
        lastSync.setId("lastSyncText");
        lastSync.textProperty().bind(vm.lastSyncTextProperty());
        Tooltip syncTip = new Tooltip();
        syncTip.textProperty().bind(vm.lastSyncTooltipProperty());
        lastSync.setTooltip(syncTip);

        Label count = new Label();
        count.setId("taskCountText");
        count.textProperty().bind(vm.countTextProperty());

        getChildren().addAll(offline, accountsBox, spacer, activity, separator(), lastSync, separator(), count);
        addSpinnerWhenBusy(activity);

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        Timeline downloads = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.pollDownloads()));
        downloads.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                ticker.stop();
                downloads.stop();
            } else {
                ticker.play();
                downloads.play();
            }
        });
    }

    /**
     * The spinner beside the activity text, made the first time there is work to show: its skin (13 paths and
     * an endless animation) is not worth styling in the first frame, when nothing is busy yet.
     */
    private void addSpinnerWhenBusy(Label activity) {
        ChangeListener<Boolean> onBusy = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (busy) {
                    vm.busyProperty().removeListener(this);
                    ProgressIndicator spinner = new ProgressIndicator();
                    spinner.visibleProperty().bind(vm.busyProperty());
                    spinner.managedProperty().bind(spinner.visibleProperty());
                    getChildren().add(getChildren().indexOf(activity), spinner);
                }
            }
        };
        vm.busyProperty().addListener(onBusy);
        onBusy.changed(vm.busyProperty(), false, vm.busyProperty().get());
    }

    /**
     * One dot and name per account. The list changes with every sync status an account reports (its tooltip
     * says when it last synced): the chips stay and change only what they show, since new nodes (and new
     * tooltips, each a popup of its own) restyle the status bar on every sync page.
     */
    private void rebuildAccounts() {
        List<AccountEntry> entries = vm.accounts();
        while (accountsBox.getChildren().size() > entries.size()) {
            accountsBox.getChildren().remove(accountsBox.getChildren().size() - 1);
        }
        while (accountsBox.getChildren().size() < entries.size()) {
            accountsBox.getChildren().add(new AccountChip());
        }
        for (int i = 0; i < entries.size(); i++) {
            AccountEntry e = entries.get(i);
            ((AccountChip) accountsBox.getChildren().get(i)).show(e.name(), e.level().styleClass(),
                    vm.accountTooltip(e));
        }
    }

    /** An account's health dot and name, with its sync state in the tooltip. */
    private static final class AccountChip extends HBox {
        private final Region dot = new Region();
        private final Label name = new Label();
        private final Tooltip tip = new Tooltip();
        private String level = "";

        AccountChip() {
            dot.getStyleClass().add("health-dot");
            getChildren().addAll(dot, name);
            getStyleClass().add("account-state");
            Tooltip.install(this, tip);
        }

        void show(String accountName, String levelStyle, String tooltip) {
            name.setText(accountName);
            tip.setText(tooltip);
            if (!levelStyle.equals(level)) {
                dot.getStyleClass().remove(level);
                dot.getStyleClass().add(levelStyle);
                level = levelStyle;
            }
        }
    }

    // ---- issue 15: the selection ("3 selected · 1.2 GB archived"), paused accounts, "Pause all syncing" ----

    /** Adds the selection summary before the task count, the pause badge and the "Pause all syncing" toggle. */
    public void showSelectionAndPause(SelectionSummaryViewModel selection, SyncPauseViewModel pause) {
        Label selected = new Label();
        selected.setId("selectionText");
        selected.getStyleClass().add("selection-text");
        selected.textProperty().bind(selection.textProperty());
        Separator beforeCount = separator();
        selected.visibleProperty().bind(selection.textProperty().isNotEmpty());
        selected.managedProperty().bind(selected.visibleProperty());
        beforeCount.visibleProperty().bind(selected.visibleProperty());
        beforeCount.managedProperty().bind(selected.visibleProperty());
        int count = getChildren().indexOf(lookup("#taskCountText"));
        getChildren().addAll(count < 0 ? getChildren().size() : count, java.util.List.of(selected, beforeCount));

        Region pauseIcon = new Region();
        pauseIcon.getStyleClass().addAll("icon", "icon-pause");
        Label pausedLabel = new Label();
        HBox paused = new HBox(pauseIcon, pausedLabel);
        paused.setId("pausedIndicator");
        paused.getStyleClass().addAll("offline-chip", "paused-chip");
        Tooltip pausedTip = new Tooltip();
        Tooltip.install(paused, pausedTip);
        Runnable showPaused = () -> {
            var accounts = pause.pausedAccounts();
            boolean all = pause.allPausedProperty().get();
            paused.setVisible(all || !accounts.isEmpty());
            String names = String.join(", ", accounts.stream().map(AccountEntry::name).toList());
            pausedLabel.setText(all ? TEXT.getString("pauseAll.on") : accounts.size() == 1
                    ? String.format(TEXT.getString("paused.one"), names)
                    : String.format(TEXT.getString("paused.many"), accounts.size()));
            pausedTip.setText(all ? TEXT.getString("pauseAll.tooltip")
                    : String.format(TEXT.getString("paused.tooltip"), names));
        };
        paused.managedProperty().bind(paused.visibleProperty());
        paused.setOnMouseClicked(e -> {
            if (pause.allPausedProperty().get()) {
                pause.setAllPaused(false);
            }
        });
        pause.pausedAccounts().addListener((javafx.beans.Observable o) -> showPaused.run());
        pause.allPausedProperty().addListener((o, was, now) -> showPaused.run());
        showPaused.run();
        getChildren().add(1, paused);

        javafx.scene.control.ToggleButton pauseAll = new javafx.scene.control.ToggleButton(null, icon("pause"));
        pauseAll.setId("pauseAllToggle");
        pauseAll.getStyleClass().add("pause-all-toggle");
        pauseAll.setSelected(pause.allPausedProperty().get());
        pause.allPausedProperty().addListener((o, was, now) -> pauseAll.setSelected(now));
        pauseAll.setOnAction(e -> pause.setAllPaused(pauseAll.isSelected()));
        Tooltip pauseAllTip = new Tooltip();
        pauseAllTip.textProperty().bind(javafx.beans.binding.Bindings.when(pause.allPausedProperty())
                .then(TEXT.getString("pauseAll.tooltip")).otherwise(TEXT.getString("pauseAll.offTooltip")));
        pauseAll.setTooltip(pauseAllTip);
        int activity = getChildren().indexOf(lookup("#activityText"));
        getChildren().add(activity < 0 ? getChildren().size() : activity + 1, pauseAll);
    }

    private static Region icon(String name) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", "icon-" + name);
        return r;
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(14);
        return s;
    }
}
