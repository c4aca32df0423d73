package dev.reelwatch.media;

import java.util.List;

/** What one archive pass did; {@code problems} holds one line per output that failed or whose link expired. */
public record ArchiveReport(int archived, int failed, int linkExpired, int skipped, boolean archiveOff,
                            List<String> problems) {

    public ArchiveReport {
        problems = List.copyOf(problems);
    }

    public boolean allOk() {
        return failed == 0;
    }
}
