package com.easycrm4u.camel.waapi.internal.metrics;

import org.apache.camel.spi.Registry;
import org.slf4j.LoggerFactory;

/**
 * The counters of the component, kept in the application's Micrometer {@code MeterRegistry} when there is one in the
 * Camel registry (Spring Boot actuator, Quarkus micrometer, or a bean of your own), and counted nowhere otherwise:
 * <ul>
 * <li>{@value #MESSAGES}: exchanges completed by a producer, tagged {@code operation} and {@code outcome};</li>
 * <li>{@value #RATE_LIMIT_RETRIES}: 429 answers the component sent again, tagged {@code operation};</li>
 * <li>{@value #WEBHOOK_DELIVERIES}: webhook requests answered, tagged {@code outcome} ({@code routed},
 * {@code duplicate}, {@code filtered}, {@code route_failed}, {@code in_flight_elsewhere}, {@code unavailable},
 * {@code failed}, {@code workers_busy}, or {@code refused}) and {@code reason} (for {@code refused}:
 * {@code signature_missing}, {@code signature_malformed}, {@code signature_mismatch}, {@code body_too_large},
 * {@code unsupported_media_type}, {@code body_timeout}, {@code not_json}, {@code unverified_bytes_exceeded}; else
 * {@code none});</li>
 * <li>{@value #SEND_ONCE}: sends with a send-once key, tagged {@code operation} and {@code outcome}: {@code sent} (sent
 * and marked sent), {@code duplicate} (sent before: skipped), {@code in_flight} (another send of the key in flight:
 * refused, retryable), {@code unknown} (the outcome of a send of the key is unknown: refused, or the send itself ended
 * so) or {@code released} (the send failed without sending: the key is free again).</li>
 * </ul>
 */
public interface WaapiMetrics {

    String MESSAGES = "waapi.messages";
    String RATE_LIMIT_RETRIES = "waapi.rate.limit.retries";
    String WEBHOOK_DELIVERIES = "waapi.webhook.deliveries";
    String SEND_ONCE = "waapi.send.once";
    /** The registry bean name looked up first, as camel-micrometer does. */
    String REGISTRY_NAME = "metricsRegistry";

    /** Counts nothing. */
    WaapiMetrics NONE = new WaapiMetrics() {
        @Override
        public void messageCompleted(String operation, CallOutcome outcome) {
        }

        @Override
        public void rateLimitRetry(String operation) {
        }

        @Override
        public void webhookDelivery(String outcome, String reason) {
        }

        @Override
        public void sendOnce(String operation, String outcome) {
        }
    };

    /** An exchange through the producer of {@code operation} (e.g. {@code cloud/text}) ended. */
    void messageCompleted(String operation, CallOutcome outcome);

    /** A call of {@code operation} answered 429 is sent again. */
    void rateLimitRetry(String operation);

    /**
     * The webhook consumer answered a request: one call per request, with the row of the consumer's outcome table in
     * lower case.
     *
     * @param outcome what became of it: {@code routed}, {@code duplicate}, {@code filtered}, {@code route_failed},
     *                {@code in_flight_elsewhere}, {@code unavailable}, {@code failed}, {@code workers_busy}, or
     *                {@code refused}
     * @param reason  for {@code refused}, why: {@code signature_missing}, {@code signature_malformed},
     *                {@code signature_mismatch}, {@code body_too_large}, {@code unsupported_media_type},
     *                {@code body_timeout}, {@code not_json} or {@code unverified_bytes_exceeded}; null for the others
     */
    void webhookDelivery(String outcome, String reason);

    /**
     * A send with a send-once key ended.
     *
     * @param outcome {@code sent}, {@code duplicate}, {@code in_flight}, {@code unknown} or {@code released}
     */
    void sendOnce(String operation, String outcome);

    /**
     * The counters in the Camel registry's {@code MeterRegistry}: the bean named {@value #REGISTRY_NAME}, else the only
     * {@code CompositeMeterRegistry}, else the only {@code MeterRegistry}; {@link #NONE} without Micrometer on the
     * class path or without such a bean.
     */
    static WaapiMetrics lookup(Registry registry) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, WaapiMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError noMicrometer) {
            return NONE;
        }
        WaapiMetrics metrics = MicrometerMetrics.lookup(registry);
        LoggerFactory.getLogger(WaapiMetrics.class).debug("WAAPI metrics: {}", metrics);
        return metrics;
    }
}
