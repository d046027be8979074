package com.easycrm4u.camel.waapi.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta's 24-hour customer service windows, one per business number and customer: opened when the customer writes,
 * closed 24 hours later by the sandbox's clock. Outside it only templates may be sent.
 */
final class ServiceWindows {

    static final Duration LENGTH = Duration.ofHours(24);

    private final Clock clock;
    private final Map<String, Instant> lastCustomerMessage = new ConcurrentHashMap<>();

    ServiceWindows(Clock clock) {
        this.clock = clock;
    }

    void open(String businessDigits, String customerDigits) {
        lastCustomerMessage.put(key(businessDigits, customerDigits), clock.instant());
    }

    void requireOpen(String businessDigits, String customerDigits) {
        Instant last = lastCustomerMessage.get(key(businessDigits, customerDigits));
        if (last == null || !last.plus(LENGTH).isAfter(clock.instant())) {
            throw ApiError.badRequest("(#131047) Re-engagement message: outside 24h window — send a template instead");
        }
    }

    /** Every window a customer opened, open or closed by now. */
    List<ServiceWindow> all() {
        Instant now = clock.instant();
        return lastCustomerMessage.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split(">", 2);
            Instant until = e.getValue().plus(LENGTH);
            return new ServiceWindow(parts[1], parts[0], until, until.isAfter(now));
        }).toList();
    }

    void clear() {
        lastCustomerMessage.clear();
    }

    private static String key(String business, String customer) {
        return business + ">" + customer;
    }
}
