package dev.reelwatch.media;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.StoredTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportNamingTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    static StoredTask task(String providerId, String prompt, String account) {
        TaskOutput video = TaskOutput.video(0, "https://cdn.example/x.mp4");
        Task t = Task.builder(providerId, TaskStatus.SUCCEEDED).prompt(prompt)
                .createdAt(Instant.parse("2026-03-04T23:30:00Z")).addOutput(video).build();
        return new StoredTask(12, 3, account, ProviderKind.PHASEO, t, true, Instant.EPOCH, Instant.EPOCH, List.of());
    }

    @Test
    void theDefaultTemplateGivesDateProviderPromptSlugAndId() {
        StoredTask t = task("vid_9f2", "Ocean waves at Sunrise, drone shot!\nsecond line", "me");

        assertEquals("2026-03-04_phaseo_ocean-waves-at-sunrise-drone-shot_vid_9f2.mp4",
                new ExportNaming(null, UTC).fileName(t, t.task().outputs().get(0)));
    }

    @Test
    void theCreationDateFollowsTheUsersTimeZone() {
        StoredTask t = task("a", "x", "me");

        assertEquals("2026-03-05 07-30_a.mp4", new ExportNaming("{created:yyyy-MM-dd HH-mm}_{id}.mp4",
                ZoneId.of("Asia/Shanghai")).fileName(t, t.task().outputs().get(0)));
    }

    @Test
    void unsafeCharactersAreRemovedAndTheNameIsLengthLimitedKeepingTheExtension() {
        StoredTask t = task("../../etc/passwd", "a".repeat(300), "me");

        String name = new ExportNaming("{id}_{prompt-slug}_{account}.mp4", UTC).fileName(t, t.task().outputs().get(0));

        assertFalse(name.contains("/") || name.contains("\\") || name.startsWith("."), name);
        assertTrue(name.endsWith(".mp4"), name);
        assertTrue(name.length() <= ExportNaming.MAX_NAME, name);
        assertEquals("_.._etc_passwd_" + "a".repeat(40) + "_me.mp4", name);
    }

    @Test
    void reservedWindowsNamesAreAvoided() {
        assertEquals("_CON.mp4", SafeFileName.withExtension("CON", "mp4", 100));
        assertEquals("_lpt1", SafeFileName.of("lpt1", 100, "x"));
        assertEquals("x", SafeFileName.of(" .. ", 100, "x"));
        assertEquals("a_b_c", SafeFileName.of("a<b>:c", 100, "x"));
    }

    @Test
    void promptsInOtherScriptsKeepTheirLetters() {
        assertEquals("海浪-日出", SafeFileName.slug("海浪 · 日出", 40));
        assertEquals("creme-brulee", SafeFileName.slug("Crème Brûlée", 40));
    }

    @Test
    void aTakenNameGetsANumberAndNothingIsOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clip.mp4"), "first");

        Path second = ExportNaming.reserveFree(dir, "clip.mp4");
        Path third = ExportNaming.reserveFree(dir, "clip.mp4");

        assertEquals("clip (2).mp4", second.getFileName().toString());
        assertEquals("clip (3).mp4", third.getFileName().toString());
        assertEquals("first", Files.readString(dir.resolve("clip.mp4")));
    }

    @Test
    void templateProblemsAreNamedNotSilentlyReplaced() {
        assertEquals(List.of(), ExportNaming.problems(ExportNaming.DEFAULT_TEMPLATE));
        assertEquals(List.of(), ExportNaming.problems(""));
        assertEquals(List.of(), ExportNaming.problems("{created:yyyy-MM-dd_HH-mm}_{account}_{local-id}_{index}"));
        List<String> bad = ExportNaming.problems("{created:yyyy-bb}_{colour}_{id:x} {");
        assertEquals(4, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains("\"yyyy-bb\" is not valid") && bad.get(0).contains("Unknown pattern letter: b"),
                bad.get(0));
        assertEquals("Unknown placeholder {colour}.", bad.get(1));
        assertEquals("{id} takes no pattern.", bad.get(2));
        assertTrue(bad.get(3).startsWith("A brace is not part of a placeholder"), bad.get(3));
        for (String p : ExportNaming.PLACEHOLDERS) {
            assertEquals(List.of(), ExportNaming.problems(p), p + " is understood");
        }
    }

    @Test
    void anInvalidCreatedPatternIsAnErrorWithItsCauseNotSilentlyReplaced() {
        String template = "{created:yyyy-MM-dd'T}_{id}.mp4";
        java.util.Optional<String> problem = ExportNaming.problem(template);
        org.junit.jupiter.api.Assertions.assertTrue(problem.isPresent());
        org.junit.jupiter.api.Assertions.assertTrue(problem.get().contains("{created:yyyy-MM-dd'T}"), problem.get());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ExportNaming(template, java.time.ZoneOffset.UTC));
        org.junit.jupiter.api.Assertions.assertEquals(problem.get(), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(ExportNaming.problem(ExportNaming.DEFAULT_TEMPLATE).isEmpty());
    }
}
