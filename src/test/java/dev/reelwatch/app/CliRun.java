package dev.reelwatch.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** What one in-process run of the command line through {@link Main#runCli} printed and returned. */
record CliRun(int exitCode, String out, String err) {

    /** Runs the CLI as on Linux, with {@code home} as the user's home folder. */
    static CliRun of(Path home, Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.runCli(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, env,
                "Linux", home);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
