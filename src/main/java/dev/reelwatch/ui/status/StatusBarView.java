package dev.reelwatch.ui.status;

import dev.reelwatch.ui.common.AccountEntry;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
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

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
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

        getChildren().addAll(offline, accountsBox, spacer, spinner, activity, separator(), lastSync, separator(),
                count);

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

    private void rebuildAccounts() {
        accountsBox.getChildren().clear();
        for (AccountEntry e : vm.accounts()) {
            Region dot = new Region();
            dot.getStyleClass().addAll("health-dot", e.level().styleClass());
            Label name = new Label(e.name());
            HBox box = new HBox(dot, name);
            box.getStyleClass().add("account-state");
            Tooltip.install(box, new Tooltip(vm.accountTooltip(e)));
            accountsBox.getChildren().add(box);
        }
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(14);
        return s;
    }
}
