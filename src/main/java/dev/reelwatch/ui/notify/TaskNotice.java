package dev.reelwatch.ui.notify;

import dev.reelwatch.core.TaskStatus;

/**
 * One notification about finished work. A notice with the {@code burst} of an earlier one replaces it: the
 * tasks that finished close together are told in one, growing summary.
 *
 * @param status  SUCCEEDED when everything in it succeeded, else FAILED
 * @param taskId  the task to show when clicked; null for a summary of several tasks
 * @param burst   which burst this notice tells (same number: same notification, updated)
 * @param count   how many tasks the notice covers
 */
public record TaskNotice(String title, String text, TaskStatus status, Long taskId, long burst, int count) {

    public boolean failure() {
        return status != TaskStatus.SUCCEEDED;
    }
}
