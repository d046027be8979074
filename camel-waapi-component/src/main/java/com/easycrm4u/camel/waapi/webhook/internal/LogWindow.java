package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.function.LongSupplier;

/**
 * Decides when something that may happen at every request is logged: the first time at once, then at most once per
 * interval with how many there were since, so whoever sends the requests does not decide how much is logged.
 */
final class LogWindow {

    /** What to log now: how many occurrences the line reports, and whether it is the first line of this window. */
    record Report(long count, boolean first) {
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long unreported;
    private boolean logged;
    private long lastLogged;

    LogWindow(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** Counts one occurrence; what to log now, or null when it waits for a later line. */
    synchronized Report count() {
        long now = nanoClock.getAsLong();
        unreported++;
        if (logged && now - lastLogged < intervalNanos) {
            return null;
        }
        Report report = new Report(unreported, !logged);
        unreported = 0;
        logged = true;
        lastLogged = now;
        return report;
    }

    /** The occurrences counted but not logged yet, now counted as logged. */
    synchronized long drain() {
        long count = unreported;
        unreported = 0;
        return count;
    }
}
