package com.easycrm4u.camel.waapi.webhook.internal;

import com.easycrm4u.camel.waapi.internal.ClaimKeepingMemoryRepository;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.apache.camel.StatefulService;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A webhook path registered on the HTTP server. It outlives the consumer that registered it: Camel creates a new
 * consumer each time a route starts, and between a stop and the next start the path keeps answering 503 (which the
 * sender retries) through the stopped consumer's processor instead of 404 (which it does not). Each consumer of the
 * route attaches its processor when it starts; the registration, and the in-memory repository of routed events it keeps
 * across restarts, end when the route is removed or the context stops.
 */
public final class WebhookRegistration {

    private IdempotentRepository ownedRepository;
    private final Dispatcher dispatcher = new Dispatcher();
    private volatile Service httpConsumer;
    private volatile Object owner;
    private volatile WebhookProcessor processor;
    private volatile WebhookAdmission admission;

    /** The processor to register on the HTTP server: it hands each request to the processor attached now. */
    public AsyncProcessor dispatcher() {
        return dispatcher;
    }

    /** The processor attached now. */
    public WebhookProcessor processor() {
        return processor;
    }

    /** @param httpConsumer the path's registration on the HTTP server: a consumer of it, or a route of its own */
    public void setHttpConsumer(Service httpConsumer) {
        this.httpConsumer = httpConsumer;
    }

    /** Whether the path is registered on the HTTP server and its registration is running. */
    public boolean isServing() {
        Service http = httpConsumer;
        return http != null && ServiceHelper.isStarted(http);
    }

    /**
     * The in-memory repository kept across restarts of the path's routes, made by the first route that names none (an
     * earlier route on the path may have named one of its own): {@code cacheSize} routed events, and the claims of the
     * events being routed apart from them, so traffic never evicts a claim.
     */
    public synchronized IdempotentRepository ownedRepository(int cacheSize) {
        if (ownedRepository == null) {
            ownedRepository = new ClaimKeepingMemoryRepository(cacheSize);
            ServiceHelper.startService(ownedRepository);
        }
        return ownedRepository;
    }

    /** The admission of the processor attached now. */
    public WebhookAdmission admission() {
        return admission;
    }

    /** Whether another consumer that is running (not stopped) has its processor attached. */
    public boolean isAttachedToAnotherRunning(Object consumer) {
        Object current = owner;
        return current != null && current != consumer && current instanceof StatefulService service && service.isRunAllowed();
    }

    /** The consumer's processor answers the path's requests from now on. */
    public void attach(Object consumer, WebhookProcessor processor, WebhookAdmission admission) {
        this.processor = processor;
        this.admission = admission;
        this.owner = consumer;
    }

    public boolean isAttached(Object consumer) {
        return owner == consumer;
    }

    /** Stops the registration on the HTTP server, and the repository it keeps. */
    public void close() {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        synchronized (this) {
            ServiceHelper.stopAndShutdownService(ownedRepository);
            ownedRepository = null;
        }
    }

    private final class Dispatcher extends AsyncProcessorSupport {

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            return processor.process(exchange, callback);
        }
    }
}
