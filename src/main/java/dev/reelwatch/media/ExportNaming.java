package dev.reelwatch.media;

import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.store.StoredTask;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names exported videos from a template such as {@value #DEFAULT_TEMPLATE}. Placeholders: {@code {created:PATTERN}}
 * (creation time, DateTimeFormatter pattern), {@code {provider}}, {@code {account}}, {@code {model}},
 * {@code {prompt-slug}}, {@code {id}} (provider task id), {@code {local-id}}, {@code {index}}. The result is a
 * safe file name; the extension is the video's own.
 */
public final class ExportNaming {
    public static final String DEFAULT_TEMPLATE = "{created:yyyy-MM-dd}_{provider}_{prompt-slug}_{id}.mp4";
    public static final String SETTING = "export.nameTemplate";
    static final int MAX_NAME = 150;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)(?::([^}]*))?}");
    /** Every placeholder the template understands, as written in a template (created with its default pattern). */
    public static final List<String> PLACEHOLDERS = List.of("{created:yyyy-MM-dd}", "{provider}", "{account}",
            "{model}", "{prompt-slug}", "{id}", "{local-id}", "{index}");
    private static final Set<String> NAMES = Set.of("created", "provider", "account", "model", "prompt-slug", "id",
            "local-id", "index");
    /** A moment every pattern letter can be formatted from, to try a {@code created} pattern on. */
    private static final Instant PROBE = Instant.parse("2025-01-02T03:04:05.678Z");

    private final String template;
    private final ZoneId zone;

    /** @throws IllegalArgumentException a {@code {created:…}} date pattern is invalid; the message says which and why */
    public ExportNaming(String template, ZoneId zone) {
        this.template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template.strip();
        this.zone = zone;
        problem(this.template).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** What is wrong with a template (an invalid {@code {created:…}} date pattern, with its cause), if anything. */
    public static java.util.Optional<String> problem(String template) {
        Matcher m = PLACEHOLDER.matcher(template == null ? "" : template);
        while (m.find()) {
            if ("created".equals(m.group(1)) && m.group(2) != null && !m.group(2).isBlank()) {
                try {
                    DateTimeFormatter.ofPattern(m.group(2), Locale.ROOT).withZone(ZoneId.of("UTC")).format(PROBE);
                } catch (IllegalArgumentException | DateTimeException bad) {
                    return java.util.Optional.of("The date pattern in {created:" + m.group(2) + "} of the export"
                            + " name template is invalid (" + bad.getMessage() + "); fix the template.");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * What is wrong with {@code template}, one sentence per problem (empty: it is fine): an unknown placeholder,
     * a {@code {created:…}} pattern DateTimeFormatter rejects, an unclosed brace. A blank template is fine (it
     * means the default).
     */
    public static List<String> problems(String template) {
        List<String> out = new ArrayList<>();
        if (template == null || template.isBlank()) {
            return out;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!NAMES.contains(name)) {
                out.add("Unknown placeholder {" + name + "}.");
            } else if ("created".equals(name) && m.group(2) != null && !m.group(2).isBlank()) {
                try {
                    DateTimeFormatter.ofPattern(m.group(2), Locale.ROOT).withZone(ZoneId.of("UTC")).format(PROBE);
                } catch (IllegalArgumentException | DateTimeException bad) {
                    out.add("The date pattern \"" + m.group(2) + "\" is not valid: " + bad.getMessage());
                }
            } else if (!"created".equals(name) && m.group(2) != null) {
                out.add("{" + name + "} takes no pattern.");
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            out.add("A brace is not part of a placeholder; placeholders look like {provider}.");
        }
        return out;
    }

    /** The file name (no folder) for the output of a task. */
    public String fileName(StoredTask task, TaskOutput output) {
        String stemTemplate = template;
        int dot = template.lastIndexOf('.');
        if (dot > 0 && template.indexOf('}', dot) < 0) {
            stemTemplate = template.substring(0, dot);
        }
        Matcher m = PLACEHOLDER.matcher(stemTemplate);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(task, output, m.group(1), m.group(2))));
        }
        m.appendTail(out);
        String stem = out.toString().replaceAll("_{2,}", "_").replaceAll("^_|_$", "");
        return SafeFileName.withExtension(stem, VideoArchive.extension(output), MAX_NAME);
    }

    private String value(StoredTask task, TaskOutput output, String name, String argument) {
        return switch (name) {
            case "created" -> {
                Instant when = task.task().createdAt() != null ? task.task().createdAt() : task.firstSeenAt();
                String pattern = argument == null || argument.isBlank() ? "yyyy-MM-dd" : argument;
                // The pattern was checked when the template was given (see problem()).
                yield when == null ? "" : DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone).format(when);
            }
            case "provider" -> task.provider().cliName();
            case "account" -> task.accountName();
            case "model" -> task.task().model() == null ? "" : task.task().model();
            case "prompt-slug" -> SafeFileName.slug(task.task().promptFirstLine(), 40);
            case "id" -> task.task().providerTaskId();
            case "local-id" -> String.valueOf(task.id());
            case "index" -> String.valueOf(output.index());
            default -> "{" + name + "}";
        };
    }

    /** {@code dir/name}, or "name (2).ext", "name (3).ext"… when taken: an existing file is never overwritten. */
    public static Path reserveFree(Path dir, String fileName) throws java.io.IOException {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 1; n < 10_000; n++) {
            Path candidate = dir.resolve(n == 1 ? fileName : stem + " (" + n + ")" + ext);
            try {
                // CREATE_NEW is atomic: two exports racing for one name cannot both get it.
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
        throw new FileAlreadyExistsException(dir.resolve(fileName).toString(), null, "no free name left");
    }
}
