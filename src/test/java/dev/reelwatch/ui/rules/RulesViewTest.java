package dev.reelwatch.ui.rules;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.rules.RuleEngine;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.Rule;
import dev.reelwatch.store.SqliteRuleStore;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.TestCache;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rules page in a window: editing with the live preview, saving, bad input refused, switching rules off. */
class RulesViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private SqliteRuleStore rules;
    private ExecutorService background;
    private RulesViewModel vm;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        Account studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        Account desk = cache.addAccount("Desk", ProviderKind.HEDRA, false);
        cache.put(TestCache.task(studio, "t-boat", TaskStatus.SUCCEEDED, "Paper boats for Client A", "veo-3",
                NOW.minusSeconds(60)));
        cache.put(TestCache.task(studio, "t-fox", TaskStatus.SUCCEEDED, "A fox for client a", "kling",
                NOW.minusSeconds(120)));
        cache.put(TestCache.task(desk, "t-sea", TaskStatus.FAILED, "The sea for client A", "veo-3",
                NOW.minusSeconds(180)));
        cache.put(TestCache.task(desk, "t-run", TaskStatus.RUNNING, "Other work", "veo-3", NOW.minusSeconds(10)));
        rules = new SqliteRuleStore(cache.db, cache.clock);
        RuleEngine engine = new RuleEngine(rules, cache.tasks, (taskId, folder, template) -> {
            throw new AssertionError("the editor never exports");
        }, Runnable::run, ArchiveOptions.defaults(), d -> { }, a -> { });
        background = Executors.newFixedThreadPool(2);
        vm = new RulesViewModel(rules, engine, TaskExecutor.fx(background, (what, e) -> errors.add(what + ": " + e)),
                new DialogService() {
                    @Override
                    public boolean confirm(String title, String message, String details, String label) {
                        return true;
                    }

                    @Override
                    public Optional<String> askText(String title, String message, String initial) {
                        return Optional.empty();
                    }

                    @Override
                    public void showError(String title, String message, String details) {
                        errors.add(message);
                    }

                    @Override
                    public void showInfo(String title, String message) {
                    }

                    @Override
                    public Optional<Path> chooseFolder(String title, Path initial) {
                        return Optional.of(dir);
                    }

                    @Override
                    public Optional<Path> chooseFile(String title, Path initial, List<String> extensions) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Path> chooseSaveFile(String title, Path folder, String name, List<String> ext) {
                        return Optional.empty();
                    }
                });
        stage.setScene(new Scene(new RulesView(vm), 960, 720));
        stage.show();
        vm.reload();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    private String preview() {
        return onFxThread(() -> ((Label) lookup("#rule-preview").query()).getText());
    }

    private String message() {
        return onFxThread(() -> ((Label) lookup("#rule-message").query()).getText());
    }

    private void type(String id, String text) {
        interact(() -> ((TextField) lookup(id).query()).setText(""));
        clickOn(id).write(text);
    }

    @Test
    void thePreviewCountsMatchingCachedTasksWhileEditing() {
        waitUntil("first preview", () -> preview().equals("Matches 2 cached tasks now"));

        type("#rule-prompt", "CLIENT a");
        waitUntil("prompt narrows", () -> preview().equals("Matches 2 cached tasks now"));
        type("#rule-when", "succeeded, failed");
        waitUntil("a second status widens", () -> preview().equals("Matches 3 cached tasks now"));
        type("#rule-model", "veo");
        waitUntil("the model narrows", () -> preview().equals("Matches 2 cached tasks now"));
        type("#rule-account", "desk");
        waitUntil("the account narrows", () -> preview().equals("Matches 1 cached task now"));
        type("#rule-when", "succeeded, finished");
        waitUntil("an unknown status is named", () -> preview().contains("Unknown status 'finished'"));
    }

    @Test
    void savingAValidRuleListsItAndBadInputIsExplainedWithNothingSaved() throws Exception {
        type("#rule-name", "client A");
        type("#rule-add-tags", "client-a");
        clickOn("#rule-save");
        waitUntil("saved", () -> rules.byName("client a").isPresent());
        waitUntil("listed", () -> onFxThread(() -> ((ListView<?>) lookup("#rules-list").query()).getItems().size()) == 1);
        assertEquals(List.of("client-a"), rules.byName("client A").orElseThrow().actions().addTags());

        clickOn("#rules-new");
        type("#rule-name", "Client a");
        interact(() -> ((CheckBox) lookup("#rule-star").query()).setSelected(true));
        clickOn("#rule-save");
        waitUntil("duplicate refused", () -> message().contains("exists already"));

        type("#rule-name", "other");
        type("#rule-when", "done");
        clickOn("#rule-save");
        waitUntil("unknown status refused", () -> message().contains("Unknown status 'done'"));

        type("#rule-when", "succeeded");
        type("#rule-export-to", dir.resolve("missing").toString());
        clickOn("#rule-save");
        waitUntil("missing folder refused", () -> message().contains("does not exist"));

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        type("#rule-export-to", file.toString());
        clickOn("#rule-save");
        waitUntil("a file is no folder", () -> message().contains("does not exist"));
        assertEquals(1, rules.all().size(), "nothing bad was saved");
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void aRuleIsSwitchedOffFromTheListAndEditedInTheForm() {
        Rule saved = rules.add(Rule.draft("night", true, java.util.EnumSet.of(TaskStatus.FAILED),
                dev.reelwatch.store.RuleConditions.any(), new dev.reelwatch.store.RuleActions(List.of("x"), false,
                        null, null, null)));
        vm.reload();
        waitUntil("listed", () -> lookup(".rule-switch").tryQuery().isPresent());

        clickOn(".rule-switch");
        waitUntil("switched off", () -> !rules.byName("night").orElseThrow().enabled());

        interact(() -> vm.selectedProperty().set(vm.items().get(0)));
        waitUntil("the form shows it", () -> onFxThread(() -> ((TextField) lookup("#rule-when").query()).getText())
                .equals("failed"));
        waitUntil("its preview", () -> preview().equals("Matches 1 cached task now"));
        assertEquals(saved.id(), vm.items().get(0).rule().id());
    }
}
