package dev.reelwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import dev.reelwatch.rules.RuleCheck;
import dev.reelwatch.rules.RulePlan;
import dev.reelwatch.store.Rule;
import dev.reelwatch.store.RuleActions;
import dev.reelwatch.store.RuleConditions;
import dev.reelwatch.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code reelwatch rules}: rules that tag, star, export and notify finished work by themselves. */
@Command(name = "rules", synopsisSubcommandLabel = "COMMAND",
        description = {"Rules that file finished work by themselves: when a task is first seen in, or changes into,"
                + " one of a rule's statuses and meets its conditions, the rule's actions run once for it — whoever"
                + " saw the change (the app, `sync` or `wait`). Each action is written to the task's timeline."},
        subcommands = {RulesCommand.ListRules.class, RulesCommand.AddRule.class, RulesCommand.RemoveRule.class,
                RulesCommand.EnableRule.class, RulesCommand.DisableRule.class, RulesCommand.RunRules.class})
final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    private final CliContext context;

    RulesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code rules list [--json]}. */
    @Command(name = "list", sortOptions = false, mixinStandardHelpOptions = true,
            description = "List the rules, with how many tasks each has fired for.")
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--json", description = "Print one JSON array instead of a table.")
        private boolean json;

        private final CliContext context;

        ListRules(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            CliServices services = context.services();
            List<Rule> rules = services.rules().all();
            Map<Long, Integer> fired = services.rules().firedCounts();
            if (json) {
                ArrayNode array = Json.mapper().createArrayNode();
                rules.forEach(r -> array.add(RuleJson.of(r, fired.getOrDefault(r.id(), 0))));
                context.out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                return CommandLine.ExitCode.OK;
            }
            if (rules.isEmpty()) {
                context.out().println("No rules yet. Add one with `reelwatch rules add NAME --when succeeded …`.");
                return CommandLine.ExitCode.OK;
            }
            TextTable table = new TextTable(TableWidth.COLUMNS, List.of("NAME", "ON", "WHEN", "FIRED", "CONDITIONS",
                    "ACTIONS"), 16, 3, 18, 6, 26);
            for (Rule r : rules) {
                table.addRow(r.name(), r.enabled() ? "on" : "off", RuleJson.statuses(r), HumanText.number(
                        fired.getOrDefault(r.id(), 0)), RuleJson.conditionsText(r.conditions()),
                        RuleJson.actionsText(r.actions()));
            }
            table.print(context.out());
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code rules add NAME --when STATUS[,…] [conditions] [actions]}. */
    @Command(name = "add", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Add a rule. Conditions are ANDed; text conditions ignore case.")
    static final class AddRule implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The rule's name (unique, any case).")
        private String name;

        @Option(names = "--when", required = true, paramLabel = "STATUS", split = ",",
                converter = TaskStatusConverter.class, completionCandidates = TaskStatusConverter.Names.class,
                description = "Fire when a task enters one of these statuses: ${COMPLETION-CANDIDATES}.")
        private List<TaskStatus> when = new ArrayList<>();

        @Option(names = "--account", paramLabel = "NAME", description = "Only tasks of this account.")
        private String account;

        @Option(names = "--provider", paramLabel = "KIND", converter = ProviderKindConverter.class,
                description = "Only tasks of this provider (meshapi, phaseo, moneyprinterturbo, hedra).")
        private ProviderKind provider;

        @Option(names = "--model", paramLabel = "TEXT", description = "Only tasks whose model contains TEXT.")
        private String model;

        @Option(names = "--prompt-contains", paramLabel = "TEXT", description = "Only tasks whose prompt contains TEXT.")
        private String promptContains;

        @Option(names = "--has-tag", paramLabel = "TAG", description = "Only tasks with this tag.")
        private String hasTag;

        @Option(names = "--add-tag", paramLabel = "TAG", description = "Tag the task (repeatable).")
        private List<String> addTags = new ArrayList<>();

        @Option(names = "--star", description = "Star the task.")
        private boolean star;

        @Option(names = "--export-to", paramLabel = "DIR",
                description = "Export the video into this folder (archived first, downloaded if needed; never"
                        + " overwrites; a failed export is retried like a download).")
        private Path exportTo;

        @Option(names = "--name", paramLabel = "TEMPLATE",
                description = "File name template for --export-to (default: the export.nameTemplate setting).")
        private String template;

        @Option(names = "--notify", description = "Show a desktop notification for the task (in the app).")
        private boolean notify;

        @Option(names = "--no-notify", description = "Silence the task's desktop notification (in the app).")
        private boolean noNotify;

        @Option(names = "--disabled", description = "Add the rule switched off.")
        private boolean disabled;

        @Spec
        private CommandSpec spec;

        private final CliContext context;

        AddRule(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (notify && noNotify) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--notify and --no-notify exclude"
                        + " each other");
            }
            if (template != null && exportTo == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--name names exported files; it"
                        + " needs --export-to");
            }
            Rule draft = Rule.draft(name, !disabled, EnumSet.copyOf(when),
                    new RuleConditions(account, provider, model, promptContains, hasTag),
                    new RuleActions(addTags, star, exportTo == null ? null : exportTo.toAbsolutePath().normalize()
                            .toString(), template, notify ? Boolean.TRUE : noNotify ? Boolean.FALSE : null));
            CliServices services = context.services();
            List<String> problems = RuleCheck.problems(draft, services.rules());
            if (!problems.isEmpty()) {
                throw new CliUsageFailure("The rule was not saved: " + String.join(" ", problems));
            }
            Rule saved;
            try {
                saved = services.rules().add(draft);
            } catch (StoreException e) {
                throw new CliUsageFailure("The rule was not saved: " + e.getMessage());
            }
            context.out().println("Added rule '" + saved.name() + "': when " + RuleJson.statuses(saved) + ", "
                    + RuleJson.actionsText(saved.actions()) + (saved.enabled() ? "." : " (off)."));
            context.out().println("It fires for tasks that change from now on; `reelwatch rules run "
                    + quoted(saved.name()) + " --dry-run` shows what it would do to tasks already cached.");
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code rules remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a rule (what it already did stays done).")
    static final class RemoveRule implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        private final CliContext context;

        RemoveRule(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (!context.services().rules().remove(name)) {
                throw new CliFailure("There is no rule named '" + name.strip() + "'. See `reelwatch rules list`.");
            }
            context.out().println("Removed rule '" + name.strip() + "'.");
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code rules enable NAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Switch a rule on; it fires for changes from now on.")
    static final class EnableRule implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        private final CliContext context;

        EnableRule(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return switchRule(context, name, true);
        }
    }

    /** {@code rules disable NAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switch a rule off.")
    static final class DisableRule implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        private final CliContext context;

        DisableRule(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return switchRule(context, name, false);
        }
    }

    private static int switchRule(CliContext context, String name, boolean on) {
        Rule rule = context.services().rules().byName(name).orElseThrow(() -> new CliFailure(
                "There is no rule named '" + name.strip() + "'. See `reelwatch rules list`."));
        context.services().rules().update(new Rule(rule.id(), rule.name(), on, rule.when(), rule.conditions(),
                rule.actions(), rule.createdAt(), rule.activeSince()));
        context.out().println("Rule '" + rule.name() + "' is " + (on ? "on." : "off."));
        return CommandLine.ExitCode.OK;
    }

    /** {@code rules run [NAME] [--dry-run]}. */
    @Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Apply the enabled rules (or the one named) to tasks already cached that they have not"
                    + " fired for; exports that failed before are tried again.")
    static final class RunRules implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this rule (even if off).")
        private String name;

        @Option(names = "--dry-run", description = "Only list what would be done; change nothing.")
        private boolean dryRun;

        private final CliContext context;

        RunRules(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws InterruptedException {
            CliServices services = context.services();
            List<RulePlan> plans;
            try {
                plans = services.ruleEngine().run(name, dryRun);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
            for (RulePlan p : plans) {
                context.out().println("rule '" + p.rule().name() + "' " + HumanText.clean(p.task().accountName())
                        + " " + HumanText.clean(p.task().providerTaskId()) + ": " + (dryRun ? "would " : "")
                        + p.actions());
            }
            if (!dryRun) {
                services.settleRules();
            }
            context.out().println(plans.isEmpty() ? "Nothing to do: no cached task is waiting for "
                    + (name == null ? "a rule." : "this rule.")
                    : (dryRun ? "Would apply to " : "Applied to ") + HumanText.number(plans.size())
                    + (plans.size() == 1 ? " task." : " tasks."));
            return CommandLine.ExitCode.OK;
        }
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9._-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }

    /** The JSON and text shapes of a rule, as {@code rules list} prints it. */
    static final class RuleJson {
        private RuleJson() {
        }

        static ObjectNode of(Rule r, int fired) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("name", r.name());
            node.put("enabled", r.enabled());
            ArrayNode when = node.putArray("when");
            r.when().stream().sorted().forEach(s -> when.add(s.wireName()));
            ObjectNode c = node.putObject("conditions");
            c.put("account", r.conditions().account());
            c.put("provider", r.conditions().provider() == null ? null : r.conditions().provider().cliName());
            c.put("model", r.conditions().model());
            c.put("prompt_contains", r.conditions().promptContains());
            c.put("has_tag", r.conditions().hasTag());
            ObjectNode a = node.putObject("actions");
            ArrayNode tags = a.putArray("add_tags");
            r.actions().addTags().forEach(tags::add);
            a.put("star", r.actions().star());
            a.put("export_to", r.actions().exportTo());
            a.put("name_template", r.actions().nameTemplate());
            if (r.actions().notification() == null) {
                a.putNull("notify");
            } else {
                a.put("notify", r.actions().notification());
            }
            node.put("fired", fired);
            return node;
        }

        static String statuses(Rule r) {
            List<String> names = new ArrayList<>();
            r.when().stream().sorted().forEach(s -> names.add(s.wireName()));
            return String.join(",", names);
        }

        static String conditionsText(RuleConditions c) {
            List<String> parts = new ArrayList<>();
            if (c.account() != null) {
                parts.add("account " + c.account());
            }
            if (c.provider() != null) {
                parts.add("provider " + c.provider().cliName());
            }
            if (c.model() != null) {
                parts.add("model ~ " + c.model());
            }
            if (c.promptContains() != null) {
                parts.add("prompt ~ " + c.promptContains());
            }
            if (c.hasTag() != null) {
                parts.add("tag " + c.hasTag());
            }
            return parts.isEmpty() ? "any task" : String.join(", ", parts);
        }

        static String actionsText(RuleActions a) {
            List<String> parts = new ArrayList<>();
            if (!a.addTags().isEmpty()) {
                parts.add("tag " + String.join(", ", a.addTags()));
            }
            if (a.star()) {
                parts.add("star");
            }
            if (a.exportTo() != null) {
                parts.add("export to " + a.exportTo() + (a.nameTemplate() == null ? "" : " as " + a.nameTemplate()));
            }
            if (a.notification() != null) {
                parts.add(a.notification() ? "notify" : "silence");
            }
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }
    }
}
