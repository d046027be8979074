package com.easycrm4u.camel.waapi.webhook.internal;

import java.util.List;

import com.easycrm4u.camel.waapi.webhook.internal.WebhookEventReader.RoutableEvent;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;

/**
 * The state of one delivery while its events are routed: one fresh exchange per event not routed before, one after the
 * other in envelope order, without blocking. An event is claimed before it is routed and marked routed once the route
 * succeeded; the first failure, or an event being routed by another attempt, ends the delivery. The outcome is handed
 * over once.
 */
final class EventRouting {

    /** Receives the outcome of the delivery, once. */
    interface Finish {
        void finish(WebhookOutcome outcome, Exception failure);
    }

    private final Consumer consumer;
    private final AsyncProcessor route;
    private final WebhookDeduplicator deduplicator;
    private final List<RoutableEvent> events;
    private final Finish finish;
    private int next;
    private boolean routedNow;

    EventRouting(Consumer consumer, AsyncProcessor route, WebhookDeduplicator deduplicator, List<RoutableEvent> events,
                 Finish finish) {
        this.consumer = consumer;
        this.route = route;
        this.deduplicator = deduplicator;
        this.events = events;
        this.finish = finish;
    }

    /**
     * Routes the events not routed yet, one after the other: returns when the delivery is finished, or when the route
     * continues an event asynchronously (its callback then routes the rest).
     */
    void routeNext() {
        while (next < events.size()) {
            RoutableEvent event = events.get(next++);
            WebhookDeduplicator.Claim claim;
            try {
                claim = deduplicator.claim(event.key());
            } catch (RuntimeException e) {
                finish.finish(WebhookOutcome.FAILED, e);
                return;
            }
            if (claim.state() == WebhookDeduplicator.State.ROUTED_BEFORE) {
                continue;
            }
            if (claim.state() == WebhookDeduplicator.State.IN_FLIGHT_ELSEWHERE) {
                finish.finish(WebhookOutcome.IN_FLIGHT_ELSEWHERE, null);
                return;
            }
            routedNow = true;
            Exchange exchange = consumer.createExchange(false);
            exchange.getMessage().setBody(event.body());
            event.headers().writeTo(exchange.getMessage().getHeaders());
            boolean doneSync;
            try {
                doneSync = route.process(exchange, exchangeDoneSync -> {
                    if (!exchangeDoneSync && routed(exchange, claim)) {
                        routeNext();
                    }
                });
            } catch (Exception e) {
                exchange.setException(e);
                doneSync = true;
            }
            if (!doneSync || !routed(exchange, claim)) {
                return;
            }
        }
        finish.finish(routedNow ? WebhookOutcome.ROUTED : WebhookOutcome.DUPLICATE, null);
    }

    /** Records the outcome of one event; false when it ended the delivery. */
    private boolean routed(Exchange exchange, WebhookDeduplicator.Claim claim) {
        Exception failure = exchange.getException();
        if (failure == null && exchange.isRollbackOnly()) {
            failure = new IllegalStateException("the route marked the exchange rollback-only");
        }
        consumer.releaseExchange(exchange, false);
        try {
            if (failure != null) {
                claim.release();
            } else {
                claim.routed();
            }
        } catch (RuntimeException e) {
            finish.finish(WebhookOutcome.FAILED, e);
            return false;
        }
        if (failure != null) {
            finish.finish(WebhookOutcome.ROUTE_FAILED, failure);
            return false;
        }
        return true;
    }
}
