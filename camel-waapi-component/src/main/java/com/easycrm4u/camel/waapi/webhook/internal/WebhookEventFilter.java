package com.easycrm4u.camel.waapi.webhook.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code events} option of a webhook consumer: the {@code X-WAAPI-Event} values it routes. At start, names this
 * component does not know are warned about once (WAAPI may add event types, so they do not fail the start); each
 * delivery filtered out is logged at INFO, at most once per interval with the count since. Whoever answers the delivery
 * counts it in the metrics (outcome {@code filtered}).
 */
public final class WebhookEventFilter {

    /**
     * The {@code X-WAAPI-Event} values this component knows: the {@code field} of Meta's WhatsApp Business Account
     * changes that WAAPI forwards, and WAAPI's own {@code test} and {@code qr_session} events.
     */
    public static final Set<String> KNOWN_EVENTS = Set.of(
            "messages", "message_template_status_update", "message_template_quality_update",
            "message_template_components_update", "template_category_update", "phone_number_quality_update",
            "phone_number_name_update", "account_update", "account_alerts", "account_review_update",
            "business_capability_update", "security", "test", "qr_session");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventFilter.class);

    private final String path;
    private final Set<String> accepted;
    private final LogWindow filtered;

    /**
     * @param path     the consumer's path, for log lines
     * @param accepted the X-WAAPI-Event values to route; empty routes every delivery
     */
    public WebhookEventFilter(String path, Set<String> accepted) {
        this(path, accepted, WebhookRefusalLog.INTERVAL, System::nanoTime);
    }

    WebhookEventFilter(String path, Set<String> accepted, Duration interval, LongSupplier nanoClock) {
        this.path = path;
        this.accepted = Set.copyOf(accepted);
        this.filtered = new LogWindow(interval.toNanos(), nanoClock);
    }

    /** The names of an {@code events} option: comma separated, blanks ignored; empty for none. */
    public static Set<String> parse(String events) {
        if (events == null || events.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(events.split(",")).map(String::trim).filter(event -> !event.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Logs one WARN when some of these names are not event types this component knows (a typo such as {@code message}
     * acknowledges and drops every delivery), listing the known ones.
     */
    public static void warnUnknown(String path, Set<String> accepted) {
        Set<String> unknown = new TreeSet<>(accepted);
        unknown.removeAll(KNOWN_EVENTS);
        if (!unknown.isEmpty()) {
            LOG.warn("waapi:webhook on {}: events={} names {} that this component does not know as X-WAAPI-Event values; "
                     + "deliveries of other events are acknowledged and not routed. Check the spelling: the known values "
                     + "are {}. A new WAAPI event type is routed all the same.",
                    path, new TreeSet<>(accepted), unknown, new TreeSet<>(KNOWN_EVENTS));
        }
    }

    /**
     * Whether a delivery of this X-WAAPI-Event is routed; one that is not is logged (rate-limited) here.
     *
     * @param eventType  the X-WAAPI-Event header, or null
     * @param deliveryId the X-WAAPI-Delivery header, or null
     */
    public boolean accepts(String eventType, String deliveryId) {
        if (accepted.isEmpty() || eventType != null && accepted.contains(eventType)) {
            return true;
        }
        LogWindow.Report report = filtered.count();
        if (report != null && report.first()) {
            LOG.info("waapi:webhook on {} acknowledged delivery {} of event {} without routing it: not among events={}; "
                     + "deliveries filtered out are logged at most once per {} s, with their count",
                    path, WebhookHeaders.forLog(deliveryId), WebhookHeaders.forLog(eventType), new TreeSet<>(accepted),
                    WebhookRefusalLog.INTERVAL.toSeconds());
        } else if (report != null) {
            LOG.info("waapi:webhook on {} acknowledged {} delivery(ies) without routing them since the last report: their "
                     + "X-WAAPI-Event is not among events={} (the last one: {})",
                    path, report.count(), new TreeSet<>(accepted), WebhookHeaders.forLog(eventType));
        }
        return false;
    }
}
