package dev.reelwatch.sim;

/** Where a simulated task is at a given moment. */
public enum SimPhase { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, EXPIRED }
