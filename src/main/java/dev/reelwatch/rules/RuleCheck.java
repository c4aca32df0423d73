package dev.reelwatch.rules;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.store.Rule;
import dev.reelwatch.store.RuleStore;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a rule before it is saved, in words for a person: no name, a name taken, no status,
 * an export folder that does not exist or cannot be written, a bad date pattern in the name template.
 */
public final class RuleCheck {
    private static final Pattern CREATED = Pattern.compile("\\{created:([^}]*)}");

    private RuleCheck() {
    }

    /** The problems of {@code rule}; empty when it may be saved. A rule keeps its own name when edited. */
    public static List<String> problems(Rule rule, RuleStore store) {
        List<String> problems = new ArrayList<>();
        if (rule.name() == null || rule.name().isBlank()) {
            problems.add("Give the rule a name.");
        } else {
            store.byName(rule.name()).filter(other -> other.id() != rule.id()).ifPresent(other ->
                    problems.add("A rule named '" + other.name() + "' exists already; choose another name."));
        }
        if (rule.when().isEmpty()) {
            problems.add("Choose at least one status the rule waits for (" + statusNames() + ").");
        }
        String folder = rule.actions().exportTo();
        if (folder != null) {
            folderProblem(folder).ifPresent(problems::add);
        }
        String template = rule.actions().nameTemplate();
        if (template != null) {
            Matcher m = CREATED.matcher(template);
            while (m.find()) {
                try {
                    DateTimeFormatter.ofPattern(m.group(1), Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add("The date pattern '" + m.group(1) + "' in the name template is not valid: "
                            + e.getMessage());
                }
            }
        }
        if (rule.actions().isEmpty()) {
            problems.add("Choose at least one action (a tag, a star, an export folder, notify or silence).");
        }
        return problems;
    }

    private static java.util.Optional<String> folderProblem(String folder) {
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            return java.util.Optional.of("'" + folder + "' is not a valid folder path.");
        }
        if (!path.isAbsolute()) {
            return java.util.Optional.of("Give the export folder as a full path (not '" + folder + "').");
        }
        if (!Files.isDirectory(path)) {
            return java.util.Optional.of("The export folder " + path + " does not exist.");
        }
        if (!Files.isWritable(path)) {
            return java.util.Optional.of("The export folder " + path + " cannot be written to.");
        }
        return java.util.Optional.empty();
    }

    /**
     * Reads statuses given as text ("succeeded, failed"), any case.
     *
     * @throws IllegalArgumentException naming the first unknown status and the known ones
     */
    public static Set<TaskStatus> statuses(String text) {
        Set<TaskStatus> out = EnumSet.noneOf(TaskStatus.class);
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            out.add(TaskStatus.fromWireName(part).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown status '" + part.strip() + "'; use " + statusNames() + ".")));
        }
        return out;
    }

    static String statusNames() {
        List<String> names = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            names.add(s.wireName());
        }
        return String.join(", ", names);
    }
}
