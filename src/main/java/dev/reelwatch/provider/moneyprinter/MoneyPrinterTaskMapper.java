package dev.reelwatch.provider.moneyprinter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Maps one MoneyPrinterTurbo task record (a list item or the single-task answer) to a {@link Task}.
 * Tolerates Redis mode, where every value arrives as text ({@code "4"}, {@code "['/a.mp4']"}), and rewrites
 * the server's file paths and URLs to {@code <base>/tasks/<task_id>/<file>} on the account's own base URL.
 */
public final class MoneyPrinterTaskMapper {
    private static final Logger LOG = Logger.getLogger(MoneyPrinterTaskMapper.class.getName());
    private static final Set<String> MAPPED = Set.of("task_id", "id", "state", "progress", "videos",
            "combined_videos", "script", "audio_duration", "error", "error_message", "created_at", "updated_at");

    private final MoneyPrinterUrls urls;
    private final Set<String> unknownStatesLogged = ConcurrentHashMap.newKeySet();

    public MoneyPrinterTaskMapper(URI baseUrl) {
        this.urls = new MoneyPrinterUrls(baseUrl);
    }

    /** The record's own id ({@code task_id}, else {@code id}); null when it has none. */
    public static String taskId(JsonNode record) {
        for (String field : List.of("task_id", "id")) {
            String id = Json.text(record, field);
            if (id != null && !id.isBlank()) {
                return id.strip();
            }
        }
        return null;
    }

    /**
     * @param fallbackId the id to use when the record does not name itself (the single-task answer does not
     *                   always carry {@code task_id}); may be null when the record is known to have one
     * @param rawJson the record's JSON text exactly as received
     */
    public Task map(JsonNode record, String fallbackId, String rawJson) {
        String id = taskId(record);
        if (id == null) {
            id = fallbackId;
        }
        if (id == null) {
            throw new IllegalArgumentException("a MoneyPrinterTurbo task record without task_id");
        }
        String rawState = Json.text(record, "state");
        TaskStatus status = status(rawState);
        Task.Builder b = Task.builder(id, status)
                .providerStatus(rawState == null ? null : rawState.strip())
                .progress(Json.intValue(record, "progress"))
                .rawJson(rawJson);

        String script = Json.text(record, "script");
        String subject = Json.text(record, "video_subject");
        boolean subjectIsPrompt = script == null || script.isBlank();
        b.prompt(subjectIsPrompt ? subject : script);

        BigDecimal seconds = Json.decimal(record, "audio_duration");
        if (seconds != null && seconds.signum() >= 0) {
            b.duration(Duration.ofMillis(seconds.movePointRight(3).longValue()));
        }
        Instant created = Json.instant(record, "created_at");
        b.createdAt(created).updatedAt(Json.instant(record, "updated_at"));

        // Current servers always send error and failed_stage (null unless failed): the stage is the closest
        // thing MoneyPrinterTurbo has to an error code, so it becomes the code and stays a parameter too.
        String errorText = blankToNull(firstNonBlank(Json.text(record, "error"), Json.text(record, "error_message")));
        String failedStage = blankToNull(Json.text(record, "failed_stage"));
        if (errorText != null || (failedStage != null && status == TaskStatus.FAILED)) {
            b.error(new TaskError(failedStage, errorText));
        }

        addOutputs(b, id, record);
        addOtherFields(b, record, subjectIsPrompt);
        return b.build();
    }

    private void addOutputs(Task.Builder b, String id, JsonNode record) {
        int index = 0;
        boolean first = true;
        for (String field : List.of("videos", "combined_videos")) {
            OutputKind kind = field.equals("videos") ? OutputKind.VIDEO : OutputKind.COMBINED_VIDEO;
            for (String reported : LenientList.strings(record.get(field))) {
                MoneyPrinterUrls.TaskFile file = MoneyPrinterUrls.taskFile(id, reported);
                if (file.refused()) {
                    // The reason travels on the output (detail pane, tasks --json); every refresh would repeat it.
                    LOG.fine(file::refusal);
                    b.addOutput(TaskOutput.refused(index++, reported, kind, mimeType(reported), file.refusal()));
                    continue;
                }
                b.addOutput(new TaskOutput(index++, urls.file(file.folder(), file.file()).toString(), kind, null,
                        null, null, mimeType(file.file()), false));
                if (first) {
                    b.parameter("stream_url", urls.stream(file.folder(), file.file()));
                    b.parameter("download_url", urls.download(file.folder(), file.file()));
                    first = false;
                }
            }
        }
    }

    /** Every key we do not map to a field is kept for the detail view: terms, audio_file, materials, … */
    private static void addOtherFields(Task.Builder b, JsonNode record, boolean subjectIsPrompt) {
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String name = e.getKey();
            if (MAPPED.contains(name) || (subjectIsPrompt && name.equals("video_subject"))) {
                continue;
            }
            b.parameter(name, display(e.getValue()));
        }
    }

    private static String display(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() && (v.asText().equals("None") || v.asText().equals("null"))) {
            return null; // Redis text mode's str(None)
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode()) {
                    return v.toString();
                }
                parts.add(item.asText());
            }
            return String.join(", ", parts);
        }
        return v.toString();
    }

    /** 0 queued (newer versions), 4 processing, 1 complete, -1 failed; anything else is taken as still running. */
    TaskStatus status(String rawState) {
        if (rawState == null || rawState.isBlank()) {
            return TaskStatus.RUNNING;
        }
        String s = rawState.strip();
        try {
            int code = new BigDecimal(s).intValueExact();
            switch (code) {
                case 0: return TaskStatus.QUEUED;
                case 4: return TaskStatus.RUNNING;
                case 1: return TaskStatus.SUCCEEDED;
                case -1: return TaskStatus.FAILED;
                default: break;
            }
        } catch (NumberFormatException | ArithmeticException notACode) {
            // Some forks write names instead of codes.
            switch (s.toLowerCase(Locale.ROOT)) {
                case "queued", "pending": return TaskStatus.QUEUED;
                case "processing", "running": return TaskStatus.RUNNING;
                case "complete", "completed", "success", "succeeded": return TaskStatus.SUCCEEDED;
                case "failed", "error": return TaskStatus.FAILED;
                default: break;
            }
        }
        if (unknownStatesLogged.add(s)) {
            LOG.info(() -> "MoneyPrinterTurbo reported an unknown task state '" + s + "'; shown as running");
        }
        return TaskStatus.RUNNING;
    }

    private static String mimeType(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mp4") || lower.endsWith(".m4v")) {
            return "video/mp4";
        }
        if (lower.endsWith(".webm")) {
            return "video/webm";
        }
        if (lower.endsWith(".mov")) {
            return "video/quicktime";
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equalsIgnoreCase("none") || s.equalsIgnoreCase("null") ? null : s.strip();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
