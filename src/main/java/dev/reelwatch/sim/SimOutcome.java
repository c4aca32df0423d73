package dev.reelwatch.sim;

/** How a simulated task ends. */
public enum SimOutcome { SUCCEEDED, FAILED, CANCELLED, EXPIRED }
