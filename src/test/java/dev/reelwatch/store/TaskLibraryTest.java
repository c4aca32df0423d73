package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.reelwatch.store.StoreFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The personal library: stars, notes and tags are the user's own, searchable, filterable and sync-proof. */
class TaskLibraryTest {
    @TempDir
    Path dir;

    private StoreFixture store;
    private Account account;
    private long fox;
    private long cafe;

    @BeforeEach
    void fill() {
        store = new StoreFixture(dir);
        account = store.account("main");
        store.tasks.upsert(account.id(), List.of(
                task("fox", TaskStatus.SUCCEEDED, 1).prompt("A red fox in the snow").build(),
                task("cafe", TaskStatus.FAILED, 2).prompt("Drone shot over a café").build(),
                task("sea", TaskStatus.RUNNING, 3).prompt("Waves at night").build()));
        fox = id("fox");
        cafe = id("cafe");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void starNoteAndTagsAreReadBackWithTheTask() {
        store.tasks.setStarred(fox, true);
        store.tasks.setNote(fox, "  best take so far \n");
        store.tasks.setTags(fox, List.of("Hero  Shot", "winter", "", "WINTER"));

        StoredTask read = store.tasks.byId(fox).orElseThrow();
        assertTrue(read.starred());
        assertEquals("best take so far", read.note());
        assertEquals(List.of("hero shot", "winter"), read.tags(), "normalised, de-duplicated, sorted");
        StoredTask other = store.tasks.byId(cafe).orElseThrow();
        assertFalse(other.starred());
        assertNull(other.note());
        assertEquals(List.of(), other.tags());
    }

    @Test
    void addAndRemoveTagOneAtATime() {
        store.tasks.addTag(fox, "winter");
        store.tasks.addTag(fox, "Winter");
        store.tasks.addTag(fox, "fox");
        store.tasks.removeTag(fox, "WINTER");
        store.tasks.setNote(fox, " ");

        StoredTask read = store.tasks.byId(fox).orElseThrow();
        assertEquals(List.of("fox"), read.tags());
        assertNull(read.note(), "a blank note removes it");
    }

    @Test
    void everySyncLeavesStarNoteAndTagsUntouched() {
        store.tasks.setStarred(fox, true);
        store.tasks.setNote(fox, "keep me");
        store.tasks.setTags(fox, List.of("keeper"));

        // The provider answers with a changed task (new status, prompt, model) and then the same again.
        for (int pass = 0; pass < 2; pass++) {
            store.tasks.upsert(account.id(), List.of(task("fox", TaskStatus.SUCCEEDED, 1)
                    .prompt("A red fox in deep snow").model("veo-3.1").progress(100).build()));
        }
        store.tasks.markGoneFromProvider(account.id(), List.of("fox"));
        store.tasks.upsert(account.id(), List.of(task("fox", TaskStatus.EXPIRED, 1).prompt("A red fox").build()));

        StoredTask read = store.tasks.byId(fox).orElseThrow();
        assertEquals(TaskStatus.EXPIRED, read.task().status(), "the provider's part did change");
        assertTrue(read.starred());
        assertEquals("keep me", read.note());
        assertEquals(List.of("keeper"), read.tags());
        assertEquals(List.of("fox"), ids(TaskQuery.all().withStarredOnly(true)));
        assertEquals(List.of("fox"), search("keep"), "the note is still searchable after the prompt changed");
    }

    @Test
    void fullTextSearchCoversNotesAndTags() {
        store.tasks.setNote(cafe, "Client liked the lighting");
        store.tasks.addTag(fox, "portfolio");

        assertEquals(List.of("cafe"), search("lighting"));
        assertEquals(List.of("fox"), search("portf"));
        assertEquals(List.of("fox"), search("fox portfolio"), "prompt and tag words combine");

        store.tasks.removeTag(fox, "portfolio");
        store.tasks.setNote(cafe, null);
        assertEquals(List.of(), search("portfolio"));
        assertEquals(List.of(), search("lighting"));
        assertEquals(List.of("cafe"), search("drone"), "the prompt stays indexed");
    }

    @Test
    void starredAndTagFiltersCombineWithTheOthers() {
        store.tasks.setStarred(fox, true);
        store.tasks.setStarred(cafe, true);
        store.tasks.addTag(cafe, "client");
        store.tasks.addTag(id("sea"), "client");

        assertEquals(List.of("cafe", "fox"), ids(TaskQuery.all().withStarredOnly(true)));
        assertEquals(List.of("sea", "cafe"), ids(TaskQuery.all().withTag("Client")));
        assertEquals(List.of("cafe"), ids(TaskQuery.all().withTag("client").withStarredOnly(true)));
        assertEquals(List.of(), ids(new TaskQuery(Set.of(TaskStatus.SUCCEEDED), null, null, 0, 0, false, true,
                "client")));
        assertEquals(2, store.tasks.count(TaskQuery.all().withTag("client")));
    }

    @Test
    void tagsWithCountsFollowTaggingAndRemoval() {
        store.tasks.setTags(fox, List.of("b-roll", "winter"));
        store.tasks.setTags(cafe, List.of("b-roll"));

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("b-roll", 2);
        expected.put("winter", 1);
        assertEquals(expected, store.tasks.tagsWithCounts());
        assertEquals(List.of("b-roll", "winter"), List.copyOf(store.tasks.tagsWithCounts().keySet()), "alphabetical");

        store.tasks.removeFromHistory(List.of(fox));
        assertEquals(Map.of("b-roll", 1), store.tasks.tagsWithCounts());
        assertEquals(List.of(), search("winter"), "a removed task leaves the index");
    }

    @Test
    void listenersHearOfLibraryChangesButNotOfNoOps() {
        List<Set<Long>> heard = new ArrayList<>();
        store.tasks.addListener(change -> heard.add(change.changed()));

        store.tasks.setStarred(fox, true);
        store.tasks.addTag(fox, "a");
        store.tasks.addTag(fox, "A");
        store.tasks.setTags(fox, List.of("a"));
        store.tasks.removeTag(cafe, "never-there");
        store.tasks.setNote(cafe, "hello");

        assertEquals(List.of(Set.of(fox), Set.of(fox), Set.of(cafe)), heard);
    }

    @Test
    void tagsOnAMissingTaskAreIgnored() {
        store.tasks.addTag(9999, "ghost");
        store.tasks.setTags(9999, List.of("ghost"));
        store.tasks.setStarred(9999, true);

        assertEquals(Map.of(), store.tasks.tagsWithCounts());
    }

    private long id(String providerTaskId) {
        return store.tasks.find(account.id(), providerTaskId).orElseThrow().id();
    }

    private List<String> search(String text) {
        return ids(new TaskQuery(null, null, text, 0, 0, false));
    }

    private List<String> ids(TaskQuery query) {
        return store.tasks.query(query).stream().map(t -> t.task().providerTaskId()).toList();
    }
}
