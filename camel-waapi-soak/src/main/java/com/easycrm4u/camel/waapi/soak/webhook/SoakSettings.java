package com.easycrm4u.camel.waapi.soak.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a webhook soak run does: how many events, over how many nodes, how hard, with which faults.
 *
 * @param events        events to deliver, in deliveries of 1 to 3
 * @param nodes         1, or 2 sharing a Hazelcast repository (one of them is stopped for good mid-run)
 * @param concurrency   deliveries in flight at once
 * @param seed          the seed of every random choice, so a run can be repeated
 * @param routeFailures the share of route attempts that fail
 * @param duplicates    the share of deliveries sent twice (same bytes, same or new delivery id)
 * @param replays       the share of deliveries replayed later under a new delivery id
 * @param answerTimeout how long the sender waits for an answer before it counts a timeout and retries
 */
public record SoakSettings(int events, int nodes, int concurrency, long seed, double routeFailures, double duplicates,
        double replays, Duration answerTimeout) {

    /** The run of docs/webhooks.md. */
    public static SoakSettings full(int nodes) {
        return new SoakSettings(100_000, nodes, 64, 42, 0.05, 0.01, 0.005, Duration.ofSeconds(5));
    }

    /** Parses {@code name=value} arguments over {@link #full(int)}: events, nodes, concurrency, seed. */
    public static SoakSettings parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("arguments are name=value (events, nodes, concurrency, seed), not " + arg);
            }
            values.put(arg.substring(0, equals).replaceFirst("^--", ""), arg.substring(equals + 1));
        }
        SoakSettings defaults = full(Integer.parseInt(values.getOrDefault("nodes", "1")));
        return new SoakSettings(
                Integer.parseInt(values.getOrDefault("events", String.valueOf(defaults.events()))),
                defaults.nodes(), Integer.parseInt(values.getOrDefault("concurrency", String.valueOf(defaults.concurrency()))),
                Long.parseLong(values.getOrDefault("seed", String.valueOf(defaults.seed()))), defaults.routeFailures(),
                defaults.duplicates(), defaults.replays(), defaults.answerTimeout());
    }

    public SoakSettings withEvents(int events) {
        return new SoakSettings(events, nodes, concurrency, seed, routeFailures, duplicates, replays, answerTimeout);
    }
}
