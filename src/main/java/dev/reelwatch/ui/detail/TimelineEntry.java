package dev.reelwatch.ui.detail;

import dev.reelwatch.core.TaskStatus;

/**
 * One observed status change, ready to show: when ("Mar 3, 14:05:12"), what it became ("Running"), the
 * provider's own word when it differs, and how long after the previous change it came ("+42 s", or "").
 */
public record TimelineEntry(String time, TaskStatus status, String title, String providerStatus, String gap) {
}
