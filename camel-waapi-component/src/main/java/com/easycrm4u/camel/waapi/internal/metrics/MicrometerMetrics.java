package com.easycrm4u.camel.waapi.internal.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.spi.Registry;

/**
 * {@link WaapiMetrics} as Micrometer counters. Only loaded when Micrometer is on the class path.
 */
final class MicrometerMetrics implements WaapiMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static WaapiMetrics lookup(Registry camelRegistry) {
        MeterRegistry registry = find(camelRegistry, CompositeMeterRegistry.class);
        if (registry == null) {
            registry = find(camelRegistry, MeterRegistry.class);
        }
        return registry == null ? WaapiMetrics.NONE : new MicrometerMetrics(registry);
    }

    private static MeterRegistry find(Registry camelRegistry, Class<? extends MeterRegistry> type) {
        MeterRegistry named = camelRegistry.lookupByNameAndType(REGISTRY_NAME, type);
        if (named != null) {
            return named;
        }
        Set<? extends MeterRegistry> all = camelRegistry.findByType(type);
        return all != null && all.size() == 1 ? all.iterator().next() : null;
    }

    @Override
    public void messageCompleted(String operation, CallOutcome outcome) {
        counter(MESSAGES, "Exchanges completed by a waapi producer, by operation and outcome",
                "operation", operation, "outcome", outcome.tag()).increment();
    }

    @Override
    public void rateLimitRetry(String operation) {
        counter(RATE_LIMIT_RETRIES, "Calls answered 429 that the waapi component sent again",
                "operation", operation).increment();
    }

    @Override
    public void webhookDelivery(String outcome, String reason) {
        counter(WEBHOOK_DELIVERIES, "Webhook deliveries answered by the waapi consumer, by outcome and reason",
                "outcome", outcome, "reason", reason == null ? "none" : reason).increment();
    }

    @Override
    public void sendOnce(String operation, String outcome) {
        counter(SEND_ONCE, "Sends with a send-once key by a waapi producer, by operation and outcome",
                "operation", operation, "outcome", outcome).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("\u0000", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    @Override
    public String toString() {
        return "Micrometer counters in " + registry.getClass().getSimpleName();
    }
}
