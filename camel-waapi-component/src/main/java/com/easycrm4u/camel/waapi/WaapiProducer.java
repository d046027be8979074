package com.easycrm4u.camel.waapi;

import java.util.concurrent.CompletionException;

import com.easycrm4u.camel.waapi.client.WaapiClient;
import com.easycrm4u.camel.waapi.internal.SendOnce;
import com.easycrm4u.camel.waapi.internal.health.ProducerHealth;
import com.easycrm4u.camel.waapi.internal.health.WaapiProducerHealthCheck;
import com.easycrm4u.camel.waapi.internal.metrics.CallOutcome;
import com.easycrm4u.camel.waapi.internal.metrics.WaapiMetrics;
import com.easycrm4u.camel.waapi.operation.OperationHandler;
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
 * health check. A send with a send-once key ({@link WaapiConstants#SEND_ONCE_KEY}) claims the key in the endpoint's
 * {@code sendOnceRepository} first, and is made only when the key is free.
 */
public class WaapiProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(WaapiProducer.class);

    private final OperationHandler operation;
    private SendOnce sendOnce;
    private WaapiClient client;
    private WaapiMetrics metrics = WaapiMetrics.NONE;
    private ProducerHealth health;
    private WritableHealthCheckRepository healthCheckRepository;
    private WaapiProducerHealthCheck healthCheck;

    WaapiProducer(WaapiEndpoint endpoint, OperationHandler operation) {
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
        sendOnce = getEndpoint().sendOnce();
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
        // a stopped context may stay referenced (Camel's static SimpleLanguage keeps the last context that used it, seen
        // in Karaf after feature:uninstall camel-waapi): a stopped producer lets go of its client, and with it of the
        // transport and of a user's java.net.http client, whose selector thread ends only once nothing references it
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
        // a header read is all a send without a key costs
        Object key = sendOnce != null ? exchange.getMessage().getHeader(WaapiConstants.SEND_ONCE_KEY) : null;
        SendOnce.Claim claim = null;
        if (key != null) {
            try {
                claim = claim(exchange, key);
            } catch (Exception e) {
                // no call was made: counted in the send-once counter only, and says nothing of the API's health
                exchange.setException(e);
            }
            if (claim == null) {
                callback.done(true);
                return true;
            }
        }
        SendOnce.Claim owned = claim;
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
                if (owned != null) {
                    settle(owned, failure == null, error);
                }
                completed(exchange, error);
                callback.done(false);
            }
        });
        return false;
    }

    /**
     * Claims the send-once key for this exchange's send.
     *
     * @return                              the claim to settle after the call; null when the key was sent before (the
     *                                      exchange is marked a duplicate and goes on)
     * @throws WaapiSendInFlightException   when another send of the key is in flight
     * @throws WaapiOutcomeUnknownException when a send of the key has an unknown outcome
     */
    private SendOnce.Claim claim(Exchange exchange, Object header) {
        String key = header.toString();
        if (key.isEmpty()) {
            throw new WaapiValidationException(
                    WaapiConstants.SEND_ONCE_KEY, "waapi:" + operation.uri() + ": the header " + WaapiConstants.SEND_ONCE_KEY
                                                  + " is empty; set it to the business key of the message (an order id, ...) or remove it");
        }
        SendOnce.Claim claim = sendOnce.claim(key);
        switch (claim.state()) {
            case CLAIMED -> {
                return claim;
            }
            case SENT -> {
                countSendOnce("duplicate");
                exchange.getMessage().setHeader(WaapiConstants.DUPLICATE_SEND, Boolean.TRUE);
                LOG.debug("waapi:{} skips the send of key {}: it was sent before", operation.uri(), key);
                return null;
            }
            case IN_FLIGHT -> {
                countSendOnce("in_flight");
                throw new WaapiSendInFlightException(
                        "waapi:" + operation.uri() + ": the send-once key '" + key
                                                     + "' is claimed by a send still in flight elsewhere (another exchange, thread or node);"
                                                     + " nothing was sent. Retry later: the retry finds the key sent (a duplicate, skipped) or released (sent then)");
            }
            default -> {
                countSendOnce("unknown");
                health.recordSendOnceUnknown();
                String what = claim.state() == SendOnce.State.STALE
                        ? "the send that claimed it did not finish within sendOnceClaimTimeout ("
                          + sendOnce.claimTimeout().toMillis() + " ms): its node may have died mid-send"
                        : "an earlier send with it was written and never answered";
                throw new WaapiOutcomeUnknownException(
                        "waapi:" + operation.uri() + ": the send-once key '" + key + "' has an unknown outcome: " + what
                                                       + "; nothing was sent. Find out whether the message arrived (its delivery webhook);"
                                                       + " to send it, clear the key (the endpoint's clearSendOnceKey operation, over JMX"
                                                       + " or in Java), else drop the exchange",
                        (Throwable) null);
            }
        }
    }

    /**
     * Records what became of a claimed send: sent (a 2xx, even when its body could not be turned into the result,
     * unless that says the outcome is unknown), not sent (any other WAAPI failure: never sent, or refused by the API),
     * or unknown. A repository that fails here leaves the key claimed, which reads as unknown after the claim timeout:
     * the message is never sent twice, and the exchange keeps its own outcome.
     */
    private void settle(SendOnce.Claim claim, boolean answered, Throwable error) {
        String outcome;
        try {
            if (error instanceof WaapiOutcomeUnknownException || !answered && !(error instanceof WaapiException)) {
                outcome = "unknown";
                health.recordSendOnceUnknown();
                sendOnce.unknown(claim);
            } else if (answered) {
                outcome = "sent";
                sendOnce.sent(claim);
            } else {
                outcome = "released";
                sendOnce.release(claim);
            }
        } catch (RuntimeException e) {
            LOG.warn("waapi:{} could not record the outcome of a send in the sendOnceRepository ({}): its key reads as"
                     + " an unknown outcome after sendOnceClaimTimeout",
                    operation.uri(), e.toString());
            return;
        }
        countSendOnce(outcome);
    }

    private void countSendOnce(String outcome) {
        try {
            metrics.sendOnce(operation.uri(), outcome);
        } catch (RuntimeException e) {
            // a broken meter registry must not keep an exchange from completing
            LOG.debug("Could not count a WAAPI send-once outcome: {}", e.getMessage());
        }
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
