package dev.reelwatch.ui.accounts;

/** Where "Test connection" stands; the view colours its message by it. */
public enum TestState { IDLE, RUNNING, CONNECTED, FAILED }
