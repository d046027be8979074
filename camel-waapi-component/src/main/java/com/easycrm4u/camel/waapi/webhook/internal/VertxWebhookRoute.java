package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.easycrm4u.camel.waapi.webhook.WebhookSignature;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The webhook path as a route of platform-http's Vert.x router (Camel Main, a context with a VertxPlatformHttpServer,
 * Quarkus). The request is admitted from its headers, its body collected within maxBodySize and maxUnverifiedBytes on
 * the event loop, and its signature checked there as soon as it is complete; only then is the delivery handed to a
 * worker thread, once, where the route runs, with at most maxQueuedDeliveries waiting for one. No thread waits for a
 * body, no forged body waits for a worker, and the answer is written on the request's event loop as soon as the last
 * event has its outcome.
 * <p>
 * platform-http's own consumer would hand the still unread request to a worker thread, which then has to wait while the
 * event loop delivers the body. Only loaded where camel-platform-http-vertx is on the classpath.
 */
final class VertxWebhookRoute extends ServiceSupport {

    private static final String SIGNATURE = WebhookSignature.HEADER;

    private final PlatformHttpComponent component;
    private final VertxPlatformHttpRouter router;
    private final String path;
    private final Supplier<WebhookProcessor> processor;
    private final Iterable<Handler<RoutingContext>> engineHandlers;
    private Route route;

    private VertxWebhookRoute(PlatformHttpComponent component, VertxPlatformHttpRouter router, VertxPlatformHttpEngine engine,
                              String path, Supplier<WebhookProcessor> processor) {
        this.component = component;
        this.router = router;
        this.path = path;
        this.processor = processor;
        this.engineHandlers = engine.getHandlers();
    }

    /**
     * The route for the path on the router platform-http's Vert.x engine serves, as platform-http's consumer finds it;
     * null when the engine is not Vert.x's or its router is not there (then platform-http's consumer serves the path).
     *
     * @param path      the path from the server's root (with the REST context path)
     * @param processor the webhook processor that answers now
     */
    static Service of(CamelContext context, Object platformHttp, String path, Supplier<WebhookProcessor> processor) {
        if (!(platformHttp instanceof PlatformHttpComponent component)
                || !(component.getEngine() instanceof VertxPlatformHttpEngine engine)) {
            return null;
        }
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(engine.getServerPort()));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
        }
        return router == null ? null : new VertxWebhookRoute(component, router, engine, path, processor);
    }

    @Override
    protected void doStart() {
        Route added = router.route(HttpMethod.POST, path);
        // the engine's handlers (e.g. set by Quarkus) run in front of every platform-http route
        for (Handler<RoutingContext> handler : engineHandlers) {
            added.handler(handler);
        }
        added.handler(this::handle);
        route = added;
        // listed with platform-http's own routes (Camel Main logs them at start)
        component.addHttpEndpoint(path, "POST", null, null, null);
    }

    @Override
    protected void doStop() {
        if (route != null) {
            component.removeHttpEndpoint(path);
            route.remove();
            route = null;
        }
    }

    private void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Context eventLoop = Vertx.currentContext();
        WebhookProcessor webhook = processor.get();
        WebhookResponse refusal = webhook.admit(request.getHeader("Content-Length"), request.getHeader("Content-Type"),
                request.getHeader(SIGNATURE));
        if (refusal != null) {
            VertxRequestBody.closeAfterAnswer(request);
            write(request.response(), refusal);
            return;
        }
        try {
            collect(request, eventLoop, webhook);
        } catch (RuntimeException e) {
            // admitted, so counted in flight: answered whatever happened
            write(request.response(), webhook.complete(WebhookOutcome.FAILED));
        }
    }

    private static void collect(HttpServerRequest request, Context eventLoop, WebhookProcessor webhook) {
        WebhookLimits limits = webhook.limits();
        HttpServerResponse response = request.response();
        VertxRequestBody.collect(request, limits, (body, failure) -> {
            if (failure != null) {
                write(response, webhook.complete(WebhookOutcome.FAILED));
                return;
            }
            // the signature is checked here, on the event loop, as soon as the body is complete: only verified
            // deliveries queue for a worker, within maxQueuedDeliveries
            webhook.received(body, request.getHeader(WebhookProcessor.HEADER_EVENT),
                    request.getHeader(WebhookProcessor.HEADER_DELIVERY), request.getHeader(SIGNATURE),
                    // written on the request's event loop, as platform-http writes its answers
                    answer -> eventLoop.runOnContext(ignored -> write(response, answer)),
                    delivery -> toWorker(eventLoop, response, webhook, delivery));
        });
    }

    /** The route may block: it runs on a worker, as platform-http runs its routes. */
    private static void toWorker(
            Context eventLoop, HttpServerResponse response, WebhookProcessor webhook, Runnable delivery) {
        WebhookLimits limits = webhook.limits();
        if (!limits.queueDelivery()) {
            write(response, webhook.complete(WebhookOutcome.WORKERS_BUSY));
            return;
        }
        AtomicBoolean started = new AtomicBoolean();
        eventLoop.executeBlocking(() -> {
            started.set(true);
            limits.dequeueDelivery();
            delivery.run();
            return null;
        }, false).onFailure(rejected -> {
            // once started, the delivery answers by itself
            if (!started.get()) {
                limits.dequeueDelivery();
                write(response, webhook.complete(WebhookOutcome.FAILED));
            }
        });
    }

    private static void write(HttpServerResponse response, WebhookResponse answer) {
        if (response.ended() || response.closed()) {
            return;
        }
        // Vert.x closes the connection itself where the rest of the request is not read (VertxRequestBody)
        answer.writeTo((status, headers, json) -> {
            response.setStatusCode(status);
            headers.forEach(response::putHeader);
            response.end(json);
        }, false);
    }
}
