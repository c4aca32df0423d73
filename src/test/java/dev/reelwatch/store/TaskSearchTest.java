package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.reelwatch.store.StoreFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskSearchTest {
    @TempDir
    Path dir;

    private StoreFixture store;
    private Account account;

    @BeforeEach
    void fill() {
        store = new StoreFixture(dir);
        account = store.account("main");
        store.tasks.upsert(account.id(), List.of(
                task("video_6f1c2a-9b3e-44d0", TaskStatus.SUCCEEDED, 1)
                        .prompt("A red fox runs through a snowy forest at dawn").model("veo-3").build(),
                task("video_77aa01-0000-1111", TaskStatus.FAILED, 2)
                        .prompt("Drone shot over a café in Paris, \"golden hour\"").model("sora-2").build(),
                task("job-3", TaskStatus.SUCCEEDED, 3)
                        .prompt("Ein Fuchs im Schnee 🦊 slow-motion").model("kling-1.6").build(),
                task("job-4", TaskStatus.RUNNING, 4).prompt(null).model(null).build()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void promptWordsMatchByPrefixAndAllMustMatch() {
        assertEquals(List.of("video_6f1c2a-9b3e-44d0"), search("fox"));
        assertEquals(List.of("video_6f1c2a-9b3e-44d0"), search("sno for"));
        assertEquals(List.of(), search("fox paris"));
        assertEquals(List.of("job-3", "video_6f1c2a-9b3e-44d0"), search("F"), "case-insensitive prefix");
    }

    @Test
    void modelNamesAreSearchable() {
        assertEquals(List.of("video_77aa01-0000-1111"), search("sora"));
        assertEquals(List.of("job-3"), search("kling-1.6"));
    }

    @Test
    void providerIdsAreFoundByPrefixDashesAndAll() {
        assertEquals(List.of("video_6f1c2a-9b3e-44d0"), search("video_6f1c2a-9b"));
        assertEquals(List.of("video_77aa01-0000-1111", "video_6f1c2a-9b3e-44d0"), search("video_"));
        assertEquals(List.of("job-4"), search("job-4"));
    }

    @Test
    void accentsAndEmojiAreMatched() {
        assertEquals(List.of("video_77aa01-0000-1111"), search("cafe"));
        assertEquals(List.of("video_77aa01-0000-1111"), search("Café"));
        assertEquals(List.of("job-3"), search("🦊"));
        assertEquals(List.of("job-3"), search("schnee 🦊"));
    }

    @Test
    void quotesAndSearchOperatorsAreJustText() {
        assertEquals(List.of("video_77aa01-0000-1111"), search("\"golden hour\""));
        assertEquals(List.of("video_77aa01-0000-1111"), search("\"golden"));
        for (String nasty : List.of("\"", "\"\"\"", "fox OR", "NOT fox", "AND", "fox*", "(fox", "fox)", "NEAR(fox",
                "^fox", "col:fox", "prompt:fox", "-", "'", "\\", "{fox}", "fox + sora", "🦊🦊🦊", "\u0000", "%_")) {
            store.tasks.query(new TaskQuery(null, null, nasty, 0, 0, false));
            store.tasks.count(new TaskQuery(null, null, nasty, 0, 0, false));
        }
        assertEquals(List.of("video_6f1c2a-9b3e-44d0"), search("(fox)"));
        assertEquals(List.of(), search("NOT fox"), "NOT is a word to look for, not an operator");
    }

    @Test
    void textWithNothingSearchableFiltersNothing() {
        assertEquals(4, search("  ").size());
        assertEquals(4, search("\" - ()").size());
    }

    @Test
    void searchCombinesWithStatusAndAccountFilters() {
        assertEquals(List.of("job-3"),
                ids(new TaskQuery(Set.of(TaskStatus.SUCCEEDED), account.id(), "schnee", 0, 0, false)));
        assertEquals(List.of(), ids(new TaskQuery(Set.of(TaskStatus.FAILED), null, "fox", 0, 0, false)));
        assertEquals(1, store.tasks.count(new TaskQuery(null, account.id(), "café", 0, 0, false)));
    }

    @Test
    void changedPromptsAreSearchedByTheirNewText() {
        store.tasks.upsert(account.id(), List.of(task("job-4", TaskStatus.SUCCEEDED, 4)
                .prompt("Whale breaching").build()));

        assertEquals(List.of("job-4"), search("whale"));
    }

    private List<String> search(String text) {
        return ids(new TaskQuery(null, null, text, 0, 0, false));
    }

    private List<String> ids(TaskQuery query) {
        return store.tasks.query(query).stream().map(t -> t.task().providerTaskId()).toList();
    }
}
