package com.easycrm4u.camel.waapi;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.easycrm4u.camel.waapi.webhook.internal.InflightDeliveries;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookAdmission;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookConsumerHealthCheck;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookDeduplicator;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookEventFilter;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookHttpServer;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookLimits;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookOutcomeRecorder;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookPaths;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookProcessor;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookRefusalLog;
import com.easycrm4u.camel.waapi.webhook.internal.WebhookRegistration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code waapi:webhook} consumer: registers a {@link WebhookProcessor} for POST requests on Camel's HTTP server SPI
 * and runs its lifecycle. Each signed event reaches the route once: a delivery is answered 200 only when every event in
 * it has been routed, now or before. While the consumer is suspended or stopping, deliveries are answered 503 (the
 * sender retries); deliveries in flight finish, and update the idempotent repository, before anything stops, and the
 * path is unregistered last.
 */
public class WaapiWebhookConsumer extends DefaultConsumer implements Suspendable, ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(WaapiWebhookConsumer.class);

    private final InflightDeliveries inflight = new InflightDeliveries();
    private WebhookOutcomeRecorder recorder;
    private String servedPath;
    private volatile WebhookRegistration registration;

    public WaapiWebhookConsumer(WaapiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public WaapiEndpoint getEndpoint() {
        return (WaapiEndpoint) super.getEndpoint();
    }

    private WaapiConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (getHealthCheck() == null) {
            setHealthCheck(new WebhookConsumerHealthCheck(
                    "waapi-webhook:" + configuration().getPath(),
                    configuration().getPath(), this::notReadyBecause));
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        WaapiConfiguration configuration = configuration();
        List<String> tokens = verifyTokens(configuration);
        WebhookLimits limits = limits(configuration);
        CamelContext context = getEndpoint().getCamelContext();
        servedPath = WebhookHttpServer.servedPath(context, configuration.getPath());
        WebhookPaths paths = WebhookPaths.of(context);
        WebhookRegistration existing = paths.registration(servedPath);
        if (existing != null && existing.isAttachedToAnotherRunning(this)) {
            throw new IllegalStateException(
                    "POST " + configuration.getPath() + " is served by another waapi:webhook route "
                                            + "already; give this one another path");
        }
        IdempotentRepository repository = configuration.getIdempotentRepository();
        if (repository != null) {
            ServiceHelper.startService(repository);
        }
        boolean fresh = existing == null;
        registration = fresh ? new WebhookRegistration() : existing;
        if (repository == null) {
            repository = registration.ownedRepository(configuration.getIdempotentCacheSize());
        }
        Set<String> events = WebhookEventFilter.parse(configuration.getEvents());
        WebhookEventFilter.warnUnknown(configuration.getPath(), events);
        recorder = new WebhookOutcomeRecorder(
                new WebhookRefusalLog(configuration.getPath()),
                getEndpoint().getComponent().getMetrics());
        WebhookAdmission admission = new WebhookAdmission(limits, configuration.isVerifySignature(), inflight, recorder);
        WebhookProcessor processor = new WebhookProcessor(
                this, getAsyncProcessor(),
                new WebhookProcessor.Settings(
                        configuration.getPath(), configuration.isVerifySignature(), tokens,
                        events, configuration.isSplit(), getEndpoint().getObjectMapper()),
                admission, inflight,
                new WebhookDeduplicator(
                        repository, WebhookPaths.normalize(configuration.getPath()),
                        Duration.ofMillis(configuration.getClaimExpiry())));
        inflight.setAccepting(true);
        registration.attach(this, processor, admission);
        if (fresh) {
            try {
                registration.setHttpConsumer(WebhookHttpServer.register(context,
                        getEndpoint().getComponent().getWebhookComponentName(), configuration.getPath(), registration));
            } catch (RuntimeException e) {
                registration.close();
                registration = null;
                throw e;
            }
            paths.register(servedPath, registration);
        }
        LOG.info("waapi:webhook receives deliveries on POST {} (signature verification {}{}, split={}, events={})",
                configuration.getPath(), configuration.isVerifySignature() ? "on" : "OFF",
                tokens.size() > 1 ? " with " + tokens.size() + " verify tokens" : "", configuration.isSplit(),
                configuration.getEvents() == null || configuration.getEvents().isBlank() ? "all" : configuration.getEvents());
    }

    @Override
    protected void doSuspend() throws Exception {
        inflight.setAccepting(false);
    }

    @Override
    protected void doResume() throws Exception {
        inflight.setAccepting(true);
    }

    /**
     * Lets the deliveries in flight finish (their events marked routed, or their claims given up) while new ones are
     * answered 503. The path stays registered and answers 503 until the route starts again or is removed: a 404 is not
     * retried by the sender.
     */
    @Override
    protected void doStop() throws Exception {
        inflight.setAccepting(false);
        long timeout = getEndpoint().getCamelContext().getShutdownStrategy().getTimeUnit()
                .toMillis(getEndpoint().getCamelContext().getShutdownStrategy().getTimeout());
        boolean none;
        try {
            none = inflight.awaitNone(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Camel interrupts its shutdown task when the shutdown times out: stop all the same, and say what is left
            Thread.currentThread().interrupt();
            none = inflight.count() == 0;
        }
        if (!none) {
            LOG.warn("waapi:webhook on {}: {} deliveries still in flight as it stops (waited up to {} ms); they will be "
                     + "answered 500 and sent again",
                    configuration().getPath(), inflight.count(), timeout);
        }
        if (recorder != null) {
            recorder.flush();
        }
        super.doStop();
    }

    /** Unregisters the path last: when the route is removed, or once the HTTP server is gone when the context stops. */
    @Override
    protected void doShutdown() throws Exception {
        WebhookRegistration ending = registration;
        registration = null;
        if (ending != null && ending.isAttached(this)) {
            CamelContext context = getEndpoint().getCamelContext();
            String path = servedPath;
            Runnable unregister = () -> {
                WebhookPaths.of(context).unregister(path, ending);
                ending.close();
            };
            if (context.isStopping()) {
                context.addLifecycleStrategy(new LifecycleStrategySupport() {
                    @Override
                    public void onContextStopped(CamelContext stopped) {
                        unregister.run();
                    }
                });
            } else {
                unregister.run();
            }
        }
        super.doShutdown();
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        return inflight.count();
    }

    /** Nothing to prepare: Camel suspends the consumer before (deliveries are refused since), or stops it after. */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
    }

    /** Why the consumer cannot take deliveries now, or null when it can. */
    private String notReadyBecause() {
        WebhookRegistration current = registration;
        if (!isRunAllowed() || isStopping()) {
            return "stopped";
        }
        if (isSuspending() || isSuspended()) {
            return "suspended: deliveries are answered 503";
        }
        if (current == null || !current.isServing()) {
            return "POST " + configuration().getPath() + " is not registered on the HTTP server";
        }
        if (!inflight.isAccepting()) {
            return "not accepting deliveries";
        }
        return null;
    }

    private static WebhookLimits limits(WaapiConfiguration configuration) {
        if (configuration.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive, was " + configuration.getMaxBodySize());
        }
        if (configuration.getMaxUnverifiedBytes() < configuration.getMaxBodySize()) {
            throw new IllegalArgumentException(
                    "maxUnverifiedBytes (" + configuration.getMaxUnverifiedBytes() + ") must be at least maxBodySize ("
                                               + configuration.getMaxBodySize()
                                               + "), or no body of maxBodySize could be received; raise it or lower maxBodySize");
        }
        if (configuration.getMaxQueuedDeliveries() <= 0) {
            throw new IllegalArgumentException(
                    "maxQueuedDeliveries must be positive, was " + configuration.getMaxQueuedDeliveries());
        }
        if (configuration.getBodyReadTimeout() <= 0) {
            throw new IllegalArgumentException(
                    "bodyReadTimeout must be positive, was " + configuration.getBodyReadTimeout() + " ms");
        }
        return new WebhookLimits(
                configuration.getMaxBodySize(), Duration.ofMillis(configuration.getBodyReadTimeout()),
                configuration.getMaxUnverifiedBytes(), configuration.getMaxQueuedDeliveries());
    }

    private static List<String> verifyTokens(WaapiConfiguration configuration) {
        List<String> tokens = configuration.getWebhookVerifyToken() == null
                ? List.of()
                : Arrays.stream(configuration.getWebhookVerifyToken().split(",")).map(String::trim)
                        .filter(token -> !token.isEmpty()).toList();
        if (!configuration.isVerifySignature()) {
            LOG.warn("waapi:webhook on {} does NOT verify X-Hub-Signature-256 (verifySignature=false): anyone who can reach "
                     + "this path can inject events into the route. Never run like this in production.",
                    configuration.getPath());
            return List.of();
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException(
                    "waapi:webhook needs the API key's webhookVerifyToken to verify X-Hub-Signature-256: set it on the "
                                            + "endpoint or the component (camel.component.waapi.webhook-verify-token); "
                                            + "only for local tests, verifySignature=false turns verification off");
        }
        return tokens;
    }
}
