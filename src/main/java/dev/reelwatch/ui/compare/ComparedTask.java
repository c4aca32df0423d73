package dev.reelwatch.ui.compare;

import dev.reelwatch.ui.media.player.PlayerViewModel;

/** One column of the comparison: the task's title line, its player and its prompt as diffed against the first. */
public record ComparedTask(long taskId, String title, String subtitle, PlayerViewModel player, PromptDiff prompt) {
}
