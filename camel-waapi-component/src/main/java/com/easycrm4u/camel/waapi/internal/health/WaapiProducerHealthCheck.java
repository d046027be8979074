package com.easycrm4u.camel.waapi.internal.health;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The readiness of a {@code waapi:} producer in Camel's health-check registry (repository {@code producers}), as Spring
 * Boot's actuator and Quarkus' health endpoint show it. Not a liveness check: restarting the application does not
 * repair wrong credentials or an unreachable API.
 */
public final class WaapiProducerHealthCheck extends AbstractHealthCheck {

    private final ProducerHealth health;
    private final String endpointUri;

    /**
     * @param id          unique within the Camel context
     * @param endpointUri the endpoint URI with its secrets masked
     */
    public WaapiProducerHealthCheck(String id, ProducerHealth health, String endpointUri) {
        super("camel", id);
        this.health = health;
        this.endpointUri = endpointUri;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(HealthCheck.ENDPOINT_URI, endpointUri);
        builder.detail("consecutive.failures", health.getConsecutiveFailures());
        builder.detail("failure.threshold", health.getFailureThreshold());
        builder.detail("send.once.unknown", health.getSendOnceUnknown());
        if (!health.isDown()) {
            builder.up();
            return;
        }
        Throwable last = health.getLastFailure();
        builder.down().message(health.getConsecutiveFailures() + " authentication or connection failures in a row"
                               + (last != null ? "; the last: " + last.getMessage() : ""));
        if (last != null) {
            builder.error(last);
        }
    }
}
