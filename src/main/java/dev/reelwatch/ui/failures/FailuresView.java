package dev.reelwatch.ui.failures;

import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The Failures view: one card per group of failed tasks (count, cause in plain words, the provider's message,
 * who and when, a 30-day bar trend); clicking a card or "Show tasks" narrows the task list to it.
 */
public final class FailuresView extends StackPane {
    private static final ResourceBundle TEXT = FailuresViewModel.TEXT;
    private static final double TREND_HEIGHT = 28;

    private final FailuresViewModel vm;
    private final VBox cards = new VBox(10);
    private final VBox empty = new VBox(6);

    public FailuresView(FailuresViewModel vm) {
        this.vm = vm;
        setId("failuresView");
        getStyleClass().add("failures-view");
        getStylesheets().add(Objects.requireNonNull(
                FailuresView.class.getResource("/dev/reelwatch/ui/failures/failures.css")).toExternalForm());

        Label heading = new Label(TEXT.getString("heading"));
        heading.getStyleClass().add("failures-heading");
        Label sub = new Label(TEXT.getString("subheading"));
        sub.getStyleClass().add("muted");
        sub.setWrapText(true);
        Label summary = new Label();
        summary.setId("failuresSummary");
        summary.getStyleClass().add("failures-summary");
        summary.textProperty().bind(vm.summaryProperty());
        VBox header = new VBox(4, heading, sub, summary);
        header.getStyleClass().add("failures-header");

        Label emptyTitle = new Label(TEXT.getString("empty.title"));
        emptyTitle.getStyleClass().add("failures-empty-title");
        Label emptyBody = new Label(TEXT.getString("empty.body"));
        emptyBody.getStyleClass().add("muted");
        empty.getChildren().addAll(emptyTitle, emptyBody);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("failures-empty");

        cards.getStyleClass().add("failures-cards");
        VBox content = new VBox(14, header, cards, empty);
        content.getStyleClass().add("failures-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("failures-scroll");
        getChildren().add(scroll);

        vm.items().addListener((Observable o) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        cards.getChildren().clear();
        boolean none = vm.items().isEmpty();
        empty.setVisible(none);
        empty.setManaged(none);
        for (FailureItem item : vm.items()) {
            cards.getChildren().add(card(item));
        }
    }

    private HBox card(FailureItem item) {
        NumberFormat n = NumberFormat.getIntegerInstance();
        Label count = new Label(n.format(item.count()));
        count.getStyleClass().add("failure-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(count, new Tooltip(String.format(TEXT.getString("count.tooltip"), item.count(),
                item.recentCount())));

        Label cause = new Label(item.causeText());
        cause.getStyleClass().add("failure-cause");
        cause.setWrapText(true);
        Label inferred = new Label(TEXT.getString("inferred"));
        inferred.getStyleClass().addAll("muted", "failure-inferred");
        inferred.setMinWidth(Region.USE_PREF_SIZE);
        HBox causeLine = new HBox(8, cause, inferred);
        causeLine.setAlignment(Pos.BASELINE_LEFT);

        Label code = new Label(item.title());
        code.getStyleClass().add("failure-code");
        Label message = new Label(item.providerMessage());
        message.getStyleClass().add("failure-message");
        message.setWrapText(true);
        Label details = new Label(item.details());
        details.getStyleClass().addAll("muted", "failure-details");
        details.setWrapText(true);
        VBox text = new VBox(3, causeLine, code, message, details);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);

        HBox bars = new HBox(2);
        bars.getStyleClass().add("failure-trend");
        bars.setAlignment(Pos.BOTTOM_LEFT);
        bars.setMinHeight(TREND_HEIGHT);
        bars.setPrefHeight(TREND_HEIGHT);
        bars.setMaxHeight(TREND_HEIGHT);
        int peak = item.trendPeak();
        for (int day : item.lastThirtyDays()) {
            Region bar = new Region();
            bar.getStyleClass().add(day == 0 ? "trend-bar-empty" : "trend-bar");
            double h = day == 0 ? 2 : Math.max(4, TREND_HEIGHT * day / peak);
            bar.setMinSize(4, h);
            bar.setPrefSize(4, h);
            bar.setMaxSize(4, h);
            bars.getChildren().add(bar);
        }
        Label trendLabel = new Label(TEXT.getString("trend"));
        trendLabel.getStyleClass().addAll("muted", "failure-trend-label");
        Button show = new Button(TEXT.getString("show"));
        show.getStyleClass().add("failure-show");
        show.setOnAction(e -> vm.choose(item));
        VBox right = new VBox(4, bars, trendLabel, show);
        right.setAlignment(Pos.TOP_RIGHT);
        right.setMinWidth(Region.USE_PREF_SIZE);

        HBox card = new HBox(14, count, text, right);
        card.getStyleClass().add("failure-card");
        card.setId("failure-" + Integer.toHexString(item.group().key().hashCode()));
        card.setFocusTraversable(true);
        card.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.choose(item);
            }
        });
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.choose(item);
                e.consume();
            }
        });
        return card;
    }
}
