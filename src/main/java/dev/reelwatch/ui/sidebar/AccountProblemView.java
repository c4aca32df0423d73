package dev.reelwatch.ui.sidebar;

import dev.reelwatch.ui.common.HealthLevel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The panel a failing account shows when selected in the sidebar: what failed and since when, the provider's
 * words (selectable), what to do, and the two ways out: Edit account and Retry now.
 */
public final class AccountProblemView extends VBox {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.sidebar.messages");
    private static final String CSS = Objects.requireNonNull(
            AccountProblemView.class.getResource("/dev/reelwatch/ui/sidebar/sidebar.css")).toExternalForm();

    /** How wide the panel grows at most; its holder in the main window keeps to it and takes the growth. */
    public static final double MAX_WIDTH = 760;

    /** @param onEditAccount opens the accounts dialog on this account */
    public AccountProblemView(AccountProblemViewModel vm, Consumer<Long> onEditAccount) {
        getStyleClass().add("account-problem");
        setId("accountProblem");
        getStylesheets().add(CSS);

        Region dot = new Region();
        dot.getStyleClass().add("health-dot");
        vm.levelProperty().addListener((o, was, now) -> showLevel(dot, now));
        showLevel(dot, vm.levelProperty().get());
        Label title = new Label();
        title.setId("accountProblemTitle");
        title.getStyleClass().add("account-problem-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        HBox head = new HBox(10, dot, title);
        head.setAlignment(Pos.CENTER_LEFT);

        Label since = new Label();
        since.setId("accountProblemSince");
        since.getStyleClass().add("muted");
        since.setWrapText(true);
        since.textProperty().bind(vm.sinceProperty());

        Label saidLabel = new Label(TEXT.getString("problem.words"));
        saidLabel.getStyleClass().add("account-problem-label");
        TextArea words = new TextArea();
        words.setId("accountProblemWords");
        words.getStyleClass().add("account-problem-words");
        words.setEditable(false);
        words.setWrapText(true);
        words.setPrefRowCount(3);
        words.textProperty().bind(vm.wordsProperty());

        Label hint = new Label();
        hint.setId("accountProblemHint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty());

        Button edit = new Button(TEXT.getString("problem.edit"));
        edit.setId("accountProblemEdit");
        edit.setOnAction(e -> {
            if (vm.failingProperty().get() != null) {
                onEditAccount.accept(vm.failingProperty().get().id());
            }
        });
        Button retry = new Button(TEXT.getString("problem.retry"));
        retry.setId("accountProblemRetry");
        retry.getStyleClass().add("primary");
        retry.disableProperty().bind(vm.retryingProperty());
        retry.setOnAction(e -> vm.retry());
        Label retrying = new Label(TEXT.getString("problem.retrying"));
        retrying.setId("accountProblemRetrying");
        retrying.getStyleClass().add("muted");
        retrying.visibleProperty().bind(vm.retryingProperty());
        edit.setMinWidth(Region.USE_PREF_SIZE);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, retry, edit, retrying);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(head, since, saidLabel, words, hint, buttons);
        setMaxWidth(MAX_WIDTH);
        visibleProperty().bind(vm.failingProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    private static void showLevel(Region dot, HealthLevel level) {
        for (HealthLevel l : HealthLevel.values()) {
            dot.getStyleClass().remove(l.styleClass());
        }
        dot.getStyleClass().add(level.styleClass());
    }
}
