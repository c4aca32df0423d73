package dev.reelwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started for a benchmark with this JVM's java and class path, whose {@code REELWATCH_MARK name millis}
 * lines are collected; times are measured from just before the process was spawned.
 */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final long spawnedAt;
    private final Map<String, Long> marks = new ConcurrentHashMap<>();
    private final List<String[]> allMarks = new CopyOnWriteArrayList<>();

    private AppProcess(Process process, long spawnedAt) {
        this.process = process;
        this.spawnedAt = spawnedAt;
        Thread reader = new Thread(this::readMarks, "bench-marks");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code jvmOptions} plus the benchmark's class path and REELWATCH_HOME. */
    static AppProcess start(String mainClass, List<String> jvmOptions, Path reelwatchHome) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (reelwatchHome != null) {
            builder.environment().put("REELWATCH_HOME", reelwatchHome.toString());
        }
        long spawnedAt = System.currentTimeMillis();
        return new AppProcess(builder.start(), spawnedAt);
    }

    /** Starts any command (a packaged launcher) with REELWATCH_HOME and extra environment. */
    static AppProcess startCommand(List<String> command, Path reelwatchHome, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (reelwatchHome != null) {
            builder.environment().put("REELWATCH_HOME", reelwatchHome.toString());
        }
        builder.environment().putAll(env);
        long spawnedAt = System.currentTimeMillis();
        return new AppProcess(builder.start(), spawnedAt);
    }

    private void readMarks() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("REELWATCH_MARK ")) {
                    String[] parts = line.split(" ");
                    marks.put(parts[1], Long.parseLong(parts[2]));
                    allMarks.add(new String[] {parts[1], parts[2], String.valueOf(System.nanoTime())});
                } else if (Boolean.getBoolean("bench.verbose")) {
                    System.out.println("  | " + line);
                }
            }
        } catch (IOException e) {
            // The process ended; the marks read so far stand.
        }
    }

    /** Milliseconds from spawn to the mark, waiting for it up to {@code timeoutMillis}. */
    double await(String mark, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!marks.containsKey(mark)) {
            if (System.currentTimeMillis() > deadline || !process.isAlive() && !marks.containsKey(mark)) {
                throw new IllegalStateException("no '" + mark + "' mark from pid " + process.pid()
                        + (process.isAlive() ? " in time" : ": it exited with " + process.exitValue()));
            }
            Thread.sleep(5);
        }
        return marks.get(mark) - spawnedAt;
    }

    /** Every mark so far, in order: name, value, and this JVM's nanoTime when it was read. */
    List<String[]> marks() {
        return List.copyOf(allMarks);
    }

    /** The process's resident set size (VmRSS) in MiB. */
    double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for pid " + process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            // Closing from an interrupted benchmark: stop the process without waiting, keep the interrupt.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
