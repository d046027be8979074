package com.easycrm4u.camel.waapi;

import java.util.concurrent.CompletionException;

import com.easycrm4u.camel.waapi.client.WaapiClient;
import com.easycrm4u.camel.waapi.health.ProducerHealth;
import com.easycrm4u.camel.waapi.health.WaapiProducerHealthCheck;
import com.easycrm4u.camel.waapi.metrics.CallOutcome;
import com.easycrm4u.camel.waapi.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.operation.WaapiOperation;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one API operation per exchange without blocking the caller's thread; the callback is completed exactly once, on
 * every path. Each exchange is counted by outcome, and authentication and connection failures feed the producer's
 * health check.
 */
public class WaapiProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(WaapiProducer.class);

    private final WaapiOperation operation;
    private WaapiClient client;
    private WaapiMetrics metrics = WaapiMetrics.NONE;
    private ProducerHealth health;
    private WritableHealthCheckRepository healthCheckRepository;
    private WaapiProducerHealthCheck healthCheck;

    public WaapiProducer(WaapiEndpoint endpoint, WaapiOperation operation) {
        super(endpoint);
        this.operation = operation;
    }

    @Override
    public WaapiEndpoint getEndpoint() {
        return (WaapiEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        WaapiComponent component = getEndpoint().getComponent();
        metrics = component.getMetrics();
        health = new ProducerHealth(component.getHealthCheckFailureThreshold());
        client = getEndpoint().createClient(() -> metrics.rateLimitRetry(operation.uri()));
        // health checks are optional: only when the context has a health-check registry
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new WaapiProducerHealthCheck(
                    "producer:waapi:" + operation.uri() + ":" + getEndpoint().getId(),
                    health, URISupport.sanitizeUri(getEndpoint().getEndpointUri()));
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        // java.net.http's client cannot be closed (Java 17): its selector thread ends once nothing references it. A
        // stopped context may stay referenced (Camel's static SimpleLanguage keeps the last context that used it, seen
        // in Karaf after feature:uninstall camel-waapi), so a stopped producer lets go of its client.
        client = null;
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Object request;
        try {
            request = operation.buildRequest(exchange, getEndpoint().getConfiguration(), getEndpoint().getObjectMapper());
        } catch (Exception e) {
            completed(exchange, e);
            callback.done(true);
            return true;
        }
        client.call(operation.method(), operation.path(), request).whenComplete((answer, failure) -> {
            Throwable error = null;
            try {
                if (failure != null) {
                    error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                } else {
                    operation.applyResult(exchange, answer, getEndpoint().getObjectMapper());
                }
            } catch (Exception e) {
                error = e;
            } finally {
                completed(exchange, error);
                callback.done(false);
            }
        });
        return false;
    }

    private void completed(Exchange exchange, Throwable error) {
        if (error != null) {
            exchange.setException(error);
        }
        CallOutcome outcome = CallOutcome.of(error);
        try {
            metrics.messageCompleted(operation.uri(), outcome);
            health.record(outcome, error);
        } catch (RuntimeException e) {
            // a broken meter registry must not keep an exchange from completing
            LOG.debug("Could not count a WAAPI call: {}", e.getMessage());
        }
    }
}
