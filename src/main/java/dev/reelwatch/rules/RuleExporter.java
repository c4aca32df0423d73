package dev.reelwatch.rules;

import dev.reelwatch.media.ExportFailure;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.SettingsStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Exports a task's video into a folder for a rule: archived first (downloaded if needed), never overwriting. */
@FunctionalInterface
public interface RuleExporter {

    /**
     * Writes the video into {@code folder} under the name {@code template} gives (null: the export setting's
     * template) and returns the file written.
     */
    Path export(long taskId, Path folder, String template) throws ExportFailure, InterruptedException;

    /** Exports through {@code exporter}; the default template is read from the settings at each export. */
    static RuleExporter over(VideoExporter exporter, SettingsStore settings, ZoneId zone) {
        return (taskId, folder, template) -> {
            // A rule's export target is always a folder: a missing one must not become a file of that name.
            if (!Files.isDirectory(folder)) {
                throw new ExportFailure("The export folder " + folder + " does not exist.");
            }
            if (!Files.isWritable(folder)) {
                throw new ExportFailure("The export folder " + folder + " cannot be written to.");
            }
            String chosen = template != null ? template
                    : settings.get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE);
            ExportNaming naming;
            try {
                naming = new ExportNaming(chosen, zone);
            } catch (IllegalArgumentException badPattern) {
                // Told as the rule's export failure (the Rules page and the CLI show it), not an uncaught throw.
                throw new ExportFailure(badPattern.getMessage(), badPattern);
            }
            return exporter.exportOne(taskId, folder, naming, VideoExporter.Listener.NONE,
                    () -> Thread.currentThread().isInterrupted());
        };
    }
}
