package com.easycrm4u.camel.waapi.soak.producer;

import java.util.Map;

/**
 * The figures of a fault run, and whether the promises held: nothing pending, nothing sent again by the component but
 * 429s, nothing reaching the customer twice.
 */
record FaultRunReport(int messages, int concurrency, long completed, long pending, long succeeded,
        Map<String, Long> failures, long routeRedeliveries, long retryWouldDuplicate,
        Ledger.Snapshot server, int peakThreads, long peakHeapBytes, long maxHeapBytes, long elapsedMillis) {

    boolean holds() {
        return pending == 0 && server.resentOtherwise() == 0 && server.processedTwice() == 0 && retryWouldDuplicate == 0;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("| figure | value |\n|---|---|\n");
        row(t, "messages (half cloud/text, half cloud/template), in flight at once", messages + ", " + concurrency);
        row(t, "exchanges completed", completed);
        row(t, "exchanges still pending", pending);
        row(t, "succeeded", succeeded);
        failures.forEach((type, count) -> row(t, "failed with " + type, count));
        row(t, "requests the server received", server.requests());
        row(t, "injected: HTTP 500", server.count(Fault.SERVER_ERROR));
        row(t, "injected: 429 with Retry-After / without", server.count(Fault.RATE_LIMITED) + " / "
                                                           + server.count(Fault.RATE_LIMITED_NO_RETRY_AFTER));
        row(t, "injected: reset before any answer", server.count(Fault.RESET));
        row(t, "injected: no answer until the request timeout", server.count(Fault.NO_ANSWER));
        row(t, "injected: 200 with a 64 MiB body (cap 1 MiB)", server.count(Fault.OVERSIZED));
        row(t, "429s the component sent again", server.resentAfterRateLimit());
        row(t, "requests the component sent again, other than 429s", server.resentOtherwise());
        row(t, "redeliveries by the route (isRetryable() only)", routeRedeliveries);
        row(t, "messages the server processed twice", server.processedTwice());
        row(t, "failed exchanges a retry of isRetryable() would send twice", retryWouldDuplicate);
        row(t, "peak threads (whole process, server included)", peakThreads);
        row(t, "peak heap used (sampled every 20 ms) / max heap", mib(peakHeapBytes) + " / " + mib(maxHeapBytes));
        row(t, "wall time", String.format("%.1f s", elapsedMillis / 1000.0));
        t.append(holds()
                ? "\nHOLDS: nothing pending, no re-send but 429s, no message twice\n"
                : "\nBROKEN: see the figures above\n");
        return t.toString();
    }

    /** One row of a figures table: counts with thousands separators. */
    static void row(StringBuilder t, String figure, Object value) {
        t.append("| ").append(figure).append(" | ")
                .append(value instanceof Long || value instanceof Integer ? String.format("%,d", value) : value)
                .append(" |\n");
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
