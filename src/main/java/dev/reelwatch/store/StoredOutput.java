package dev.reelwatch.store;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.TaskOutput;

/**
 * An output as cached, with its place in the local library. Nullable: {@code localPath} (absolute path of the
 * archived file), {@code localBytes}, {@code localSha256} (computed by us), {@code downloadPercent},
 * {@code archiveError}.
 */
public record StoredOutput(long id, long taskId, TaskOutput output, ArchiveState archiveState, String localPath,
                           Long localBytes, String localSha256, Integer downloadPercent, String archiveError) {
}
