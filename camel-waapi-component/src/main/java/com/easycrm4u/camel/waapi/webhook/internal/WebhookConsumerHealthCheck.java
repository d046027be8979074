package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of a webhook consumer, as Camel's consumer health checks report it: UP while its path is registered on the
 * HTTP server and it accepts deliveries; DOWN while it is stopped, suspended or stopping (it answers 503), or when its
 * HTTP registration is missing. It looks only at the consumer itself; no remote call is made.
 */
public final class WebhookConsumerHealthCheck implements HealthCheck {

    /** Why the consumer is not ready, or null when it is. */
    public interface Readiness extends Supplier<String> {
    }

    private final String id;
    private final String path;
    private final Readiness readiness;
    private boolean enabled = true;

    public WebhookConsumerHealthCheck(String id, String path, Readiness readiness) {
        this.id = id;
        this.path = path;
        this.readiness = readiness;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail("waapi.webhook.path", path);
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        String notReady = readiness.get();
        return notReady == null ? builder.up().build() : builder.message(notReady).down().build();
    }
}
