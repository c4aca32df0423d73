package dev.reelwatch.cli;

import dev.reelwatch.media.ExportFailure;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.StoredTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code reelwatch export TASK_ID DEST}: copies a task's video out of the library (downloading it first when
 * needed) into a folder (named by the export template) or to a file path. Never overwrites. Exit 1 with a
 * reason when the video cannot be had.
 */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Copy a task's video to a folder or file, downloading it first if it is not archived yet.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_ID", description = TaskLookup.ID_HELP)
    private String taskId;

    @Parameters(index = "1", paramLabel = "DEST", description = "A folder to export into, or the file to create.")
    private Path dest;

    @Option(names = "--account", paramLabel = "NAME", description = "The account, when several have this task id.")
    private String account;

    @Option(names = "--name", paramLabel = "TEMPLATE",
            description = "File name template for a folder DEST (default: the export.nameTemplate setting, else "
                    + ExportNaming.DEFAULT_TEMPLATE + ").")
    private String template;

    private final CliContext context;
    private final Function<CliServices, OutputArchiver> archivers;

    /** @param archivers builds the archiver over the opened data directory; called only when the command runs */
    public ExportCommand(CliContext context, Function<CliServices, OutputArchiver> archivers) {
        this.context = Objects.requireNonNull(context, "context");
        this.archivers = Objects.requireNonNull(archivers, "archivers");
    }

    @Override
    public Integer call() throws InterruptedException {
        CliServices services = context.services();
        StoredTask task = TaskLookup.find(services, taskId, account);
        String chosen = template != null ? template
                : services.settings().get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE);
        ExportNaming.problem(chosen).ifPresent(problem -> {
            throw new CliFailure(problem);
        });
        ExportNaming naming = new ExportNaming(chosen, ZoneId.systemDefault());
        VideoExporter exporter = VideoExporter.over(archivers.apply(services));
        try {
            Path written = exporter.exportOne(task.id(), dest, naming, VideoExporter.Listener.NONE, () -> false);
            context.out().println(written.toAbsolutePath());
            return CommandLine.ExitCode.OK;
        } catch (ExportFailure e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
