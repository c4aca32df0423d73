package dev.reelwatch.store;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.TaskOutput;

import java.time.Instant;

/**
 * An output as cached, with its place in the local library. Nullable: {@code localPath} (absolute path of the
 * archived file), {@code localBytes}, {@code localSha256} (computed by us), {@code downloadPercent},
 * {@code archiveError}, {@code linkExpiredAt} (when a server's answer said the link is gone; only then).
 */
public record StoredOutput(long id, long taskId, TaskOutput output, ArchiveState archiveState, String localPath,
                           Long localBytes, String localSha256, Integer downloadPercent, String archiveError,
                           Instant linkExpiredAt) {

    /** An output no server has called expired. */
    public StoredOutput(long id, long taskId, TaskOutput output, ArchiveState archiveState, String localPath,
                        Long localBytes, String localSha256, Integer downloadPercent, String archiveError) {
        this(id, taskId, output, archiveState, localPath, localBytes, localSha256, downloadPercent, archiveError, null);
    }
}
