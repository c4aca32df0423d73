package dev.reelwatch.cli;

import dev.reelwatch.app.AppCliServices;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.Task;
import dev.reelwatch.sim.AdjustableClock;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the real command line in-process over a data directory, capturing what it prints. */
final class CliHarness {
    final Path dataDir;
    final Path home;
    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-23T18:00:00Z"));
    final CliServicesFactory factory;
    /** What standard output pretends to be; a pipe unless a test sets a terminal. */
    Terminal terminal = Terminal.pipe();

    CliHarness(Path temp) {
        this.dataDir = temp.resolve("data");
        this.home = temp.resolve("home");
        this.factory = new AppCliServices(Map.of(), "Linux", home, clock);
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code reelwatch --data-dir <dataDir> args...} with {@code stdin} as standard input. */
    Result runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return runRaw(stdin, cl -> { }, all.toArray(String[]::new));
    }

    /** Runs exactly {@code args}, after {@code extend} had its way with the command line. */
    Result runRaw(String stdin, Consumer<CommandLine> extend, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ReelwatchCommand.commandLine(factory, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        extend.accept(cl);
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Does something with the real stores of the data directory, as the poller would. */
    <T> T withServices(java.util.function.Function<CliServices, T> work) {
        try (CliServices services = factory.open(dataDir)) {
            return work.apply(services);
        }
    }

    Account account(String name) {
        return withServices(s -> s.accounts().byName(name).orElseThrow());
    }

    void cache(String accountName, Task... tasks) {
        long accountId = account(accountName).id();
        withServices(s -> s.tasks().upsert(accountId, List.of(tasks)));
    }
}
