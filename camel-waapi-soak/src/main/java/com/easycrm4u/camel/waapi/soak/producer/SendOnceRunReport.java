package com.easycrm4u.camel.waapi.soak.producer;

import java.util.Map;

import static com.easycrm4u.camel.waapi.soak.producer.FaultRunReport.row;

/**
 * The figures of a send-once run, and whether the promise held: nothing pending, no key processed by the server more
 * than once, no key whose sends succeeded twice, and no duplicate skipped for a key that was not sent.
 *
 * @param unknown           exchanges that failed with WaapiOutcomeUnknownException; {@code failures} holds the others
 * @param sentTwice         keys whose sends succeeded more than once
 * @param duplicateOfUnsent keys skipped as duplicates although no send of theirs succeeded
 */
record SendOnceRunReport(int sends, long keys, int concurrency, long completed, long pending, long sent,
        long duplicates, long unknown, Map<String, Long> failures, long routeRedeliveries, long sentTwice,
        long duplicateOfUnsent, Ledger.Snapshot server, Ledger.PerMessage perKey, long elapsedMillis) {

    boolean holds() {
        return pending == 0 && perKey.maxProcessed() <= 1 && sentTwice == 0 && duplicateOfUnsent == 0;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("| figure | value |\n|---|---|\n");
        row(t, "keyed sends (every tenth repeats an earlier key), in flight at once", sends + ", " + concurrency);
        row(t, "keys", keys);
        row(t, "exchanges completed", completed);
        row(t, "exchanges still pending", pending);
        row(t, "sent (answered 200)", sent);
        row(t, "duplicates skipped (CamelWaapiDuplicateSend, no call)", duplicates);
        row(t, "unknown outcomes (WaapiOutcomeUnknownException)", unknown);
        failures.forEach((type, count) -> row(t, "failed with " + type, count));
        row(t, "redeliveries by the route (isRetryable() only)", routeRedeliveries);
        row(t, "requests the server received", server.requests());
        row(t, "injected: HTTP 500 of the API / 503 of a proxy", server.count(Fault.SERVER_ERROR) + " / "
                                                                 + server.count(Fault.PROXY_ERROR));
        row(t, "injected: 429 with Retry-After / without", server.count(Fault.RATE_LIMITED) + " / "
                                                           + server.count(Fault.RATE_LIMITED_NO_RETRY_AFTER));
        row(t, "injected: reset before processing / after / in the answer", server.count(Fault.RESET_UNPROCESSED) + " / "
                                                                            + server.count(Fault.RESET) + " / "
                                                                            + server.count(Fault.RESET_MID_ANSWER));
        row(t, "injected: no answer until the request timeout", server.count(Fault.NO_ANSWER));
        row(t, "keys that reached the server / most requests for one key", perKey.messages() + " / "
                                                                           + perKey.maxRequests());
        row(t, "keys the server processed (sent to WhatsApp) / exactly once", perKey.processed() + " / "
                                                                              + perKey.processedOnce());
        row(t, "most times the server processed one key (must be 1)", perKey.maxProcessed());
        row(t, "keys whose sends succeeded twice (must be 0)", sentTwice);
        row(t, "keys skipped as duplicates but never sent (must be 0)", duplicateOfUnsent);
        row(t, "wall time", String.format("%.1f s", elapsedMillis / 1000.0));
        t.append(holds()
                ? "\nHOLDS: nothing pending, no key processed twice, no duplicate of an unsent key\n"
                : "\nBROKEN: see the figures above\n");
        return t.toString();
    }
}
